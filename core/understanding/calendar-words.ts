import { SMS_SPELLINGS } from "./sms-spellings.ts";
import { lookUpWord, wordAlternation } from "./word-pattern.ts";

/** Month names and abbreviations (English and Spanish, folded), longest first so "june" beats "jun". */
const MONTH_NUMBERS: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sept: 9,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  enero: 1,
  febrero: 2,
  marzo: 3,
  abril: 4,
  mayo: 5,
  junio: 6,
  julio: 7,
  agosto: 8,
  septiembre: 9,
  setiembre: 9,
  octubre: 10,
  noviembre: 11,
  diciembre: 12,
  ene: 1,
  abr: 4,
  ago: 8,
  dic: 12,
};

/**
 * Weekday names (ISO numbers, 1 = Monday). "sun" is left out on purpose: "the sun" is too common;
 * Spanish abbreviations are left out because "mar" is also March.
 */
const WEEKDAY_NUMBERS: Record<string, number> = {
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sunday: 7,
  mon: 1,
  tues: 2,
  tue: 2,
  weds: 3,
  wed: 3,
  thurs: 4,
  thur: 4,
  thu: 4,
  fri: 5,
  sat: 6,
  lunes: 1,
  martes: 2,
  miercoles: 3,
  jueves: 4,
  viernes: 5,
  sabado: 6,
  domingo: 7,
  wensday: 3,
  wendsday: 3,
  wednsday: 3,
  thrusday: 4,
  thursdy: 4,
  saterday: 6,
  satruday: 6,
};

/**
 * Weekday words that are also everyday words ("under the sun", "Sun Valley Rd"): read only after
 * "this", "next", "on" or "for" (and not before another word), or right before a time or "nite".
 */
const GUARDED_WEEKDAY_NUMBERS: Record<string, number> = {
  sun: 7,
};

/** Regex source matching one month word. */
export const MONTH_PATTERN = `(?:${wordAlternation(Object.keys(MONTH_NUMBERS))})`;
/** Regex source matching one weekday word. */
export const WEEKDAY_PATTERN = `(?:${wordAlternation(Object.keys(WEEKDAY_NUMBERS))})`;
/** Regex source matching one weekday word that needs a qualifier (GUARDED_WEEKDAY_NUMBERS). */
export const GUARDED_WEEKDAY_PATTERN = `(?:${wordAlternation(Object.keys(GUARDED_WEEKDAY_NUMBERS))})`;

/** Month number 1–12 of a word matched by MONTH_PATTERN, or null. */
export function readMonth(word: string): number | null {
  return Object.hasOwn(MONTH_NUMBERS, word) ? (MONTH_NUMBERS[word] ?? null) : null;
}

/** ISO weekday 1–7 of a word matched by WEEKDAY_PATTERN, or null. */
export function readWeekday(word: string): number | null {
  if (Object.hasOwn(WEEKDAY_NUMBERS, word)) return WEEKDAY_NUMBERS[word] ?? null;
  return Object.hasOwn(GUARDED_WEEKDAY_NUMBERS, word) ? (GUARDED_WEEKDAY_NUMBERS[word] ?? null) : null;
}

/** Fixed-date holidays customers name instead of a date: the names (folded) → month, day. */
export const NAMED_DAYS: readonly (readonly [names: readonly string[], month: number, day: number])[] = [
  [["christmas eve", "x-mas eve", "nochebuena", "noche buena"], 12, 24],
  [["christmas", "christmas day", "x-mas", "x-mas day", "navidad", "dia de navidad"], 12, 25],
  [["new year's eve", "new yrs eve", "nye", "nochevieja", "noche vieja", "fin de ano"], 12, 31],
  [["new year's", "new year's day", "new yrs day", "ano nuevo", "dia de ano nuevo"], 1, 1],
  [["halloween"], 10, 31],
  [["fourth of july", "4th of july", "independence day", "dia de la independencia"], 7, 4],
  [["valentine's", "valentine's day", "dia de san valentin"], 2, 14],
];

/** Words that name one clock time (folded) → minutes after midnight. */
const CLOCK_WORD_MINUTES: Record<string, number> = {
  noon: 12 * 60,
  midday: 12 * 60,
  mediodia: 12 * 60,
  "medio dia": 12 * 60,
  midnight: 0,
  ...Object.fromEntries(SMS_SPELLINGS.midnight.map((spelling) => [spelling, 0])),
  medianoche: 0,
  "media noche": 0,
};

/** Regex source matching one clock word ("noon", "midnite", "mediodía"). */
export const CLOCK_WORD_PATTERN = `(?:${wordAlternation(Object.keys(CLOCK_WORD_MINUTES))})`;

/** Minutes after midnight of a word matched by CLOCK_WORD_PATTERN, or null. */
export function readClockWord(word: string): number | null {
  return lookUpWord(CLOCK_WORD_MINUTES, word);
}
