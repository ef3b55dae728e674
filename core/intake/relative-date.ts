import type { AgencyConfig, Language } from "../agencies/index.ts";
import type { SlotChange } from "./apply-extraction.ts";
import { formatLocalDate } from "./format.ts";
import { getTexts } from "./texts.ts";

const WEEKDAY =
  "(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day)?|wednesday|thursday|saturday|tuesday|lunes|martes|miercoles|jueves|viernes|sabado|domingo";
/**
 * "next Saturday" is ambiguous (this coming one, or the one in next week's). The parser reads it
 * as the nearest one ahead; the bot says which date that is, so the customer can correct it.
 */
const AMBIGUOUS = new RegExp(
  `\\b(?:next|this coming|coming)\\s+(?:${WEEKDAY})\\b|\\b(?:el\\s+)?proxim[oa]\\s+(?:${WEEKDAY})\\b|\\b(?:el\\s+)?(?:${WEEKDAY})\\s+(?:que viene|proximo)\\b`,
);

/** The echo of an ambiguous relative date the message set, or null. `folded` is the folded message. */
export function describeRelativeDate(
  folded: string,
  changes: readonly SlotChange[],
  agency: AgencyConfig,
  language: Language,
): string | null {
  const date = changes.find((change) => change.slot === "date")?.after;
  const phrase = AMBIGUOUS.exec(folded)?.[0];
  if (typeof date !== "string" || !phrase) return null;
  return getTexts(language).readAs(phrase, formatLocalDate(date, agency.timeZone, language));
}
