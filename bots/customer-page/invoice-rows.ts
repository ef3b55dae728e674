import type { AgencyConfig, Language } from "../../core/agencies/index.ts";
import { formatLocalDay, getCustomerPageTexts } from "../../core/customer-page/index.ts";
import { formatCents } from "../../core/intake/index.ts";
import { describeInvoiceLine } from "../../core/invoicing/index.ts";
import type { PageCustomer, PageInvoice } from "../../prisma/repositories/customer-page.ts";

/** One invoice as both its printable page and its PDF show it: the same words in the same order. */
export interface InvoiceSheet {
  title: string;
  agency: { name: string; city: string };
  billedTo: string;
  status: string;
  /** "Issued December 7, 2026", "Paid …", "Voided …" in order. */
  dates: string[];
  /** "Payment reference: CHK 1234"; null when none was recorded. */
  paymentReference: string | null;
  groups: { heading: string; rows: { description: string; quantity: string; rate: string; amount: string }[]; subtotal: string }[];
  columns: { description: string; quantity: string; rate: string; amount: string };
  totalLabel: string;
  total: string;
}

export function buildInvoiceSheet(invoice: PageInvoice, customer: PageCustomer, agency: AgencyConfig, language: Language): InvoiceSheet {
  const t = getCustomerPageTexts(language);
  const day = (at: Date | null) => (at ? formatLocalDay(at.getTime(), agency.timeZone, language) : null);
  const dates = [
    [t.issued, day(invoice.issuedAt)],
    [t.paid, day(invoice.paidAt)],
    [t.voided, day(invoice.voidedAt)],
  ].flatMap(([label, value]) => (value ? [`${label} ${value}`] : []));
  return {
    title: t.invoice(invoice.number),
    agency: { name: agency.name, city: agency.city },
    billedTo: [customer.name, customer.organization].filter((part) => part).join(", "),
    status: t.invoiceStatus[invoice.status],
    dates,
    paymentReference: invoice.paymentReference ? `${t.paymentReference}: ${invoice.paymentReference}` : null,
    groups: invoice.items.map((item) => ({
      heading: t.requestLine(item.requestNumber),
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
