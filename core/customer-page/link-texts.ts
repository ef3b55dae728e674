import type { Language } from "../agencies/index.ts";
import { formatCents } from "../intake/format.ts";

/**
 * Placeholder in the LINK reply that the store replaces with the customer's signed page URL:
 * the core knows whether there is a page to give, only the edge can sign one.
 */
export const CUSTOMER_LINK_PLACEHOLDER = "{customerLink}";

/** The messages that hand a customer their page (LINK / ENLACE, staffing, invoices). */
export interface CustomerLinkTexts {
  /** Answer to LINK; `url` is the signed address (or the placeholder). */
  link(url: string, validDays: number): string;
  /** LINK from someone with no booking yet: there is no page to show. */
  noBookings: string;
  /** LINK where this deployment serves no customer pages. */
  unavailable: string;
  /** LINK on a phone call: a URL cannot be read aloud usefully. */
  byTextOnly: string;
  /** Sent once a request is fully staffed, after the staffing notice. */
  staffed(url: string, validDays: number): string;
  /** An issued invoice; `url` its printable view, null where pages are off. */
  invoiceReady(number: string, totalCents: number, url: string | null): string;
}

const days = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const EN: CustomerLinkTexts = {
  link: (url, validDays) =>
    `Here is your page with your bookings and invoices (valid ${days(validDays, "day", "days")}): ${url}`,
  noBookings:
    "You have no bookings with us yet, so there is no page to show. Once you book, text LINK for your page with your bookings and invoices.",
  unavailable: "Online access to your bookings is not available at the moment. Text STATUS for your bookings.",
  byTextOnly: "Text LINK to this number and we'll send you the link to your page with your bookings and invoices.",
  staffed: (url, validDays) =>
    `Your bookings, officers and invoices are on your page (valid ${days(validDays, "day", "days")}; text LINK for a new one): ${url}`,
  invoiceReady: (number, totalCents, url) =>
    url
      ? `Invoice ${number} for ${formatCents(totalCents)} is ready: ${url}`
      : `Invoice ${number} for ${formatCents(totalCents)} has been issued.`,
};

const ES: CustomerLinkTexts = {
  link: (url, validDays) =>
    `Aquí está su página con sus reservas y facturas (válida ${days(validDays, "día", "días")}): ${url}`,
  noBookings:
    "Todavía no tiene reservas con nosotros, así que no hay página que mostrar. Cuando reserve, escriba ENLACE para ver su página con sus reservas y facturas.",
  unavailable: "El acceso en línea a sus reservas no está disponible por ahora. Escriba ESTADO para ver sus reservas.",
  byTextOnly: "Envíe ENLACE por mensaje de texto a este número y le mandaremos el enlace a su página con sus reservas y facturas.",
  staffed: (url, validDays) =>
    `Sus reservas, oficiales y facturas están en su página (válida ${days(validDays, "día", "días")}; escriba ENLACE para una nueva): ${url}`,
  invoiceReady: (number, totalCents, url) =>
    url
      ? `La factura ${number} por ${formatCents(totalCents)} está lista: ${url}`
      : `Se emitió la factura ${number} por ${formatCents(totalCents)}.`,
};

export function getCustomerLinkTexts(language: Language): CustomerLinkTexts {
  return language === "es" ? ES : EN;
}

/** Puts the signed URL into a reply written with CUSTOMER_LINK_PLACEHOLDER. */
export function fillCustomerLink(text: string, url: string): string {
  return text.replaceAll(CUSTOMER_LINK_PLACEHOLDER, url);
}
