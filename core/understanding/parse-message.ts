import { applyExpectedAnswer } from "./apply-expected-answer.ts";
import { classifyJob } from "./classify-job.ts";
import { classifyYesNo, type YesNo } from "./classify-yes-no.ts";
import { detectCorrection } from "./detect-correction.ts";
import { detectLanguage } from "./detect-language.ts";
import { detectScreeningAnswers } from "./detect-screening-answers.ts";
import { extractAddress } from "./extract-address.ts";
import { extractDate } from "./extract-date.ts";
import { extractDuration } from "./extract-duration.ts";
import { extractNames } from "./extract-names.ts";
import { extractOfficers } from "./extract-officers.ts";
import { detectDayPeriod, extractTimes, isEveningEvent } from "./extract-times.ts";
import { extractVehicles } from "./extract-vehicles.ts";
import { type Extraction, makeEmptyExtraction } from "./extraction-schema.ts";
import { findContactSpans } from "./find-contact-spans.ts";
import { detectCommandIntent, isGreeting, startsWithGreeting } from "./keywords.ts";
import { resolveToday } from "./local-day.ts";
import { maskSpans, prepareMessageText } from "./message-text.ts";
import type { ExpectedSlot, ParseContext } from "./parse-context.ts";

/** Fields that carry request information; any of them set makes the intent `provide_info`. */
const SLOT_FIELDS = [
  "date",
  "startTime",
  "endTime",
  "durationMinutes",
  "officers",
  "vehicles",
  "vehicleMiles",
  "address",
  "eventType",
  "category",
  "armedPrivateSecurity",
  "civilLegalService",
  "bodyguardOrBouncer",
  "alcoholPrincipalBusiness",
  "customerName",
  "organization",
  "postOrders",
] as const satisfies readonly (keyof Extraction)[];

/** Slots whose answer can be any text; a correction of another slot must not be read into them. */
const FREE_TEXT_SLOTS: ReadonlySet<ExpectedSlot> = new Set(["customerName", "organization", "eventType", "address"]);
/** Fields only a specific phrase fills (a number, a date, a time, a street), never free text. */
export const STRUCTURED_FIELDS = [
  "date",
  "startTime",
  "endTime",
  "durationMinutes",
  "officers",
  "vehicles",
  "vehicleMiles",
  "address",
] as const satisfies readonly (keyof Extraction)[];

/**
 * Deterministic reading of one customer message (English or Spanish) into an Extraction. It works
 * without any model and never throws; it prefers leaving a slot null over guessing.
 *
 * Order matters: phone numbers and money are masked first, then commands (STOP, HELP, CANCEL 1042…)
 * end the parse; then names, the address, dates, durations, officer counts, vehicles and times each
 * mask what they used, so "4500 E Broadway" is never 4,500 officers and "Dec 24th" never 24 officers.
 * Finally the slot the bot asked about (`context.expecting`) places short answers ("3", "yes").
 */
