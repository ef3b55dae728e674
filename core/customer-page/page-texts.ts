import { DateTime } from "luxon";
import type { Language } from "../agencies/index.ts";

/** Every word of the customer's page and invoice, in English and Spanish. */
export interface CustomerPageTexts {
  title: string;
  /** "For Maria Lopez, Desert Bloom Events" */
  greeting(name: string): string;
  upcoming: string;
  past: string;
  noRequests: string;
  request(number: number): string;
  requestStatus: Record<string, string>;
  when: string;
  where: string;
  job: string;
  siteContact: string;
  postOrders: string;
  officers: string;
  /** An upcoming request nobody has taken yet. */
  noOfficers: string;
  /** A past (completed or cancelled) request that nobody worked. */
  noOfficersPast: string;
  attendance: Record<"assigned" | "checked_in" | "checked_out" | "no_show", string>;
  checkedIn: string;
  checkedOut: string;
  fieldNotes: string;
  photo: string;
  invoices: string;
  noInvoices: string;
  invoice(number: string): string;
  invoiceStatus: Record<"issued" | "paid" | "void", string>;
  issued: string;
  paid: string;
  voided: string;
  total: string;
  view: string;
  pdf: string;
  back: string;
  billedTo: string;
  requestLine(number: number): string;
  columns: { description: string; quantity: string; rate: string; amount: string };
  paymentReference: string;
  /** "Due January 6, 2027": the issue date plus the agency's payment terms. */
  due(date: string): string;
  payTo: string;
  /** A cycle invoice's period, both days included. */
  period(from: string, to: string): string;
  /** Stamped across a void invoice's PDF, and the sentence under its title: it is not owed. */
  voidStamp: string;
  voidMark: string;
  validUntil(date: string): string;
  otherLanguage: { label: string; lang: Language };
}

const EN: CustomerPageTexts = {
  title: "Your off-duty officer bookings",
  greeting: (name) => `For ${name}`,
  upcoming: "Upcoming and current",
  past: "Past",
  noRequests: "No bookings yet.",
  request: (n) => `Request #${n}`,
  requestStatus: {
    draft: "draft",
    submitted: "received, awaiting approval",
    pending_approval: "awaiting approval",
    approved: "approved, finding officers",
    denied: "declined",
    staffing: "finding officers",
    staffed: "fully staffed",
    in_progress: "in progress",
    completed: "completed",
    cancelled: "cancelled",
  },
  when: "When",
  where: "Where",
  job: "Job",
  siteContact: "Officers report to",
  postOrders: "Instructions for the officers",
  officers: "Officers",
  noOfficers: "No officer assigned yet.",
  noOfficersPast: "No officer worked this shift.",
  attendance: { assigned: "assigned", checked_in: "on site", checked_out: "done", no_show: "did not arrive" },
  checkedIn: "in",
  checkedOut: "out",
  fieldNotes: "Field notes",
  photo: "Photo",
  invoices: "Invoices",
  noInvoices: "No invoices yet.",
  invoice: (number) => `Invoice ${number}`,
  invoiceStatus: { issued: "due", paid: "paid", void: "void" },
  issued: "Issued",
  paid: "Paid",
  voided: "Voided",
  total: "Total",
  view: "View",
  pdf: "PDF",
  back: "Back to your page",
  billedTo: "Billed to",
  requestLine: (n) => `Request #${n}`,
  columns: { description: "Description", quantity: "Quantity", rate: "Rate", amount: "Amount" },
  paymentReference: "Payment reference",
  due: (date) => `Due ${date}`,
  payTo: "Pay to",
  period: (from, to) => `Period: ${from} to ${to}`,
  voidStamp: "VOID",
  voidMark: "VOID: this invoice was cancelled and is not owed.",
  validUntil: (date) => `This link works until ${date}. Text LINK for a new one.`,
  otherLanguage: { label: "Español", lang: "es" },
};

const ES: CustomerPageTexts = {
  title: "Sus reservas de oficiales fuera de servicio",
  greeting: (name) => `Para ${name}`,
  upcoming: "Próximas y en curso",
  past: "Anteriores",
  noRequests: "Todavía no hay reservas.",
  request: (n) => `Solicitud #${n}`,
  requestStatus: {
    draft: "borrador",
    submitted: "recibida, pendiente de aprobación",
    pending_approval: "pendiente de aprobación",
    approved: "aprobada, buscando oficiales",
    denied: "rechazada",
    staffing: "buscando oficiales",
    staffed: "con todos sus oficiales",
    in_progress: "en curso",
    completed: "terminada",
    cancelled: "cancelada",
  },
  when: "Cuándo",
  where: "Dónde",
  job: "Trabajo",
  siteContact: "Los oficiales se reportan con",
  postOrders: "Instrucciones para los oficiales",
  officers: "Oficiales",
  noOfficers: "Todavía no hay oficiales asignados.",
  noOfficersPast: "Ningún oficial trabajó este turno.",
  attendance: { assigned: "asignado", checked_in: "en el lugar", checked_out: "terminó", no_show: "no se presentó" },
  checkedIn: "entrada",
  checkedOut: "salida",
  fieldNotes: "Notas de campo",
  photo: "Foto",
  invoices: "Facturas",
  noInvoices: "Todavía no hay facturas.",
  invoice: (number) => `Factura ${number}`,
  invoiceStatus: { issued: "pendiente de pago", paid: "pagada", void: "anulada" },
  issued: "Emitida",
  paid: "Pagada",
  voided: "Anulada",
  total: "Total",
  view: "Ver",
  pdf: "PDF",
  back: "Volver a su página",
  billedTo: "Facturado a",
  requestLine: (n) => `Solicitud #${n}`,
  columns: { description: "Descripción", quantity: "Cantidad", rate: "Tarifa", amount: "Importe" },
  paymentReference: "Referencia de pago",
  due: (date) => `Vence el ${date}`,
  payTo: "Pagar a",
  period: (from, to) => `Período: del ${from} al ${to}`,
  voidStamp: "ANULADA",
  voidMark: "ANULADA: esta factura fue cancelada y no se debe.",
  validUntil: (date) => `Este enlace funciona hasta el ${date}. Escriba ENLACE para uno nuevo.`,
  otherLanguage: { label: "English", lang: "en" },
};

export function getCustomerPageTexts(language: Language): CustomerPageTexts {
  return language === "es" ? ES : EN;
}

const locale = (language: Language) => (language === "es" ? "es-US" : "en-US");

/** An instant as the agency's clock shows it: "Sat Dec 5, 6:04 PM" / "sáb 5 de dic, 6:04 p. m.". */
export function formatLocalInstant(ms: number, timeZone: string, language: Language): string {
  const at = DateTime.fromMillis(ms, { zone: timeZone }).setLocale(locale(language));
  return at.toFormat(language === "es" ? "ccc d 'de' LLL yyyy, h:mm a" : "ccc LLL d yyyy, h:mm a");
}

/** A clock time only, for check-in and check-out on the shift's day: "6:04 PM". */
export function formatLocalClock(ms: number, timeZone: string, language: Language): string {
  return DateTime.fromMillis(ms, { zone: timeZone }).setLocale(locale(language)).toFormat("h:mm a");
}

/** A calendar date in the agency's zone: "December 5, 2026" / "5 de diciembre de 2026". */
export function formatLocalDay(ms: number, timeZone: string, language: Language): string {
  const at = DateTime.fromMillis(ms, { zone: timeZone }).setLocale(locale(language));
  return at.toFormat(language === "es" ? "d 'de' LLLL 'de' yyyy" : "LLLL d, yyyy");
}
