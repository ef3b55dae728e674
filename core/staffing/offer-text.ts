import { DateTime } from "luxon";
import { type Language, type Rank, rankTitle } from "../agencies/index.ts";
import { formatUsd } from "../money/index.ts";
import type { HourlyPay } from "./officer-pay.ts";
import { countSmsSegments } from "./sms-segments.ts";

/** What an officer needs to decide on an offer without asking anyone. Times are epoch ms. */
export interface OfferTextInput {
  rank: Rank;
  start: number;
  end: number;
  /** The agency's IANA zone: officers read times as local times. */
  timeZone: string;
  /** Where to report, e.g. "4500 E Broadway Blvd, Tucson". */
  place: string;
  pay: HourlyPay;
  /** The request's offer code (YES/NO <code>). */
  code: string;
  requestNumber: number;
}

/** Longest place kept whole; a longer one is cut so the offer stays readable on a phone. */
const PLACE_MAX = 60;

/**
 * The SMS offering a shift: rank, local date and time, place, hourly pay and the code, e.g.
 * "Sergeant off-duty shift: Sat Dec 20 6:00 PM-11:00 PM at 4500 E Broadway, Tucson (#12).
 * $108.71/hour. Reply YES 4K7M to take it or NO 4K7M to pass." Only GSM characters (a plain
 * hyphen, not an en dash), so it is billed 160 to a segment; the longest wording that fits one
 * segment is chosen, dropping the request number, then the polite reply, and two segments are
 * accepted only when even the shortest wording does not fit.
 */
export function renderOfferText(input: OfferTextInput): string {
  const place = input.place.length > PLACE_MAX ? `${input.place.slice(0, PLACE_MAX - 3).trimEnd()}...` : input.place;
  const head = `${rankTitle(input.rank, "full")} off-duty shift: ${formatShiftTimes(input.start, input.end, input.timeZone)} at ${place}`;
  const pay = formatPay(input.pay);
  const { code } = input;
  const polite = `Reply YES ${code} to take it or NO ${code} to pass.`;
  const short = `Reply YES ${code} or NO ${code}.`;
  const wordings = [
    `${head} (#${input.requestNumber}). ${pay}. ${polite}`,
    `${head}. ${pay}. ${polite}`,
    `${head}. ${pay}. ${short}`,
  ];
  return wordings.find((text) => countSmsSegments(text) === 1) ?? (wordings[0] as string);
}

/**
 * "Sat Dec 20 6:00 PM-11:00 PM", or "Sat Dec 20 8:00 PM-Sun 1:00 AM" across midnight, in the
 * agency's zone; Spanish day and month names for `es` ("sáb 20 de dic 6:00 p. m.-...").
 */
export function formatShiftTimes(start: number, end: number, timeZone: string, language: Language = "en"): string {
  const locale = language === "es" ? "es-US" : "en-US";
  const from = DateTime.fromMillis(start, { zone: timeZone }).setLocale(locale);
  const to = DateTime.fromMillis(end, { zone: timeZone }).setLocale(locale);
  const until = from.hasSame(to, "day") ? to.toFormat("h:mm a") : to.toFormat("ccc h:mm a");
  return `${from.toFormat(language === "es" ? "ccc d 'de' LLL h:mm a" : "ccc LLL d h:mm a")}-${until}`;
}

/** "$72.48/hour", or "$72.48/hour ($108.71 holiday)" when a holiday pays part of the shift more. */
function formatPay(pay: HourlyPay): string {
  const base = `${formatUsd(pay.cents)}/hour`;
  return pay.holidayCents === null ? base : `${base} (${formatUsd(pay.holidayCents)} holiday)`;
}

/** "4500 E Broadway Blvd, Tucson" from a request's stored address; the agency's city when none. */
export function describePlace(address: unknown, agencyCity: string): string {
  const { line1, city } = (address ?? {}) as { line1?: unknown; city?: unknown };
  const street = typeof line1 === "string" ? line1.trim() : "";
  const town = typeof city === "string" && city.trim() !== "" ? city.trim() : agencyCity;
  if (street === "") return town;
  return street.toLowerCase().includes(town.toLowerCase()) ? street : `${street}, ${town}`;
}
