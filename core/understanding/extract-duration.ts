import type { Span } from "./message-text.ts";
import { NUMBER_PATTERN, readQuantity } from "./number-words.ts";

export interface DurationFinding {
  /** Shift length in minutes; null when none was stated. */
  durationMinutes: number | null;
  /** Every duration phrase, so "4 hours" is never read as 4 o'clock or 4 officers. */
  spans: Span[];
}

/** Durations longer than this are not a shift length ("within 72 hours"), so they are ignored. */
const MAX_SHIFT_MINUTES = 48 * 60;
const AMOUNT = `(\\d{1,2}(?:\\.\\d{1,2})?|${NUMBER_PATTERN}|an|a|una|un)`;
const HALF = "(\\s+and\\s+a\\s+half|\\s+y\\s+media|\\s*1\\/2|\\s*½)?";
const HOURS = new RegExp(
  `\\b${AMOUNT}${HALF}(?:(?<=[\\d½])\\s*|\\s*-\\s*|\\s+)(?:hours?|hrs?|h|horas?)\\b(?:\\s+(?:and|y)\\s+(\\d{1,2})\\s*(?:minutes?|mins?|minutos?)\\b)?`,
  "g",
);
const HOUR_AND_A_HALF = /\b(?:an?\s+)?hour and a half\b|\b(?:una\s+)?hora y media\b/g;
const MINUTES = /\b(\d{1,3})\s*-?\s*(?:minutes?|mins?|minutos?)\b/g;
const HALF_HOUR = /\bhalf (?:an )?hour\b|\bmedia hora\b/g;
/** "in 2 hours", "48 hours notice": a lead time or a deadline, not how long the shift lasts. */
const LEAD_BEFORE =
  /\b(?:open|opened|in|within|en|under|less than|more than|menos de|mas de|next|past|last|ago)\s+(?:the\s+)?(?:next\s+)?$/;
const LEAD_AFTER =
  /^['s]*\s*(?:notice|ago|before|in advance|advance|away|from now|out|lead|early|late|prior|ahead|beforehand|de anticipacion|de aviso|antes|temprano|tarde|a day|a week|\/\s*7|a dia)/;

/** Finds how long the shift lasts: "for 4 hours", "4-hour shift", "4.5 hrs", "hour and a half", "por 4 horas". */
export function extractDuration(folded: string): DurationFinding {
  const spans: Span[] = [];
  let durationMinutes: number | null = null;
  const consider = (start: number, end: number, minutes: number | null): void => {
    if (spans.some((span) => span.start < end && start < span.end)) return;
    spans.push({ start, end });
    const isLeadTime =
      LEAD_BEFORE.test(folded.slice(Math.max(0, start - 20), start)) ||
      LEAD_AFTER.test(folded.slice(end, end + 20));
    if (isLeadTime || minutes === null || minutes <= 0 || minutes > MAX_SHIFT_MINUTES) return;
    durationMinutes ??= Math.round(minutes);
  };
  for (const match of folded.matchAll(HOUR_AND_A_HALF))
    consider(match.index, match.index + match[0].length, 90);
  for (const match of folded.matchAll(HOURS)) {
    const amount = readAmount(match[1] ?? "");
    const half = match[2] === undefined ? 0 : 0.5;
    const extraMinutes = match[3] === undefined ? 0 : Number(match[3]);
    consider(
      match.index,
      match.index + match[0].length,
      amount === null ? null : (amount + half) * 60 + extraMinutes,
    );
  }
  for (const match of folded.matchAll(HALF_HOUR)) consider(match.index, match.index + match[0].length, 30);
  for (const match of folded.matchAll(MINUTES))
    consider(match.index, match.index + match[0].length, Number(match[1]));
  return { durationMinutes, spans };
}

function readAmount(text: string): number | null {
  if (/^\d/.test(text)) return Number(text);
  return readQuantity(text);
}
