import { z } from "zod";
import type { JobDefinition } from "../job-definition.ts";
import { QUEUES } from "../queues.ts";
import type { WorkerDeps } from "../registry.ts";

export const ApprovalTimeoutPayloadSchema = z.object({ requestId: z.uuid(), round: z.int().min(1) });

/**
 * An approval not decided in time: the first timeout reminds, the next escalates to the next
 * approver in the agency's list, both in the card's thread and the audit trail. Stops once decided.
 */
export const approvalTimeoutJob: JobDefinition<typeof ApprovalTimeoutPayloadSchema, WorkerDeps> = {
  id: "approval-timeout",
  queue: QUEUES.approvals,
  schema: ApprovalTimeoutPayloadSchema,
  async run({ payload, deps }) {
    const { prisma } = deps;
    const pending = await prisma.approval.findMany({
      where: { requestId: payload.requestId, decision: { in: ["pending", "escalated"] } },
      include: { request: true },
    });
    if (pending.length === 0) return { decided: true };
    for (const approval of pending) {
      const agency = deps.getAgency(approval.request.agencyId);
      const approvers = approval.role === "chief" ? agency?.slack.chiefDesignees : agency?.slack.supervisors;
      const escalate = payload.round >= 2;
      const next = approvers?.[Math.min(payload.round - 1, (approvers?.length ?? 1) - 1)] ?? null;
      const changed = await prisma.approval.updateMany({
        where: { id: approval.id, reminders: payload.round - 1 },
        data: { reminders: payload.round, ...(escalate ? { decision: "escalated" } : {}) },
      });
      if (changed.count === 0) continue;
      const who = next ? `<@${next}>` : "An approver";
      const role = approval.role === "chief" ? "the chief's designee sign-off" : "supervisor approval";
      await deps.postRequestNotice(
        approval.requestId,
        `timeout-${approval.role}-${payload.round}`,
        escalate
          ? `${who}: request #${approval.request.number} has waited too long for ${role} and is escalated to you.`
          : `${who}: reminder, request #${approval.request.number} is waiting for ${role}.`,
      );
      await prisma.auditEvent.create({
        data: {
          agencyId: approval.request.agencyId,
          actorKind: "system",
          action: escalate ? "approval.escalated" : "approval.reminder",
          entityType: "Request",
          entityId: approval.requestId,
          data: { role: approval.role, round: payload.round, notify: next },
        },
      });
    }
    await deps.scheduleApprovalTimeout(payload.requestId, payload.round + 1);
    return { pending: pending.length };
  },
};
