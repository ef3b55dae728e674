import type { ReportFacts } from "./report-facts.ts";
import { inPeriod } from "./report-facts.ts";
import { workedMinutes } from "./worked-time.ts";

/** One customer's period: requests, officer time worked, and what their live invoices bill. */
export interface CustomerBillingRow {
  customerId: string;
  name: string;
  organization: string;
  contact: string;
  requests: number;
  completed: number;
  cancelled: number;
  /** Officer-minutes worked on their requests (check-in to check-out). */
  workedMinutes: number;
  laborCents: number;
  vehicleCents: number;
  mileageCents: number;
  adminFeeCents: number;
  cancellationFeeCents: number;
  /** Everything billed on live invoices for these requests. */
  billedCents: number;
  /** The part of `billedCents` on invoices marked paid. */
  paidCents: number;
}

/**
 * Hours and billing by customer, for requests whose shift starts in the period (billing follows
 * the request, whenever its invoice was drafted). Most billed first.
 */
export function buildCustomerBilling(facts: ReportFacts): CustomerBillingRow[] {
  const rows = new Map<string, CustomerBillingRow>();
  const customers = new Map(facts.customers.map((c) => [c.id, c]));
  const rowOf = (customerId: string): CustomerBillingRow => {
    let row = rows.get(customerId);
    if (!row) {
      const customer = customers.get(customerId);
      row = {
        customerId,
        name: customer?.name ?? "",
        organization: customer?.organization ?? "",
        contact: customer?.contact ?? "",
        requests: 0,
        completed: 0,
        cancelled: 0,
        workedMinutes: 0,
        laborCents: 0,
        vehicleCents: 0,
        mileageCents: 0,
        adminFeeCents: 0,
        cancellationFeeCents: 0,
        billedCents: 0,
        paidCents: 0,
      };
      rows.set(customerId, row);
    }
    return row;
  };
  const requests = facts.requests.filter((r) => r.customerId !== null && inPeriod(r.start, facts.period));
  const byId = new Map(requests.map((r) => [r.id, r]));
  for (const request of requests) {
    const row = rowOf(request.customerId ?? "");
    row.requests += 1;
    if (request.status === "completed") row.completed += 1;
    if (request.status === "cancelled") row.cancelled += 1;
  }
  for (const shift of facts.shifts) {
    const request = byId.get(shift.requestId);
    if (request) rowOf(request.customerId ?? "").workedMinutes += workedMinutes(shift);
  }
  for (const item of facts.invoiceItems) {
    const request = byId.get(item.requestId);
    if (!request) continue;
    const row = rowOf(request.customerId ?? "");
    if (item.kind === "cancellation_fee") row.cancellationFeeCents += item.totalCents;
    for (const line of item.lines) {
      if (item.kind === "cancellation_fee") break;
      if (line.kind === "labor") row.laborCents += line.amountCents;
      else if (line.kind === "vehicle") row.vehicleCents += line.amountCents;
      else if (line.kind === "mileage") row.mileageCents += line.amountCents;
      else row.adminFeeCents += line.amountCents;
    }
    row.billedCents += item.totalCents;
    if (item.invoiceStatus === "paid") row.paidCents += item.totalCents;
  }
  return [...rows.values()].sort((a, b) => b.billedCents - a.billedCents || a.name.localeCompare(b.name));
}
