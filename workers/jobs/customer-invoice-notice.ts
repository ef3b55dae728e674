import { UnrecoverableError } from "bullmq";
import { z } from "zod";
import { getCustomerLinkTexts, invoiceUrlOf } from "../../core/customer-page/index.ts";
import type { JobDefinition } from "../job-definition.ts";
import { QUEUES } from "../queues.ts";
import { findCustomerConversation } from "../customer-page-notices.ts";
import { tellCustomerOnce } from "../refills/refill-notices.ts";
import type { WorkerDeps } from "../registry.ts";

export const CustomerInvoiceNoticePayloadSchema = z.object({ invoiceId: z.uuid() });

/**
 * "Invoice TUC-2026-000123 for $X is ready: <link>" to the invoice's customer, once (a marker in
 * the audit trail), on the channel they last used with the agency: SMS or web chat, or SMS at
 * the number a caller called from. A draft is never announced, nor a void one.
 */
export const customerInvoiceNoticeJob: JobDefinition<typeof CustomerInvoiceNoticePayloadSchema, WorkerDeps> = {
  id: "customer-invoice-notice",
  queue: QUEUES.reminders,
  schema: CustomerInvoiceNoticePayloadSchema,
  run: ({ payload, deps }) => tellCustomerOfInvoice(deps, payload.invoiceId, new Date()),
};

export async function tellCustomerOfInvoice(
  deps: WorkerDeps,
  invoiceId: string,
  now: Date,
): Promise<{ kind: "told" | "already_told" | "not_issued" | "no_customer" }> {
  const invoice = await deps.prisma.invoice.findUnique({ where: { id: invoiceId }, include: { customer: true } });
  if (!invoice) throw new UnrecoverableError("no such invoice");
  if (invoice.status !== "issued" && invoice.status !== "paid") return { kind: "not_issued" };
  const { customer } = invoice;
  if (!customer) return { kind: "no_customer" };
  const conversationId = await findCustomerConversation(deps, customer, null);
  const url = deps.customerLinks
    ? invoiceUrlOf(deps.customerLinks.urlFor(invoice.agencyId, customer.id, now.getTime()), invoice.number)
    : null;
  const told = await tellCustomerOnce(deps, {
    agencyId: invoice.agencyId,
    conversationId,
    marker: { action: "invoice.customer_told", entityType: "Invoice", entityId: invoice.id },
    body: (language) => getCustomerLinkTexts(language).invoiceReady(invoice.number, invoice.totalCents, url),
  });
  return { kind: told ? "told" : "already_told" };
}
