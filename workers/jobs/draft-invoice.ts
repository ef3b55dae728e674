import { UnrecoverableError } from "bullmq";
import { z } from "zod";
import { draftRequestInvoice } from "../../prisma/repositories/invoices/index.ts";
import type { JobDefinition } from "../job-definition.ts";
import { QUEUES } from "../queues.ts";
import type { WorkerDeps } from "../registry.ts";

export const DraftInvoicePayloadSchema = z.object({ requestId: z.uuid() });

/**
 * A finished request's invoice: drafted (or found, when a retry or the sweep drafted it first)
 * and shown to the supervisors in the request's thread. A request that cannot be priced is
 * flagged in its thread instead of being billed wrong.
 */
export const draftInvoiceJob: JobDefinition<typeof DraftInvoicePayloadSchema, WorkerDeps> = {
  id: "draft-invoice",
  queue: QUEUES.maintenance,
  schema: DraftInvoicePayloadSchema,
  async run({ payload, deps }) {
    const request = await deps.prisma.request.findUnique({ where: { id: payload.requestId }, select: { agencyId: true } });
    if (!request) throw new UnrecoverableError("no such request");
    const agency = deps.getAgency(request.agencyId);
    if (!agency) throw new UnrecoverableError(`unknown agency ${request.agencyId}`);
    const outcome = await draftRequestInvoice(deps.prisma, agency, payload.requestId, new Date());
    if (outcome.kind === "drafted") await deps.postInvoiceToSlack(outcome.invoice.id, "drafted");
    if (outcome.kind === "exists") await deps.postInvoiceToSlack(outcome.invoiceId, "drafted");
    if (outcome.kind === "skipped") {
      deps.logger.warn({ requestId: payload.requestId, reason: outcome.reason }, "invoice not drafted");
      await deps.postRequestNotice(payload.requestId, "invoice-skipped", `:warning: No invoice was drafted: ${outcome.reason}. Please review the hours.`);
    }
    return outcome.kind;
  },
};
