import { DateTime } from "luxon";
import { z } from "zod";
import { recordOfficerSms } from "../../prisma/repositories/officer-conversation.ts";
import type { JobDefinition } from "../job-definition.ts";
import { QUEUES } from "../queues.ts";
import type { WorkerDeps } from "../registry.ts";

export const ShiftReminderPayloadSchema = z.object({ requestId: z.uuid() });

/** Before the shift: a reminder to every officer still assigned, with the code to check in. */
export const shiftReminderJob: JobDefinition<typeof ShiftReminderPayloadSchema, WorkerDeps> = {
  id: "shift-reminder",
  queue: QUEUES.reminders,
  schema: ShiftReminderPayloadSchema,
  async run({ payload, deps }) {
    const { prisma } = deps;
    const assignments = await prisma.assignment.findMany({
      where: { position: { requestId: payload.requestId }, status: "assigned" },
      include: { officer: true, position: { include: { request: true, offers: { where: { status: "accepted" } } } } },
    });
    for (const assignment of assignments) {
      const { request } = assignment.position;
      const agency = deps.getAgency(request.agencyId);
      if (!agency) continue;
      const when = DateTime.fromJSDate(request.start, { zone: agency.timeZone }).toFormat("ccc h:mm a");
      const code = assignment.position.offers.find((o) => o.officerId === assignment.officerId)?.code ?? "";
      const conversationId = await recordOfficerSms(prisma, {
        agencyId: agency.id,
        from: agency.phoneNumbers[0] ?? "bot",
        to: assignment.officer.phone,
        body: `Reminder: shift #${request.number} starts ${when}. Reply IN ${code} when you arrive.`,
        marker: { action: "reminder.sent", entityType: "Assignment", entityId: assignment.id },
      });
      if (conversationId) await deps.enqueueSms(conversationId, `reminder-${assignment.id}`);
    }
    return { reminded: assignments.length };
  },
};
