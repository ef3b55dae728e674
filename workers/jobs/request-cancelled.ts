import { z } from "zod";
import { recordOfficerSms } from "../../prisma/repositories/officer-conversation.ts";
import { AGENCY_CANCELLATION_ACTION } from "../../prisma/repositories/supervisor-actions.ts";
import type { JobDefinition } from "../job-definition.ts";
import { QUEUES } from "../queues.ts";
import type { WorkerDeps } from "../registry.ts";

export const RequestCancelledPayloadSchema = z.object({ requestNumber: z.int().min(1) });

/**
 * After a cancellation (the customer's, or the agency's from Slack): open offers are withdrawn, live assignments cancelled and each
 * assigned officer told. Idempotent: only assignments still live are cancelled and told.
 */
export const requestCancelledJob: JobDefinition<typeof RequestCancelledPayloadSchema, WorkerDeps> = {
  id: "request-cancelled",
  queue: QUEUES.broadcast,
  schema: RequestCancelledPayloadSchema,
  async run({ payload, deps }) {
    const { prisma } = deps;
    const request = await prisma.request.findUnique({ where: { number: payload.requestNumber } });
    if (request?.status !== "cancelled") return { skipped: true };
    const agency = deps.getAgency(request.agencyId);
    // A supervisor's cancellation (Slack "Cancel request") is the department's, not the customer's.
    const byAgency =
      (await prisma.auditEvent.count({
        where: { entityType: "Request", entityId: request.id, action: AGENCY_CANCELLATION_ACTION },
      })) > 0;
    const by = byAgency ? "the police department" : "the customer";
    await prisma.offer.updateMany({
      where: { position: { requestId: request.id }, status: "sent" },
      data: { status: "withdrawn" },
    });
    await prisma.position.updateMany({ where: { requestId: request.id }, data: { status: "cancelled" } });
    const live = await prisma.assignment.findMany({
      where: { position: { requestId: request.id }, status: { in: ["assigned", "checked_in"] } },
      include: { officer: true },
    });
    for (const assignment of live) {
      const changed = await prisma.assignment.updateMany({
        where: { id: assignment.id, status: { in: ["assigned", "checked_in"] } },
        data: { status: "cancelled" },
      });
      if (changed.count === 0) continue;
      const conversationId = await recordOfficerSms(prisma, {
        agencyId: request.agencyId,
        from: agency?.phoneNumbers[0] ?? "bot",
        to: assignment.officer.phone,
        body: `Request #${request.number} was cancelled by ${by}. You are released from this shift.`,
      });
      if (conversationId) await deps.enqueueSms(conversationId, `cancelled-${assignment.id}`);
    }
    await deps.syncRequestCard(request.id, "cancelled");
    await deps.postRequestNotice(
      request.id,
      "cancelled",
      `Cancelled by ${by}${live.length > 0 ? `; ${live.length} assigned officer${live.length === 1 ? " was" : "s were"} released` : ""}.`,
    );
    // A late cancellation's fee is billed like worked hours: per request, or on the account's cycle.
    if ((request.cancellationFeeCents ?? 0) > 0) await deps.enqueueInvoiceDraft(request.id);
    return { officersTold: live.length };
  },
};
