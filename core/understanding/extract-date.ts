import {
  GUARDED_WEEKDAY_PATTERN,
  MONTH_PATTERN,
  NAMED_DAYS,
  readMonth,
  readWeekday,
  WEEKDAY_PATTERN,
} from "./calendar-words.ts";
import { addDays, compareDays, formatLocalDay, type LocalDay, makeLocalDay } from "./local-day.ts";
import type { Span } from "./message-text.ts";
import { NUMBER_PATTERN, readQuantity } from "./number-words.ts";
import { QUANTITY_NOUN_PATTERN } from "./quantity-nouns.ts";
import { spelledWord } from "./sms-spellings.ts";
import { wordAlternation } from "./word-pattern.ts";

export interface DateOptions {
  /** The agency's local today; null leaves every relative or year-less date unknown. */
  today: LocalDay | null;
  /** Read an ambiguous "5/6" day-first (Spanish conversations); US month-first otherwise. */
  dayFirst: boolean;
}

export interface DateFinding {
  /** `YYYY-MM-DD`, or null when no date was found or the one found does not exist. */
  date: string | null;
  /** Every date-like phrase, used or not, so its digits are not read again as counts or times. */
  spans: Span[];
}

interface Candidate extends Span {
  /** Explicit dates (2) beat relative ones (1): "tomorrow, Dec 24" means Dec 24. */
  priority: number;
  /** Preceded by "instead of" / "not": the date being replaced. */
  replaced: boolean;
  resolve: (today: LocalDay | null, dayFirst: boolean) => LocalDay | null;
}

type Rule = [pattern: RegExp, priority: number, resolve: (match: RegExpExecArray) => Candidate["resolve"]];

const NOT_TIME_OR_COUNT = `(?!\\s*(?::\\d|[ap]\\.?m\\b|${QUANTITY_NOUN_PATTERN}))`;
const ORDINAL = "(?:st|nd|rd|th|ro|do|to|vo|o)?";
const YEAR = "(20\\d{2})";
const REPLACED_BEFORE =
  /(?:instead of|rather than|\bnot|en (?:vez|lugar) del?|\bno (?:el|para el|es el))\s*(?:on\s+|the\s+)?$/;
const MORNING_BEFORE = /(?:\b(?:la|las|de|por|en|cada|esta)\s+)$/;
const TOMORROW = spelledWord("tomorrow");
const DAY_PART = `(?:${spelledWord("night")}|morning|afternoon|evening|am|pm)`;
const GUARDED_QUALIFIER = "this coming|this upcoming|coming|upcoming|this|next|on|for";

