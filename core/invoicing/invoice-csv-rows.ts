import { stringify } from "csv-stringify/sync";
import { DateTime } from "luxon";

/** One invoice as the CSV export needs it (loaded by prisma/repositories/invoice-listing.ts). */
export interface InvoiceCsvSource {
  number: string;
  status: string;
  /** request, cancellation or cycle. */
  kind: string;
  customer: { name: string | null; organization: string | null; contact: string } | null;
  /** The requests billed on it, by number. */
  requestNumbers: readonly number[];
  /** What it bills: a cycle's [start, end), or a request's shift (first start, last end). */
  periodStart: Date | null;
  periodEnd: Date | null;
  createdAt: Date;
  issuedAt: Date | null;
  paidAt: Date | null;
  voidedAt: Date | null;
  paymentReference: string | null;
  voidReason: string | null;
  totalCents: number;
}

/** The export's columns, in order; the header row is these names. */
export const INVOICE_CSV_COLUMNS = [
  "number",
  "status",
  "kind",
  "customer_name",
  "customer_organization",
  "customer_contact",
  "requests",
  "period_start",
  "period_end",
  "drafted_at",
  "issued_at",
  "paid_at",
  "voided_at",
  "payment_reference",
  "void_reason",
  "total_usd",
  "total_cents",
] as const;

export type InvoiceCsvRow = Record<(typeof INVOICE_CSV_COLUMNS)[number], string>;

/** 123450 → "1234.50": dollars with two decimals and no thousands separator, as spreadsheets read. */
export function formatDollars(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const absolute = Math.abs(cents);
  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, "0")}`;
}

/**
 * One row per invoice, every instant in the agency's `timeZone` ("2026-11-23 14:05", local
 * wall-clock time) and the period as local dates, its end the last day included.
 */
export function toInvoiceCsvRows(invoices: readonly InvoiceCsvSource[], timeZone: string): InvoiceCsvRow[] {
  const at = (instant: Date | null) =>
    instant === null ? "" : DateTime.fromJSDate(instant, { zone: timeZone }).toFormat("yyyy-MM-dd HH:mm");
  const day = (instant: Date | null) =>
    instant === null ? "" : DateTime.fromJSDate(instant, { zone: timeZone }).toFormat("yyyy-MM-dd");
  return invoices.map((invoice) => ({
    number: invoice.number,
    status: invoice.status,
    kind: invoice.kind,
    customer_name: invoice.customer?.name ?? "",
    customer_organization: invoice.customer?.organization ?? "",
    customer_contact: invoice.customer?.contact ?? "",
    requests: invoice.requestNumbers.map((n) => `#${n}`).join(" "),
    period_start: day(invoice.periodStart),
    // A period ends at an instant not included (a cycle's next midnight): its last day is before it.
    period_end: invoice.periodEnd === null ? "" : day(new Date(invoice.periodEnd.getTime() - 1)),
    drafted_at: at(invoice.createdAt),
    issued_at: at(invoice.issuedAt),
    paid_at: at(invoice.paidAt),
    voided_at: at(invoice.voidedAt),
    payment_reference: invoice.paymentReference ?? "",
    void_reason: invoice.voidReason ?? "",
    total_usd: formatDollars(invoice.totalCents),
    total_cents: String(invoice.totalCents),
  }));
}

/** The CSV file of `invoices`: a header row, then `toInvoiceCsvRows`; RFC 4180 quoting, CRLF lines. */
export function formatInvoiceCsv(invoices: readonly InvoiceCsvSource[], timeZone: string): string {
  return stringify(toInvoiceCsvRows(invoices, timeZone), {
    header: true,
    columns: [...INVOICE_CSV_COLUMNS],
    record_delimiter: "windows",
  });
}
