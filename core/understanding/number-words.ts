import { wordAlternation } from "./word-pattern.ts";

/**
 * Small numbers written as words, English and Spanish (folded: lower case, no accents). Counts of
 * officers, cars, hours and days rarely go past a few dozen, so 0–99 (and "cien") is enough.
 */
const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  cero: 0,
  uno: 1,
  una: 1,
  un: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  once: 11,
  doce: 12,
  trece: 13,
  catorce: 14,
  quince: 15,
  dieciseis: 16,
  diecisiete: 17,
  dieciocho: 18,
  diecinueve: 19,
  veintiuno: 21,
  veintiun: 21,
  veintiuna: 21,
  veintidos: 22,
  veintitres: 23,
  veinticuatro: 24,
  veinticinco: 25,
  veintiseis: 26,
  veintisiete: 27,
  veintiocho: 28,
  veintinueve: 29,
  cien: 100,
  dozen: 12,
  docena: 12,
};

const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  veinte: 20,
  treinta: 30,
  cuarenta: 40,
  cincuenta: 50,
  sesenta: 60,
  setenta: 70,
  ochenta: 80,
  noventa: 90,
};

/** Quantities that are phrases, not numbers; "a"/"an"/"un" are 1 only where a noun follows. */
const PHRASES: Record<string, number> = {
  "a couple of": 2,
  "a couple": 2,
  "couple of": 2,
  couple: 2,
  "a pair of": 2,
  "a pair": 2,
  "un par de": 2,
  "a dozen": 12,
  "una docena de": 12,
  "half a dozen": 6,
  a: 1,
  an: 1,
  single: 1,
  "a single": 1,
};

const UNIT_WORDS = wordAlternation(
  Object.keys(UNITS).filter((word) => word !== "dozen" && word !== "docena"),
);
const TEN_WORDS = wordAlternation(Object.keys(TENS));

/** Regex source of a number written in digits (1–3) or words, e.g. "3", "twenty-one", "treinta y dos". */
export const NUMBER_PATTERN = `(?:\\d{1,3}|(?:${TEN_WORDS})(?:(?:[ -]|\\s+y\\s+)(?:${UNIT_WORDS}))?|${UNIT_WORDS})`;

/** Regex source of a quantity before a noun: a number or a phrase like "a couple of", "un par de", "an". */
export const QUANTITY_PATTERN = `(?:${wordAlternation(Object.keys(PHRASES))}|${NUMBER_PATTERN})`;

/** Reads a number or quantity phrase matched by NUMBER_PATTERN/QUANTITY_PATTERN; null when it is not one. */
export function readQuantity(text: string): number | null {
  const words = text.trim().replace(/\s+/g, " ");
  if (/^\d+$/.test(words)) return Number(words);
  const phrase = lookUp(PHRASES, words) ?? lookUp(UNITS, words) ?? lookUp(TENS, words);
  if (phrase !== null) return phrase;
  const compound = /^([a-z]+)(?:[ -]|\s+y\s+)([a-z]+)$/.exec(words);
  if (compound) {
    const tens = lookUp(TENS, compound[1] ?? "");
    const unit = lookUp(UNITS, compound[2] ?? "");
    if (tens !== null && unit !== null && unit >= 1 && unit <= 9) return tens + unit;
  }
  return null;
}

/** Own-property lookup, so "constructor" and friends are not numbers. */
function lookUp(table: Record<string, number>, key: string): number | null {
  return Object.hasOwn(table, key) ? (table[key] ?? null) : null;
}