const RULES: readonly Rule[] = [
  [/\b(20\d{2})-(\d{1,2})-(\d{1,2})\b/g, 2, (m) => () => makeLocalDay(num(m[1]), num(m[2]), num(m[3]))],
  [
    /\b(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})\b/g,
    2,
    (m) => (_t, dayFirst) => readNumericDate(m[1], m[2], m[3], dayFirst),
  ],
  [
    /\b(\d{1,2})-(\d{1,2})-(20\d{2})\b/g,
    2,
    (m) => (_t, dayFirst) => readNumericDate(m[1], m[2], m[3], dayFirst),
  ],
  [
    /\b(?!24\/7\b)(\d{1,2})\/(\d{1,2})\b(?![/\d])(?!\s*(?:hours?|hrs?|miles?|horas?))/g,
    2,
    (m) => (today, dayFirst) => readNumericDate(m[1], m[2], undefined, dayFirst, today),
  ],
  [
    new RegExp(
      `\\b(${MONTH_PATTERN})\\.?\\s*(\\d{1,2})${ORDINAL}\\b${NOT_TIME_OR_COUNT}(?:\\s*,?\\s*${YEAR}\\b)?`,
      "g",
    ),
    2,
    (m) => (today) => resolveMonthDay(readMonth(m[1] ?? ""), num(m[2]), m[3], today),
  ],
  [
    new RegExp(
      `\\b(\\d{1,2})${ORDINAL}\\s+(?:of\\s+|de\\s+)?(${MONTH_PATTERN})\\b\\.?(?:\\s*,?\\s*(?:de\\s+|del\\s+)?${YEAR}\\b)?`,
      "g",
    ),
    2,
    (m) => (today) => resolveMonthDay(readMonth(m[2] ?? ""), num(m[1]), m[3], today),
  ],
  [
    new RegExp(`\\b(?:on|for|by)?\\s*the\\s+(\\d{1,2})(?:st|nd|rd|th)\\b${NOT_TIME_OR_COUNT}`, "g"),
    2,
    (m) => (today) => resolveDayOfMonth(num(m[1]), today),
  ],
  [
    new RegExp(`\\b(?:on|for)\\s+the\\s+(\\d{1,2})\\b${NOT_TIME_OR_COUNT}(?!\\s*(?:-|to\\b))`, "g"),
    2,
    (m) => (today) => resolveDayOfMonth(num(m[1]), today),
  ],
  [
    new RegExp(
      `\\b(?:(?:para |del? )?el\\s+(?:dia\\s+)?|\\bdia\\s+)(\\d{1,2})\\b(?!\\s*(?::|\\d|-|/|de la|a\\s+\\d|[ap]\\.?m\\b|${QUANTITY_NOUN_PATTERN}))`,
      "g",
    ),
    2,
    (m) => (today) => resolveDayOfMonth(num(m[1]), today),
  ],
  [
    /(?<!(?:&|\band|\bat|\b[nsew])\s*)\b(\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:street|st|ave|avenue|floor|fl|place|pl|annual|anniversary|birthday|year|grade|time|officers?|cops?|cars?|request|event|day|of)\b)/g,
    // Below a date with its month: "March 14, Congress Street from 6th to Broadway" is March 14,
    // the bare "6th" most likely a street.
    1.5,
    (m) => (today) => resolveDayOfMonth(num(m[1]), today),
  ],
  ...NAMED_DAYS.map(
    ([names, month, day]): Rule => [
      new RegExp(`\\b(?:${wordAlternation(names)})\\b`, "g"),
      1,
      () => (today) => resolveMonthDay(month, day, undefined, today),
    ],
  ),
  [new RegExp(`\\b(?:the )?day after ${TOMORROW}\\b|\\bpasado manana\\b`, "g"), 1, () => relative(2)],
  [
    new RegExp(
      `\\b(?:today|${spelledWord("tonight")}|this (?:morning|afternoon|evening)|hoy|esta (?:manana|tarde|noche))\\b`,
      "g",
    ),
    1,
    () => relative(0),
  ],
  [new RegExp(`\\b(?:${TOMORROW}|manana)\\b`, "g"), 1, () => relative(1)],
  [
    new RegExp(`\\b(?:in|en)\\s+(${NUMBER_PATTERN})\\s+(?:days|dias)\\b`, "g"),
    1,
    (m) => relative(readQuantity(m[1] ?? "") ?? -1),
  ],
  [
    new RegExp(
      `\\bnext week'?s?\\s+(?:on\\s+)?(${WEEKDAY_PATTERN})\\b|\\b(${WEEKDAY_PATTERN})\\.?\\s+(?:of\\s+)?(?:next week|de la (?:proxima )?semana (?:que viene|proxima))\\b`,
      "g",
    ),
    1,
    (m) => (today) => resolveWeekdayNextWeek(readWeekday(m[1] ?? m[2] ?? ""), today),
  ],
  [
    new RegExp(
      `\\b(?:(this coming|this upcoming|coming|upcoming|this|next|este|el proximo|proximo|el|on|for|para el)\\s+)?(${WEEKDAY_PATTERN})\\b(?!\\s+school)\\.?(\\s+que viene)?`,
      "g",
    ),
    1,
    (m) => (today) =>
      resolveWeekday(readWeekday(m[2] ?? ""), /next|proximo/.test(m[1] ?? "") || m[3] !== undefined, today),
  ],
  [
    new RegExp(
      `\\b(?:(${GUARDED_QUALIFIER})\\s+(${GUARDED_WEEKDAY_PATTERN})\\b(?!\\s+(?!${DAY_PART}\\b|at\\b|from\\b)[a-z])|(?<!\\b(?:the|a)\\s+)(${GUARDED_WEEKDAY_PATTERN})(?=\\s*(?:\\d|${DAY_PART}\\b)))`,
      "g",
    ),
    1,
    (m) => (today) => resolveWeekday(readWeekday(m[2] ?? m[3] ?? ""), m[1] === "next", today),
  ],
];

