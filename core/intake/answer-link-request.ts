import type { Language } from "../agencies/index.ts";
import { CUSTOMER_LINK_PLACEHOLDER, getCustomerLinkTexts } from "../customer-page/index.ts";
import type { IntakeContext, IntakeEffect } from "./intake-context.ts";

/**
 * LINK / ENLACE: the customer's own page. The core decides whether there is one to give; the
 * store signs it (the reply carries CUSTOMER_LINK_PLACEHOLDER and the effect asks for it). A
 * caller cannot follow a URL read aloud, so the phone line says to text LINK instead.
 */
export function answerLinkRequest(
  context: IntakeContext,
  language: Language,
): { text: string; effects: IntakeEffect[] } {
  const t = getCustomerLinkTexts(language);
  if (context.channel === "voice") return { text: t.byTextOnly, effects: [] };
  if (!context.customerPage) return { text: t.unavailable, effects: [] };
  // A customer record is made with the first booking: without one there is no page.
  if (context.requests.length === 0) return { text: t.noBookings, effects: [] };
  return { text: t.link(CUSTOMER_LINK_PLACEHOLDER, context.customerPage.validDays), effects: [{ kind: "send_customer_link" }] };
}
