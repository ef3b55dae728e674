/**
 * What the edge uses to give a customer the address of their own page (bots/customer-page):
 * a signed link to one customer of one agency, valid `validDays` days from `nowMs`.
 */
export interface CustomerLinkBuilder {
  /** Days a new link stays valid (CUSTOMER_LINK_DAYS, default 30). */
  readonly validDays: number;
  /** The page's absolute URL, `<base>/c/<token>`. */
  urlFor(agencyId: string, customerId: string, nowMs: number): string;
}

/** The printable view of one invoice, under the customer's page. */
export function invoiceUrlOf(pageUrl: string, invoiceNumber: string): string {
  return `${pageUrl}/invoices/${encodeURIComponent(invoiceNumber)}`;
}