/**
 * Finds the date a message asks for, read in the agency's calendar. With several, an explicit date
 * beats a relative one and the last mention wins ("Friday, no wait, Saturday"), except one that is
 * being replaced ("Saturday instead of Friday").
 */
export function extractDate(folded: string, options: DateOptions): DateFinding {
  const candidates: Candidate[] = [];
  for (const [pattern, priority, makeResolve] of RULES) {
    for (const match of folded.matchAll(pattern)) {
      const text = match[0];
      const offset = text.length - text.trimStart().length;
      const start = match.index + offset;
      const end = match.index + text.trimEnd().length;
      if (end <= start || candidates.some((c) => c.start < end && start < c.end)) continue;
      if (
        /\bmanana\b/.test(text) &&
        !/pasado|esta/.test(text) &&
        MORNING_BEFORE.test(folded.slice(0, start))
      ) {
        continue;
      }
      const replaced = REPLACED_BEFORE.test(folded.slice(Math.max(0, start - 20), start));
      candidates.push({ start, end, priority, replaced, resolve: makeResolve(match as RegExpExecArray) });
    }
  }
  const spans = candidates.map(({ start, end }) => ({ start, end }));
  const usable = candidates.some((c) => !c.replaced) ? candidates.filter((c) => !c.replaced) : candidates;
  const best = usable.reduce<Candidate | null>((chosen, candidate) => {
    if (!chosen) return candidate;
    if (candidate.priority !== chosen.priority)
      return candidate.priority > chosen.priority ? candidate : chosen;
    return candidate.start > chosen.start ? candidate : chosen;
  }, null);
  const day = best?.resolve(options.today, options.dayFirst) ?? null;
  return { date: day ? formatLocalDay(day) : null, spans };
}

function num(text: string | undefined): number {
  return Number(text ?? Number.NaN);
}

function relative(days: number): Candidate["resolve"] {
  return (today) => (today && days >= 0 && days <= 366 ? addDays(today, days) : null);
}

function readNumericDate(
  first: string | undefined,
  second: string | undefined,
  yearText: string | undefined,
  dayFirst: boolean,
  today: LocalDay | null = null,
): LocalDay | null {
  let month = num(first);
  let day = num(second);
  // A first number over 12 can only be a day; in a Spanish conversation day-first is the norm anyway.
  if (month > 12 || (dayFirst && day <= 12)) [month, day] = [day, month];
  if (yearText === undefined) return resolveMonthDay(month, day, undefined, today);
  const year = yearText.length === 2 ? 2000 + num(yearText) : num(yearText);
  return makeLocalDay(year, month, day);
}

/** A month and day; without a year, the next one on or after today (a past date means next year). */
function resolveMonthDay(
  month: number | null,
  day: number,
  yearText: string | undefined,
  today: LocalDay | null,
): LocalDay | null {
  if (month === null) return null;
  if (yearText !== undefined) return makeLocalDay(num(yearText), month, day);
  if (!today) return null;
  for (let year = today.year; year <= today.year + 8; year++) {
    const candidate = makeLocalDay(year, month, day);
    if (candidate && compareDays(candidate, today) >= 0) return candidate;
  }
  return null;
}

/** "the 24th": this month if still ahead (or today), else the next month that has that day. */
function resolveDayOfMonth(day: number, today: LocalDay | null): LocalDay | null {
  if (!today || day < 1 || day > 31) return null;
  for (let step = 0; step < 13; step++) {
    const month = ((today.month - 1 + step) % 12) + 1;
    const year = today.year + Math.floor((today.month - 1 + step) / 12);
    const candidate = makeLocalDay(year, month, day);
    if (candidate && compareDays(candidate, today) >= 0) return candidate;
  }
  return null;
}

/** The coming weekday; today when it is that weekday, unless `next` ("next Sat" on a Saturday is a week on). */
function resolveWeekday(weekday: number | null, next: boolean, today: LocalDay | null): LocalDay | null {
  if (weekday === null || !today) return null;
  const ahead = (weekday - today.weekday + 7) % 7;
  return addDays(today, ahead === 0 && next ? 7 : ahead);
}

/** "Saturday next week": that weekday in the Monday-to-Sunday week after this one. */
function resolveWeekdayNextWeek(weekday: number | null, today: LocalDay | null): LocalDay | null {
  if (weekday === null || !today) return null;
  return addDays(today, 7 - (today.weekday - 1) + (weekday - 1));
}
