/** Who the officer reports to on site, and a number to call them on. */
export interface SiteContact {
  name: string;
  phone: string;
}

/**
 * The post orders texted to an officer once they hold a position: which request, when, where,
 * who to report to (always a name and a number to call: an officer at the gate with nobody to ask
 * is the complaint this answers) and the customer's instructions.
 */
export function renderPostOrders(input: {
  requestNumber: number;
  /** The shift in the agency's local time, e.g. "Sat Dec 20 6:00 PM-11:00 PM". */
  when: string;
  place: string;
  contact: SiteContact;
  /** The customer's instructions; null or blank when they gave none. */
  instructions: string | null;
}): string {
  const instructions = input.instructions?.trim() || "none given.";
  return `Post orders for #${input.requestNumber}, ${input.when} at ${input.place}. Site contact: ${input.contact.name}, ${input.contact.phone}. Instructions: ${instructions}`;
}

/**
 * The site contact of a request: the one the customer named, else the customer themself (their
 * name, their number), so post orders never say "report to the site contact" without one.
 * `customerName` null = the customer gave no name.
 */
export function chooseSiteContact(input: {
  siteContactName: string | null;
  siteContactPhone: string | null;
  customerName: string | null;
  customerPhone: string | null;
}): SiteContact {
  const name = input.siteContactName?.trim() || input.customerName?.trim() || "the customer";
  const phone = input.siteContactPhone?.trim() || input.customerPhone?.trim() || "no number given";
  return { name, phone };
}
