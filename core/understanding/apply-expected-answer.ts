import type { YesNo } from "./classify-yes-no.ts";
import { clipText } from "../shared/index.ts";
import { classifyJob } from "./classify-job.ts";
import { type DateOptions, extractDate } from "./extract-date.ts";
import type { Extraction } from "./extraction-schema.ts";
import type { MessageText } from "./message-text.ts";
import { squeezeText } from "./message-text.ts";
import { NUMBER_PATTERN, QUANTITY_PATTERN, readQuantity } from "./number-words.ts";
import { type ExpectedSlot, isScreeningSlot } from "./parse-context.ts";
import { readStateName } from "./us-states.ts";

export interface AnswerInput {
  /** The message after phone numbers and e-mails were masked (post orders keep them: see below). */
  text: MessageText;
  /** The raw message, NFC-normalised: post orders are kept verbatim. */
  verbatim: string;
  /** Folded text left after every extractor masked what it used. */
  remaining: string;
  yesNo: YesNo | null;
  expecting: ExpectedSlot | null;
  /** How dates are resolved, for a bare day-of-month answer. */
  dateOptions: DateOptions;
}

const FILLER_START =
  /^(?:just|only|we need|need|i need|we'?ll need|i'?d like|we'?d like|maybe|about|around|approx(?:imately)?|like|probably|solo|solamente|necesito|necesitamos|ocupo|unos|unas|como|please|por favor|umm?|uh|make it|make that|change it to|let'?s do|lets do|mejor|que sean|hazlo|ponle|yes|yeah|yep|sure|si|claro)[,:]?\s+/;
const FILLER_END =
  /\s+(?:please|pls|por favor|total|in total|en total|of them|each|officers?|cops?|thanks|thank you|gracias)$/;
const NONE =
  /^(?:none|no|nope|nah|nothing|n\/?a|not applicable|no special instructions|no instructions|nothing special|no post orders|ninguna|ninguno|nada|no hay|no tengo)\b/;
const NO_ORGANIZATION =
  /^(?:just me|myself|me|personal|individual|private(?: party)?|particular|soy particular|self|it'?s just me|solo yo|yo|(?:it'?s |it is )?(?:just )?for (?:me|myself)|(?:es )?(?:solo )?para mi(?: mism[oa])?)$/;
