import type { AgencyConfig, Language } from "../../core/agencies/index.ts";
import { formatLocalDay, getCustomerPageTexts } from "../../core/customer-page/index.ts";
import { formatCents, formatShift } from "../../core/intake/index.ts";
import { describeInvoiceLine, dueDateOf } from "../../core/invoicing/index.ts";
import { describePlace } from "../../core/staffing/index.ts";
import type { PageCustomer, PageInvoice } from "../../prisma/repositories/customer-page.ts";

/** One invoice as both its printable page and its PDF show it: the same words in the same order. */
export interface InvoiceSheet {
  title: string;
  agency: { name: string; city: string };
  /** "Pay to: Tucson Police Department" (agency.billing.payTo, else the agency's name). */
  payTo: string;
  billedTo: string;
  /** The status in the customer's words ("due", "pagada"). */
  status: string;
  /** The status as stored, for styling: issued, paid or void. */
  statusKey: PageInvoice["status"];
  /** On a void invoice: the stamp ("VOID") and the sentence ("VOID: this invoice was cancelled…"). */
  voidMark: { stamp: string; text: string } | null;
  /** "Issued December 7, 2026", "Paid …", "Voided …" in order. */
  dates: string[];
  /** "Due January 6, 2027" for an issued or paid invoice; null for a void one (nothing is owed). */
  due: string | null;
  /** A cycle invoice's period, "Period: November 1, 2026 to November 30, 2026"; null otherwise. */
  period: string | null;
  /** "Payment reference: CHK 1234"; null when none was recorded. */
  paymentReference: string | null;
  /** One group per billed request: its heading, its shift and place ("details"), its lines. */
  groups: {
    heading: string;
    details: string;
    rows: { description: string; quantity: string; rate: string; amount: string }[];
    subtotal: string;
  }[];
  columns: { description: string; quantity: string; rate: string; amount: string };
  totalLabel: string;
  total: string;
}

export function buildInvoiceSheet(invoice: PageInvoice, customer: PageCustomer, agency: AgencyConfig, language: Language): InvoiceSheet {
  const t = getCustomerPageTexts(language);
  const zone = agency.timeZone;
  const day = (ms: number) => formatLocalDay(ms, zone, language);
  const dates = [
    [t.issued, invoice.issuedAt],
    [t.paid, invoice.paidAt],
    [t.voided, invoice.voidedAt],
  ].flatMap(([label, at]) => (at instanceof Date ? [`${label} ${day(at.getTime())}`] : []));
  const owed = invoice.status !== "void" && invoice.issuedAt !== null;
  // The period is [start, end): its last day is the one before the end.
  const period =
    invoice.kind === "cycle" && invoice.periodStart && invoice.periodEnd
      ? t.period(day(invoice.periodStart.getTime()), day(invoice.periodEnd.getTime() - 1))
      : null;
  return {
    title: t.invoice(invoice.number),
    agency: { name: agency.name, city: agency.city },
    payTo: `${t.payTo}: ${agency.billing.payTo ?? agency.name}`,
    billedTo: [customer.name, customer.organization].filter((part) => part).join(", "),
    status: t.invoiceStatus[invoice.status],
    statusKey: invoice.status,
    voidMark: invoice.status === "void" ? { stamp: t.voidStamp, text: t.voidMark } : null,
    dates,
    due: owed && invoice.issuedAt ? t.due(day(dueDateOf(invoice.issuedAt.getTime(), agency.billing.paymentTermsDays, zone))) : null,
    period,
    paymentReference: invoice.paymentReference ? `${t.paymentReference}: ${invoice.paymentReference}` : null,
    groups: invoice.items.map((item) => ({
      heading: t.requestLine(item.requestNumber),
      details: `${formatShift(item.start.toISOString(), item.end.toISOString(), zone, language)} · ${describePlace(item.address, agency.city)}`,
      rows: item.lines.map((line) => {
        const text = describeInvoiceLine(line, language);
        return {
          description: text.description,
          quantity: text.quantity,
          rate: `${formatCents(text.unitCents)}/${text.unit}`,
          amount: formatCents(text.amountCents),
        };
      }),
      subtotal: formatCents(item.totalCents),
    })),
    columns: t.columns,
    totalLabel: t.total,
    total: formatCents(invoice.totalCents),
  };
}
