import type { Span } from "./message-text.ts";
import { NUMBER_PATTERN, QUANTITY_PATTERN, readQuantity } from "./number-words.ts";
import { QUANTITY_NOUN_PATTERN } from "./quantity-nouns.ts";

export interface OfficerFinding {
  /** Number of officer positions asked for, or null when not stated (or stated as a range). */
  officers: number | null;
  spans: Span[];
}

/** Words for an officer. "police" alone counts ("2 police") unless a car or a place follows it. */
const OFFICER_NOUN =
  "(?:police officers?|officers?|cops?|deput(?:y|ies)|troopers?|policem[ae]n|patrolm[ae]n|polic[ei]as?|" +
  "oficiales|oficial|agentes|agente|police(?!\\s+(?:cars?|vehicles?|departments?|dept|station|report|presence)))";
/** Words that may sit between the number and the noun: "2 off-duty uniformed officers". */
const FILLER =
  "(?:off[- ]duty|uniformed|uniform|armed|local|city|county|sworn|experienced|male|female|traffic control|traffic|motorcycle|" +
  "motor|bike|mounted|tpd|mpd|tucson|mesquite|rockport|de policia|more)";
const COUNTED = new RegExp(`\\b(${QUANTITY_PATTERN})\\s+(?:${FILLER}\\s+){0,3}${OFFICER_NOUN}\\b`, "g");
const COUNT_RANGE = new RegExp(
  `\\b(?:\\d{1,3}\\s*(?:-|to|or|o|a)\\s*\\d{1,3}|${NUMBER_PATTERN}\\s+(?:to|or|o|a)\\s+${NUMBER_PATTERN})\\s+(?:${FILLER}\\s+){0,3}${OFFICER_NOUN}\\b`,
  "g",
);
const LABELLED = new RegExp(`\\b${OFFICER_NOUN}\\s*(?::|=|x|#)\\s*(\\d{1,3})\\b(?!\\s*[:.]\\d)`, "g");
const NEED_SINGULAR = new RegExp(
  `\\b(?:need|needs|want|request(?:ing)?|book|hire|necesito|necesitamos|ocupo|ocupamos|quiero|queremos|requiero)\\s+(?:${FILLER}\\s+){0,2}(?:officer|cop|deputy|police officer|policia|oficial|agente)\\b`,
  "g",
);
const NEEDED_SINGULAR =
  /\b(?:officer|cop|deputy|policia|oficial|agente) (?:needed|required|requested|wanted|necesario)\b/g;
const NEED_NUMBER = new RegExp(
  `\\b(?:need|needs|want|necesito|necesitamos|ocupo|ocupamos|queremos)\\s+(?:about\\s+|around\\s+|like\\s+|unos\\s+|unas\\s+)?(${NUMBER_PATTERN})\\b(?!\\s*(?:[:.]\\d|[ap]\\.?m\\b|-\\s*\\d|to\\s+\\d|o'?clock|th\\b|st\\b|nd\\b|rd\\b|${QUANTITY_NOUN_PATTERN}|[a-z]+\\s+(?:cars?|vehicles?|patrullas?)))`,
  "g",
);
/** "I'm a police officer" describes the writer; it does not ask for one. */
const SELF_DESCRIPTION = /\b(?:i'?m|i am|im|soy|he is|she is|was|as|former|retired)\s+$/;

/**
 * Finds how many officers are asked for: "2 officers", "two cops", "a cop", "a couple of officers",
 * "dos oficiales", "un policía", "officers: 3", "need 3". The last mention wins ("2 officers, no, 3
 * officers"); a range ("2-3 officers") is masked but left for the bot to ask about.
 */
export function extractOfficers(folded: string): OfficerFinding {
  const spans: Span[] = [];
  const found: { start: number; value: number | null }[] = [];
  const claim = (start: number, end: number, value: number | null): void => {
    if (spans.some((span) => span.start < end && start < span.end)) return;
    spans.push({ start, end });
    found.push({ start, value });
  };
  for (const match of folded.matchAll(COUNT_RANGE)) claim(match.index, match.index + match[0].length, null);
  for (const match of folded.matchAll(COUNTED)) {
    if (SELF_DESCRIPTION.test(folded.slice(Math.max(0, match.index - 12), match.index))) continue;
    claim(match.index, match.index + match[0].length, readQuantity(match[1] ?? ""));
  }
  for (const match of folded.matchAll(LABELLED))
    claim(match.index, match.index + match[0].length, Number(match[1]));
  for (const match of folded.matchAll(NEED_SINGULAR)) claim(match.index, match.index + match[0].length, 1);
  for (const match of folded.matchAll(NEEDED_SINGULAR)) claim(match.index, match.index + match[0].length, 1);
  for (const match of folded.matchAll(NEED_NUMBER)) {
    const numberStart = match.index + match[0].lastIndexOf(match[1] ?? "");
    claim(numberStart, match.index + match[0].length, readQuantity(match[1] ?? ""));
  }
  const last = found.sort((a, b) => a.start - b.start).at(-1);
  return { officers: last?.value ?? null, spans };
}
