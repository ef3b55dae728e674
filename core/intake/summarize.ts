import type { AgencyConfig, Language } from "../agencies/index.ts";
import type { Quote } from "../pricing/index.ts";
import type { QuoteRequest } from "../requests/index.ts";
import type { SlotChange } from "./apply-extraction.ts";
import { describeCancellationPolicy, explainQuote, formatHours } from "./explain-quote.ts";
import { formatCents, formatLocalDate, formatLocalTime, formatShift } from "./format.ts";
import { countNoun } from "./plural.ts";
import { describeSiteContact } from "./read-site-contact.ts";
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
  const vehicleCount = countNoun(request.vehicles, "vehicle", language);
  const vehicles = request.vehicles > 0 ? (es ? ` (con ${vehicleCount})` : ` (with ${vehicleCount})`) : "";
  const contact = [slots.customerName, slots.organization].filter((v) => v && v.length > 0).join(", ");
  const lines = [
    t.summaryTitle,
    ...t.summaryLines({
      when: formatShift(request.start, request.end, agency.timeZone, language),
      officers: describePositions(quote, language),
      vehicles,
      where: address,
      job: slots.jobWords ?? slots.eventType ?? "",
      contact,
      postOrders: slots.postOrders ? slots.postOrders : null,
      siteContact: describeSiteContact(slots.siteContactName ?? null, slots.siteContactPhone ?? null),
    }),
  ];
  const parts = [`${t.money.labor} ${formatCents(quote.laborCents)}`];
  if (quote.vehicleCents > 0) parts.push(`${t.money.vehicle} ${formatCents(quote.vehicleCents)}`);
  if (quote.adminFeeCents > 0) parts.push(`${t.money.admin} ${formatCents(quote.adminFeeCents)}`);
  lines.push(t.quoteLine(formatCents(quote.totalCents), parts.join(", ")));
  lines.push(...explainQuote(request, quote, agency, language));
  const notes = quote.screening.reasons.filter((r) => r.decision === "needs_approval").map((r) => r.message);
  if (notes.length > 0) lines.push(t.approvalNote(notes.join(" ")));
  lines.push(describeCancellationPolicy(request, agency, language));
  lines.push(t.confirmPrompt);
  return lines.join("\n");
}

/** "4 officers + 1 sergeant", or "2 officers" where the agency has one rank. */
function describePositions(quote: Quote, language: Language): string {
  const { officer, sergeant, commander } = quote.positions;
  const parts = [countNoun(officer, "officer", language)];
  if (sergeant > 0) parts.push(countNoun(sergeant, "sergeant", language));
  if (commander > 0) parts.push(countNoun(commander, "commander", language));
  return parts.join(" + ");
}

/** "the date from Sat Dec 20 to Fri Dec 25": a change the bot asks about before making it. */
export function describeChange(change: SlotChange, agency: AgencyConfig, language: Language): string {
  const es = language === "es";
  const name = LABELS[change.slot]?.[es ? 1 : 0] ?? change.slot;
  const before = renderValue({ ...change, after: change.before }, agency, language);
  const after = renderValue(change, agency, language);
  return es ? `${name} de ${before} a ${after}` : `the ${name} from ${before} to ${after}`;
}

/** "officers 3, date Fri Dec 4" — what a change after the summary did, in the customer's words. */
export function describeChanges(changes: SlotChange[], agency: AgencyConfig, language: Language): string {
  const es = language === "es";
  return changes
    .map((change) => {
      const name = LABELS[change.slot]?.[es ? 1 : 0] ?? change.slot;
      const value = renderValue(change, agency, language);
      return `${name} ${value}`;
    })
    .join(", ");
}

const LABELS: Record<string, [string, string]> = {
    date: ["date", "fecha"],
    start: ["start time", "hora de inicio"],
    end: ["end time", "hora de fin"],
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

function renderValue(change: SlotChange, agency: AgencyConfig, language: Language): string {
  const after = change.after;
  if (change.slot === "date" && typeof after === "string") return formatLocalDate(after, agency.timeZone, language);
  if (typeof after === "boolean") return after ? (language === "es" ? "sí" : "yes") : "no";
  if (after && typeof after === "object" && "line1" in after) return String((after as { line1: string }).line1);
  if (change.slot === "end" && typeof after === "number") return formatHours(after, language);
  if ((change.slot === "start" || change.slot === "end") && typeof after === "string") return formatLocalTime(after, language);
  if (change.slot === "officers" && typeof after === "number") return String(after);
  if (after === "" ) return language === "es" ? "ninguna" : "none";
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
