import type { AgencyConfig } from "../../../core/agencies/index.ts";
import type { PrismaClient } from "../../client.ts";
import { insertDraftInvoice } from "./insert-invoice.ts";
import { loadRequestToBill } from "./load-requests-to-bill.ts";
import { priceInvoiceItem } from "./price-invoice-item.ts";

export type DraftOutcome =
  | { kind: "drafted"; invoice: { id: string; number: string; totalCents: number } }
  /** Already on a live invoice (a repeated or concurrent draft). */
  | { kind: "exists"; invoiceId: string; number: string }
  /** The customer has an account: the request waits for its weekly or monthly invoice. */
  | { kind: "on_cycle"; cycle: "weekly" | "monthly" }
  | { kind: "skipped"; reason: string };

/**
 * Drafts the invoice of one finished request: its worked hours once completed, its fee once
 * cancelled with one. Idempotent: a request already on a live invoice is left alone.
 * `correctsId` marks the draft as the correction of a voided invoice.
 */
export async function draftRequestInvoice(
  prisma: PrismaClient,
  agency: AgencyConfig,
  requestId: string,
  at: Date,
  options: { correctsId?: string } = {},
): Promise<DraftOutcome> {
  const request = await loadRequestToBill(prisma, requestId);
  if (!request || request.agencyId !== agency.id) return { kind: "skipped", reason: "no such request for this agency" };
  const customer = request.customerId
    ? await prisma.customer.findUnique({ where: { id: request.customerId }, select: { billingCycle: true } })
    : null;
  const cycle = customer?.billingCycle ?? "per_request";
  if (cycle !== "per_request") return { kind: "on_cycle", cycle };
  const existing = await findLiveInvoice(prisma, requestId);
  if (existing) return { kind: "exists", ...existing };
  const priced = priceInvoiceItem(request, agency);
  if (priced.kind === "skipped") return priced;
  const inserted = await insertDraftInvoice(
    prisma,
    agency,
    {
      kind: priced.item.kind === "cancellation_fee" ? "cancellation" : "request",
      customerId: request.customerId,
      items: [priced.item],
      ...(options.correctsId ? { correctsId: options.correctsId } : {}),
    },
    at,
  );
  if (inserted.kind === "inserted") return { kind: "drafted", invoice: inserted.invoice };
  const winner = await findLiveInvoice(prisma, requestId);
  if (!winner) throw new Error(`request ${requestId}: invoice conflict, yet no live invoice`);
  return { kind: "exists", ...winner };
}

async function findLiveInvoice(prisma: PrismaClient, requestId: string): Promise<{ invoiceId: string; number: string } | null> {
  const item = await prisma.invoiceItem.findFirst({
    where: { requestId, voided: false },
    select: { invoice: { select: { id: true, number: true } } },
  });
  return item ? { invoiceId: item.invoice.id, number: item.invoice.number } : null;
}