const STATIC_USE =
  /\b(?:stationary|static|parked|not moving|won'?t move|no driving|estacionad[oa]|sin moverse)\b/;
const CORRECTED_NUMBER = new RegExp(
  `\\b(?:make it|make that|change it to|change to|let'?s do|lets do|hazlo|que sean|mejor|ponle|cambialo a|cambia a)\\s+(${QUANTITY_PATTERN})\\s*$`,
);
const EVENT_LEAD_IN =
  /^(?:(?:it'?s|it is|it will be|this is|we'?re having|we are having|we have|we'?re hosting|hosting|for|es|sera|para|tenemos)\s+)*(?:(?:a|an|the|our|my|una|un|la|el|nuestra|nuestro|mi)\s+)?/;
const ADDRESS_LEAD_IN =
  /^(?:(?:it'?s|it is|the address is|address is|address:|address|located at|we'?re at|we are at|at|en|es en|la direccion es|direccion:|direccion|queda en)\s+)*/;
const ORGANIZATION_LEAD_IN =
  /^(?:(?:actually|sorry|wait|oops|i meant|perdon|en realidad|it'?s|it is|we are|we'?re|the company is|company is|company:|company|i'?m with|i am with|i'?m from|from|with|for|es|somos|la empresa es|empresa:)[\s,]+)*/;
const BARE_SERVICES = new Set(["traffic control", "security", "escort", "crowd control"]);
/** ", Tucson, AZ 85701" at the end of a typed address; the comma before the city is required. */
const CITY_STATE_TAIL =
  /,\s*([A-Za-z .'-]{2,40}?),?\s+([A-Za-z]{2}|[A-Za-z]{4,}(?: [A-Za-z]+)?)(?:\s+(\d{5}(?:-\d{4})?))?$/;

/**
 * Fills the slot the bot asked about from a short or free-form answer that the general extractors
 * could not place: "3" for officers, "yes" for a screening question, any text for the job
 * description, post orders, organisation or address. Slots already found are never overwritten.
 */
export function applyExpectedAnswer(extraction: Extraction, input: AnswerInput): Extraction {
  const result = { ...extraction };
  const slot = input.expecting;
  const bare = squeezeText(input.remaining);
  const corrected = CORRECTED_NUMBER.exec(bare);
  if (corrected) {
    const value = readQuantity(corrected[1] ?? "");
    if (slot === "vehicles") result.vehicles ??= value;
    else if (slot === "vehicleMiles") result.vehicleMiles ??= value;
    else if (slot !== "start" && slot !== "end" && slot !== "time") result.officers ??= value;
  }
  if (slot === null) return result;
  if (isScreeningSlot(slot)) {
    if (result[slot] === null && input.yesNo) result[slot] = input.yesNo === "yes";
    return result;
  }
  switch (slot) {
    case "date":
      result.date ??= readBareDay(bare, input);
      return result;
    case "officers":
      result.officers ??= readBareQuantity(bare);
      return result;
    case "vehicles":
      result.vehicles ??= readBareQuantity(bare) ?? (input.yesNo ? (input.yesNo === "yes" ? 1 : 0) : null);
      return result;
    case "vehicleMiles":
      result.vehicleMiles ??=
        readBareMiles(bare) ?? (input.yesNo === "no" || STATIC_USE.test(input.text.folded) ? 0 : null);
      return result;
    case "eventType":
      return readEventType(result, input);
    case "postOrders":
      if (result.postOrders === null) result.postOrders = readPostOrders(input);
      return result;
    case "organization":
      if (result.organization === null && !statesOtherSlots(result)) result.organization = readOrganizationAnswer(input);
      return result;
    case "address":
      if (!statesOtherSlots(result)) result.address ??= readAddressAnswer(input);
      return result;
    default:
      return result;
  }
}

/** "for 30 hours" or "2 officers" answering "what address?" is not an address but another slot. */
function statesOtherSlots(result: Extraction): boolean {
  return [result.startTime, result.endTime, result.durationMinutes, result.officers, result.vehicles].some(
    (value) => value !== null,
  );
}

function readBareQuantity(bare: string): number | null {
  let text = bare.replace(/[.!?]+$/, "");
  for (let i = 0; i < 3; i++) text = text.replace(FILLER_START, "").replace(FILLER_END, "");
  if (/^(?:none|zero|cero|ninguno|ninguna|0)$/.test(text)) return 0;
  if (!new RegExp(`^(?:${QUANTITY_PATTERN})$`).test(text)) return null;
  return readQuantity(text);
}

/** "20", "20th", "el 20" when the bot asked for the date: that day of the month, read as "the 20th". */
function readBareDay(bare: string, input: AnswerInput): string | null {
  const day = /^(?:the |el |dia |el dia )?(\d{1,2})(?:st|nd|rd|th)?[.!]?$/.exec(bare)?.[1];
  if (day === undefined) return null;
  return extractDate(`the ${day}th`, input.dateOptions).date;
}

function readBareMiles(bare: string): number | null {
  const text = bare
    .replace(/^(?:about|around|approx(?:imately)?|like|maybe|unas?|como)\s+/, "")
    .replace(/[.!?]+$/, "");
  if (/^\d{1,4}(?:\.\d{1,2})?$/.test(text)) return Number(text);
  return new RegExp(`^${NUMBER_PATTERN}$`).test(text) ? readQuantity(text) : null;
}

function readEventType(result: Extraction, input: AnswerInput): Extraction {
  // A bare service ("traffic control") says less than the customer's own words about the job.
  if (result.eventType !== null && !BARE_SERVICES.has(result.eventType)) return result;
  const text = squeezeText(input.text.folded).replace(/[.!?]+$/, "");
  if (text === "" || (input.yesNo && text.split(" ").length <= 2)) return result;
  const described = clipText(text.replace(EVENT_LEAD_IN, ""), 80).trim();
  if (!/\p{L}/u.test(described)) return result;
  result.eventType = described;
  result.category ??= classifyJob(described).category ?? "regular";
  return result;
}

function readPostOrders(input: AnswerInput): string | null {
  const text = squeezeText(input.verbatim);
  if (text === "") return null;
  if (NONE.test(squeezeText(input.text.folded))) return "";
  // A bare "yes" to "any instructions?" announces them; it is not the instructions.
  if (input.yesNo === "yes" && /^\p{L}+[.!]*$/u.test(text)) return null;
  return clipText(text, 1000);
}

function readOrganizationAnswer(input: AnswerInput): string | null {
  const folded = squeezeText(input.text.folded).replace(/[.!?]+$/, "");
  if (folded === "" || input.yesNo === "yes") return null;
  if (NONE.test(folded) || NO_ORGANIZATION.test(folded)) return "";
  const original = squeezeText(input.text.original).replace(/[.!?]+$/, "");
  const leadIn = ORGANIZATION_LEAD_IN.exec(folded)?.[0].length ?? 0;
  const name = clipText(original.slice(leadIn).trim(), 120);
  return /\p{L}/u.test(name) ? name : null;
}

function readAddressAnswer(input: AnswerInput): Extraction["address"] {
  const folded = squeezeText(input.text.folded).replace(/[.!?]+$/, "");
  if (folded.length < 3 || input.yesNo) return null;
  const original = squeezeText(input.text.original).replace(/[.!?]+$/, "");
  const leadIn = ADDRESS_LEAD_IN.exec(folded)?.[0].length ?? 0;
  const line = clipText(original.slice(leadIn).trim(), 200);
  if (!/\p{L}/u.test(line)) return null;
  const tail = CITY_STATE_TAIL.exec(line);
  const state = tail ? readStateName((tail[2] ?? "").toLowerCase()) : null;
  if (tail && state && tail.index > 0) {
    return { line1: line.slice(0, tail.index).trim(), city: (tail[1] ?? "").trim() || null, state };
  }
  return { line1: line, city: null, state: null };
}
