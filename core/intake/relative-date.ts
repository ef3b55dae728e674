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

/** The echo of an ambiguous relative date the message set, in the customer's own words, or null. */
export function describeRelativeDate(
  text: { original: string; folded: string },
  changes: readonly SlotChange[],
  agency: AgencyConfig,
  language: Language,
): string | null {
  const date = changes.find((change) => change.slot === "date")?.after;
  const match = AMBIGUOUS.exec(text.folded);
  if (typeof date !== "string" || !match) return null;
  const phrase = text.original.slice(match.index, match.index + match[0].length);
  return getTexts(language).readAs(phrase, formatLocalDate(date, agency.timeZone, language));
}
