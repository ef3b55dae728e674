import { z } from "zod";
import { closeBillingCycles } from "../../prisma/repositories/invoices/index.ts";
import type { JobDefinition } from "../job-definition.ts";
import { QUEUES } from "../queues.ts";
import type { WorkerDeps } from "../registry.ts";

export const CloseBillingCyclesPayloadSchema = z.object({ agencyIds: z.array(z.string()).optional() }).passthrough();

/**
 * The repeatable cycle close: every account whose week or month has ended gets its invoice, once
 * per account and period however often this runs; each new one is shown to the supervisors.
 */
export const closeBillingCyclesJob: JobDefinition<typeof CloseBillingCyclesPayloadSchema, WorkerDeps> = {
  id: "close-billing-cycles",
  queue: QUEUES.maintenance,
  schema: CloseBillingCyclesPayloadSchema,
  async run({ payload, deps }) {
    const agencyIds = payload.agencyIds ?? (await deps.prisma.agency.findMany({ select: { id: true } })).map((a) => a.id);
    let drafted = 0;
    for (const agencyId of agencyIds) {
      const agency = deps.getAgency(agencyId);
      if (!agency) continue;
      const result = await closeBillingCycles(deps.prisma, agency, new Date());
      for (const invoice of result.drafted) await deps.postInvoiceToSlack(invoice.invoiceId, "drafted");
      for (const skipped of result.skipped) deps.logger.warn(skipped, "request left off its cycle invoice");
      drafted += result.drafted.length;
    }
    return { drafted };
  },
};
