import type { AgencyConfig, Language } from "../agencies/index.ts";
import type { Quote } from "../pricing/index.ts";
import type { QuoteRequest } from "../requests/index.ts";
import type { SlotChange } from "./apply-extraction.ts";
import { formatCents, formatLocalDate, formatShift } from "./format.ts";
import type { Slots } from "./slots.ts";
import { getTexts } from "./texts.ts";

/** The summary and quote a YES answers, as one message. */
export function summarizeRequest(
  slots: Slots,
  request: QuoteRequest,
  quote: Quote,
  agency: AgencyConfig,
  language: Language,
): string {
  const t = getTexts(language);
  const es = language === "es";
  const address = request.address ? `${request.address.line1}, ${request.address.city}, ${request.address.state}` : "";
  const vehicles =
    request.vehicles > 0 ? (es ? ` (con ${request.vehicles} vehículo(s))` : ` (with ${request.vehicles} vehicle(s))`) : "";
  const contact = [slots.customerName, slots.organization].filter((v) => v && v.length > 0).join(", ");
  const lines = [
    t.summaryTitle,
    ...t.summaryLines({
      when: formatShift(request.start, request.end, agency.timeZone, language),
      officers: String(request.officers),
      vehicles,
      where: address,
      job: slots.eventType ?? "",
      contact,
      postOrders: slots.postOrders ? slots.postOrders : null,
    }),
  ];
  const parts = [`${t.money.labor} ${formatCents(quote.laborCents)}`];
  if (quote.vehicleCents > 0) parts.push(`${t.money.vehicle} ${formatCents(quote.vehicleCents)}`);
  if (quote.adminFeeCents > 0) parts.push(`${t.money.admin} ${formatCents(quote.adminFeeCents)}`);
  lines.push(t.quoteLine(formatCents(quote.totalCents), parts.join(", ")));
  const notes = quote.screening.reasons.filter((r) => r.decision === "needs_approval").map((r) => r.message);
  if (notes.length > 0) lines.push(t.approvalNote(notes.join(" ")));
  lines.push(t.confirmPrompt);
  return lines.join("\n");
}

/** "officers 3, date Fri Dec 4" — what a change after the summary did, in the customer's words. */
export function describeChanges(changes: SlotChange[], agency: AgencyConfig, language: Language): string {
  const es = language === "es";
  const label: Record<string, [string, string]> = {
    date: ["date", "fecha"],
    start: ["start", "inicio"],
    end: ["end", "fin"],
    address: ["address", "dirección"],
    officers: ["officers", "oficiales"],
    eventType: ["job", "trabajo"],
    vehicles: ["vehicles", "vehículos"],
    vehicleMiles: ["miles", "millas"],
    customerName: ["name", "nombre"],
    organization: ["organization", "organización"],
    postOrders: ["instructions", "instrucciones"],
    armedPrivateSecurity: ["armed private security", "seguridad privada armada"],
    civilLegalService: ["civil legal matter", "asunto legal civil"],
    bodyguardOrBouncer: ["bodyguard or bouncer", "guardaespaldas o portero"],
    alcoholPrincipalBusiness: ["alcohol the main business", "alcohol como negocio principal"],
  };
  return changes
    .map((change) => {
      const name = label[change.slot]?.[es ? 1 : 0] ?? change.slot;
      const value = renderValue(change, agency, language);
      return `${name} ${value}`;
    })
    .join(", ");
}

function renderValue(change: SlotChange, agency: AgencyConfig, language: Language): string {
  const after = change.after;
  if (change.slot === "date" && typeof after === "string") return formatLocalDate(after, agency.timeZone, language);
  if (typeof after === "boolean") return after ? (language === "es" ? "sí" : "yes") : "no";
  if (after && typeof after === "object" && "line1" in after) return String((after as { line1: string }).line1);
  if (change.slot === "end" && typeof after === "number") return language === "es" ? `${after / 60} h` : `${after / 60} h`;
  return String(after ?? "");
}

/** "2 officers Sat Dec 5" for the welcome-back line. */
export function describeDraftBriefly(slots: Slots, agency: AgencyConfig, language: Language): string {
  const es = language === "es";
  const parts: string[] = [];
  if (slots.officers !== null) {
    parts.push(es ? `${slots.officers} oficial${slots.officers === 1 ? "" : "es"}` : `${slots.officers} officer${slots.officers === 1 ? "" : "s"}`);
  } else {
    parts.push(es ? "oficiales" : "officers");
  }
  if (slots.date) parts.push(formatLocalDate(slots.date, agency.timeZone, language));
  return parts.join(" ");
}
