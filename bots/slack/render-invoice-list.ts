import { formatCents } from "../../core/intake/index.ts";
import type { InvoiceStatusName } from "../../core/invoicing/index.ts";
import type { InvoiceSummary } from "../../prisma/repositories/invoice-listing.ts";
import { describeInvoiceCustomer, describeInvoiceStatus } from "./render-invoice.ts";

/** A slash-command reply is one message: this many invoices, then how many were left out. */
export const MAX_LISTED_INVOICES = 40;

/**
 * `/detail invoices [unpaid|YYYY-MM]`: a heading with the count and sum of all that match, then
 * one line per invoice (number, customer, status, total), oldest number first.
 */
export function renderInvoiceListReply(
  title: string,
  invoices: readonly InvoiceSummary[],
  all: { count: number; totalCents: number },
): string {
  if (all.count === 0) return `No invoices ${title}.`;
  const lines = [`*${all.count} invoice${all.count === 1 ? "" : "s"} ${title}* — ${formatCents(all.totalCents)}`];
  for (const invoice of invoices) {
    const status = describeInvoiceStatus(invoice.status as InvoiceStatusName);
    lines.push(`• *${invoice.number}* · ${describeInvoiceCustomer(invoice.customer)} · ${status} · ${formatCents(invoice.totalCents)}`);
  }
  if (all.count > invoices.length) lines.push(`…and ${all.count - invoices.length} more; \`/detail invoices csv\` has them all.`);
  return lines.join("\n");
}

/** What `/detail invoices` understands, for a word it does not. */
export const INVOICES_USAGE =
  "Usage: `/detail invoices [unpaid|YYYY-MM]` to list, `/detail invoices csv [YYYY-MM]` for a CSV file, e.g. `/detail invoices 2026-11`.";