export function parseMessage(text: string, context: ParseContext): Extraction {
  const result = makeEmptyExtraction();
  const prepared = prepareMessageText(typeof text === "string" ? text : "");
  let work = maskSpans(prepared, findContactSpans(prepared.folded));
  result.language = detectLanguage(prepared.original, prepared.folded, context.language ?? null);
  const command = detectCommandIntent(work.folded);
  if (command) {
    result.intent = command.intent;
    result.cancelRequestNumber = command.cancelRequestNumber;
    return result;
  }
  const expecting = context.expecting;
  const withContacts = work;
  const correction = detectCorrection(withContacts.folded);
  const dateOptions = {
    today: resolveToday(context.now, context.timeZone),
    dayFirst: context.language === "es" || result.language === "es",
  };
  const yesNo = classifyYesNo(withContacts.folded);
  const answer = { text: withContacts, verbatim: prepared.original, yesNo, expecting, dateOptions };
  if (expecting === "postOrders" && correction === null) {
    // Post orders are free text ("arrive 15 minutes early, park at 123 Main St"): reading slots out
    // of them would overwrite the request, so the whole answer is the post orders.
    const answered = applyExpectedAnswer(result, { ...answer, remaining: withContacts.folded });
    answered.intent = decideIntent(answered, yesNo, expecting, withContacts.folded);
    return answered;
  }
  if (correction !== null && expecting !== null && FREE_TEXT_SLOTS.has(expecting)) {
    // "actually make it 3" while asked for the name is a correction, not a name called "Actually Make".
    const general = parseMessage(text, { ...context, expecting: null });
    if (STRUCTURED_FIELDS.some((field) => general[field] !== null)) return general;
  }
  const periodHint = detectDayPeriod(work.folded);

  // An answer to "what organization?" is the organization, even when it reads like "X de Y".
  const names =
    expecting === "organization"
      ? { customerName: null, organization: null, spans: [] }
      : extractNames(work, expecting === "customerName");
  result.customerName = names.customerName;
  result.organization = names.organization;
  work = maskSpans(work, names.spans);

  const address = extractAddress(work, expecting === "address");
  result.address = address.address;
  work = maskSpans(work, address.spans);
  const described = work.folded;
  // The organisation's name is masked for slots, but "Grace Community Church" still says what the job is.
  const describedWithNames = maskSpans(withContacts, address.spans).folded;

  const dates = extractDate(work.folded, dateOptions);
  result.date = dates.date;
  work = maskSpans(work, dates.spans);

  const duration = extractDuration(work.folded);
  result.durationMinutes = duration.durationMinutes;
  work = maskSpans(work, duration.spans);

  const officers = extractOfficers(work.folded);
  result.officers = officers.officers;
  work = maskSpans(work, officers.spans);

  const vehicles = extractVehicles(work.folded, result.officers);
  result.vehicles = vehicles.vehicles;
  result.vehicleMiles = vehicles.vehicleMiles;
  work = maskSpans(work, vehicles.spans);

  const times = extractTimes(work.folded, {
    expecting: readTimeSlot(expecting),
    periodHint,
    eveningEvent: isEveningEvent(described),
  });
  result.startTime = times.startTime;
  result.endTime = times.endTime;
  work = maskSpans(work, times.spans);

  Object.assign(result, detectScreeningAnswers(described));
  // "Reed Paving" answering "what organization?" names the customer, not the job.
  if (expecting !== "organization" && expecting !== "customerName") {
    const ownJob = classifyJob(described);
    const job = ownJob.eventType ? ownJob : classifyJob(describedWithNames);
    result.eventType = job.eventType;
    result.category = job.category;
  }

  // Reaching here while asked for post orders means a correction, not post orders.
  const slot = expecting === "postOrders" ? null : expecting;
  const answered = applyExpectedAnswer(result, { ...answer, remaining: work.folded, expecting: slot });
  answered.correction = correction;
  answered.intent = decideIntent(answered, yesNo, expecting, withContacts.folded);
  return answered;
}

function readTimeSlot(expecting: ExpectedSlot | null): "start" | "end" | "time" | null {
  return expecting === "start" || expecting === "end" || expecting === "time" ? expecting : null;
}

/**
 * A yes/no answers a confirmation prompt when it brings nothing else; with new slot values it is a
 * correction ("no, make it 3 officers") and the intent is `provide_info`.
 */
function decideIntent(
  extraction: Extraction,
  yesNo: YesNo | null,
  expecting: ExpectedSlot | null,
  folded: string,
): Extraction["intent"] {
  const hasSlots = SLOT_FIELDS.some((field) => extraction[field] !== null);
  const yesNoIntent = yesNo === "yes" ? "confirm" : yesNo === "no" ? "decline" : null;
  if ((expecting === "confirmation" || expecting === "cancel_confirmation") && yesNoIntent && !hasSlots) {
    return yesNoIntent;
  }
  if (hasSlots) return "provide_info";
  if (isGreeting(folded) || startsWithGreeting(folded)) return "greeting";
  return yesNoIntent;
}
