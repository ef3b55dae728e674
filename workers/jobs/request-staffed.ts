import { UnrecoverableError } from "bullmq";
import { DateTime } from "luxon";
import { z } from "zod";
import { recordOfficerSms } from "../../prisma/repositories/officer-conversation.ts";
import type { JobDefinition } from "../job-definition.ts";
import { QUEUES } from "../queues.ts";
import type { WorkerDeps } from "../registry.ts";

export const RequestStaffedPayloadSchema = z.object({ requestId: z.uuid() });

/** Reminder lead before a shift starts (minutes), and the no-show grace after it starts. */
export const REMINDER_MINUTES_BEFORE = 120;
export const NO_SHOW_GRACE_MINUTES = 15;

/**
 * Once every position is filled: post orders to each assigned officer, then the timers — a
 * reminder before the shift and a no-show check after its start. Idempotent: each officer's
 * post orders are recorded once (by a marker in the audit trail), timers have fixed job ids.
 */
export const requestStaffedJob: JobDefinition<typeof RequestStaffedPayloadSchema, WorkerDeps> = {
  id: "request-staffed",
  queue: QUEUES.reminders,
  schema: RequestStaffedPayloadSchema,
  async run({ payload, deps }) {
    const { prisma } = deps;
    const request = await prisma.request.findUnique({
      where: { id: payload.requestId },
      include: {
        positions: {
          include: { assignments: { where: { status: "assigned" }, include: { officer: true } } },
        },
      },
    });
    if (!request) throw new UnrecoverableError("no such request");
    const agency = deps.getAgency(request.agencyId);
    if (!agency) throw new UnrecoverableError(`unknown agency ${request.agencyId}`);
    const when = DateTime.fromJSDate(request.start, { zone: agency.timeZone }).toFormat("ccc LLL d h:mm a");
    const where = (request.address as { line1?: string } | null)?.line1 ?? agency.city;
    for (const assignment of request.positions.flatMap((p) => p.assignments)) {
      const conversationId = await recordOfficerSms(prisma, {
        agencyId: agency.id,
        from: agency.phoneNumbers[0] ?? "bot",
        to: assignment.officer.phone,
        body: `Post orders for #${request.number}, ${when} at ${where}: ${request.postOrders?.trim() || "none given; report to the site contact."}`,
        marker: { action: "post_orders.sent", entityType: "Assignment", entityId: assignment.id },
      });
      if (conversationId) await deps.enqueueSms(conversationId, `post-orders-${assignment.id}`);
    }
    await deps.scheduleShiftTimers(request.id, request.start);
    const officers = request.positions.flatMap((p) => p.assignments.map((a) => a.officer));
    await deps.syncRequestCard(request.id, "staffed");
    await deps.postRequestNotice(
      request.id,
      "staffed",
      `Fully staffed: ${officers.map((o) => `${o.firstName} ${o.lastName} (#${o.badgeNumber})`).join(", ")}.`,
    );
    return { officers: request.positions.flatMap((p) => p.assignments).length };
  },
};
