import { UnrecoverableError } from "bullmq";
import { z } from "zod";
import { formatLocalInstant } from "../../core/officers/index.ts";
import { recordOfficerSms } from "../../prisma/repositories/officer-conversation.ts";
import { OfficerShiftRepository } from "../../prisma/repositories/officer-shift-repository.ts";
import type { JobDefinition } from "../job-definition.ts";
import { QUEUES } from "../queues.ts";
import type { WorkerDeps } from "../registry.ts";
import { describeRankedOfficer } from "../../core/agencies/index.ts";

export const CloseForgottenCheckOutsPayloadSchema = z.object({ requestId: z.uuid() });

const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

/**
 * At a request's end plus the agency's `checkOutGraceMinutes`: officers still checked in are
 * checked out at the scheduled end (prisma/repositories/attendance.ts), each is told, and the
 * supervisors are asked in the request's thread to confirm the hours. Idempotent: the close is
 * guarded by status, each text by a marker, each thread line by its job id; a re-run re-sends
 * nothing but finishes what an interrupted run left.
 */
export const closeForgottenCheckOutsJob: JobDefinition<typeof CloseForgottenCheckOutsPayloadSchema, WorkerDeps> = {
  id: "close-forgotten-check-outs",
  queue: QUEUES.reminders,
  schema: CloseForgottenCheckOutsPayloadSchema,
  async run({ payload, deps }) {
    const { prisma } = deps;
    const result = await new OfficerShiftRepository(prisma, deps.getAgency).closeForgottenCheckOuts(payload.requestId, new Date());
    if (result.kind === "no_request") throw new UnrecoverableError("no such request");
    // The end moved later after this job was queued; the check-in queued one for the new end.
    if (result.kind === "not_due") return { notDueUntil: result.dueAt.toISOString() };
    const agency = deps.getAgency(result.agencyId);
    if (!agency) throw new UnrecoverableError(`unknown agency ${result.agencyId}`);
    const supervisors = agency.slack.supervisors.map((id) => `<@${id}>`).join(" ");
    for (const assignment of result.closed) {
      const { officer } = assignment;
      const closedAt = formatLocalInstant(assignment.checkedOutAt.getTime(), agency.timeZone);
      const conversationId = await recordOfficerSms(prisma, {
        agencyId: agency.id,
        from: agency.phoneNumbers[0] ?? "bot",
        to: officer.phone,
        body: `You did not check out of #${result.requestNumber}, so we checked you out at its scheduled end, ${closedAt} (${hours(assignment.minutesWorked)} hours). If you worked longer, tell your supervisor.`,
        marker: { action: "auto_check_out.told", entityType: "Assignment", entityId: assignment.id },
      });
      if (conversationId) await deps.enqueueSms(conversationId, `auto-check-out-${assignment.id}`);
      await deps.postRequestNotice(
        payload.requestId,
        `auto-check-out-${assignment.id}`,
        `${supervisors} ${describeRankedOfficer(officer)} did not check out of #${result.requestNumber}; closed at the scheduled end, ${closedAt} (${hours(assignment.minutesWorked)} hours). Please confirm the hours.`.trim(),
      );
    }
    if (result.completed) await deps.enqueueInvoiceDraft(payload.requestId);
    return { closed: result.closed.length, completed: result.completed };
  },
};
