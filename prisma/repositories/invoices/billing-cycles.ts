import type { AgencyConfig } from "../../../core/agencies/index.ts";
import { type BillingPeriod, lastClosedPeriod } from "../../../core/invoicing/index.ts";
import type { PrismaClient } from "../../client.ts";
import { insertDraftInvoice } from "./insert-invoice.ts";
import { loadUnbilledRequests } from "./load-requests-to-bill.ts";
import { type PricedItem, priceInvoiceItem } from "./price-invoice-item.ts";

export interface CycleCloseResult {
  /** Accounts whose period got a new invoice now. */
  drafted: { invoiceId: string; number: string; customerId: string; requests: number; totalCents: number }[];
  /** Accounts whose period already had its invoice (a repeated close). */
  alreadyClosed: number;
  /** Requests that could not be priced, with why; they stay unbilled for staff to look at. */
  skipped: { requestId: string; reason: string }[];
}

/**
 * Closes the billing cycle of every account of the agency whose period has ended by `now`:
 * each account's finished requests not yet billed (completed ones whose shift ended before the
 * period's end, cancelled ones with a fee cancelled before it; late ones from earlier periods
 * too) go onto one invoice for the period. Idempotent per account and period (a partial unique
 * index on the cycle key), so the repeatable job may run as often as it likes.
 */
export async function closeBillingCycles(prisma: PrismaClient, agency: AgencyConfig, now: Date): Promise<CycleCloseResult> {
  const accounts = await prisma.customer.findMany({
    where: { agencyId: agency.id, billingCycle: { in: ["weekly", "monthly"] } },
    select: { id: true, billingCycle: true },
  });
  const result: CycleCloseResult = { drafted: [], alreadyClosed: 0, skipped: [] };
  const periods = accounts.map((account) => ({
    customerId: account.id,
    period: lastClosedPeriod(account.billingCycle === "weekly" ? "weekly" : "monthly", agency.timeZone, now.getTime()),
  }));
  const closed = new Set(
    (
      await prisma.invoice.findMany({
        where: { agencyId: agency.id, status: { not: "void" }, cycleKey: { in: [...new Set(periods.map((p) => p.period.key))] } },
        select: { customerId: true, cycleKey: true },
      })
    ).map((invoice) => `${invoice.customerId}|${invoice.cycleKey}`),
  );
  for (const { customerId, period } of periods) {
    if (closed.has(`${customerId}|${period.key}`)) {
      result.alreadyClosed += 1;
      continue;
    }
    const outcome = await closeAccountPeriod(prisma, agency, customerId, period, now);
    result.skipped.push(...outcome.skipped);
    if (outcome.kind === "drafted") result.drafted.push(outcome.invoice);
    if (outcome.kind === "exists") result.alreadyClosed += 1;
  }
  return result;
}

type AccountOutcome = { skipped: { requestId: string; reason: string }[] } & (
  | { kind: "drafted"; invoice: CycleCloseResult["drafted"][number] }
  | { kind: "exists" }
  | { kind: "nothing_to_bill" }
);

/** One account's period: its unbilled finished requests onto one invoice (see closeBillingCycles). */
export async function closeAccountPeriod(
  prisma: PrismaClient,
  agency: AgencyConfig,
  customerId: string,
  period: BillingPeriod,
  now: Date,
): Promise<AccountOutcome> {
  const requests = await loadUnbilledRequests(prisma, agency.id, customerId, new Date(period.endMs));
  const items: PricedItem[] = [];
  const skipped: { requestId: string; reason: string }[] = [];
  for (const request of requests) {
    const priced = priceInvoiceItem(request, agency);
    if (priced.kind === "priced") items.push(priced.item);
    else skipped.push({ requestId: request.id, reason: priced.reason });
  }
  if (items.length === 0) return { kind: "nothing_to_bill", skipped };
  const inserted = await insertDraftInvoice(prisma, agency, { kind: "cycle", customerId, items, period }, now);
  if (inserted.kind === "conflict") return { kind: "exists", skipped };
  return {
    kind: "drafted",
    skipped,
    invoice: {
      invoiceId: inserted.invoice.id,
      number: inserted.invoice.number,
      customerId,
      requests: items.length,
      totalCents: inserted.invoice.totalCents,
    },
  };
}
