/**
 * Strict ISO 8601 instants: `YYYY-MM-DDTHH:mm[:ss[.f…]]` followed by `Z` or `±HH:mm`.
 * An offset is required because a wall-clock time without one is not an instant; the agency's
 * time zone only matters for calendar rules, never for reading a typed instant.
 *
 * Hand-written over char codes rather than a regex plus Date.UTC: every quote reads two or
 * three instants, and this is the hottest code of a quote.
 */

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const CHAR_0 = 48;
const MS_PER_DAY = 86_400_000;

/**
 * Parses an ISO 8601 instant with offset into epoch milliseconds, or null when the text is not
 * one (including impossible dates such as Feb 30, which `Date.parse` silently rolls over).
 * Up to 9 fraction digits; digits below the millisecond are dropped. Years 1000–9999 only.
 */
export function parseIsoInstant(text: string): number | null {
  const length = text.length;
  if (length < 17 || text[4] !== "-" || text[7] !== "-" || text[10] !== "T" || text[13] !== ":") return null;
  const year = readDigits(text, 0, 4);
  const month = readDigits(text, 5, 2);
  const day = readDigits(text, 8, 2);
  const hour = readDigits(text, 11, 2);
  const minute = readDigits(text, 14, 2);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > getDaysInMonth(year, month)) return null;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return null;
  let index = 16;
  let second = 0;
  let millisecond = 0;
  if (text[index] === ":") {
    second = readDigits(text, index + 1, 2);
    if (second < 0 || second > 59) return null;
    index += 3;
    if (text[index] === ".") {
      const fractionStart = index + 1;
      index = fractionStart;
      while (index < length && isDigit(text.charCodeAt(index))) index++;
      const fractionLength = index - fractionStart;
      if (fractionLength < 1 || fractionLength > 9) return null;
      const kept = Math.min(3, fractionLength);
      millisecond = readDigits(text, fractionStart, kept) * 10 ** (3 - kept);
    }
  }
  let offsetMinutes = 0;
  const sign = text[index];
  if (sign === "Z") {
    if (index + 1 !== length) return null;
  } else if (sign === "+" || sign === "-") {
    if (index + 6 !== length || text[index + 3] !== ":") return null;
    const offsetHours = readDigits(text, index + 1, 2);
    const offsetRest = readDigits(text, index + 4, 2);
    if (offsetHours < 0 || offsetHours > 23 || offsetRest < 0 || offsetRest > 59) return null;
    offsetMinutes = (sign === "-" ? -1 : 1) * (offsetHours * 60 + offsetRest);
  } else {
    return null;
  }
  const localMs =
    countDaysSinceEpoch(year, month, day) * MS_PER_DAY +
    ((hour * 60 + minute) * 60 + second) * 1000 +
    millisecond;
  return localMs - offsetMinutes * 60_000;
}

/** Like parseIsoInstant but throws: for values that were already validated by a schema. */
export function parseValidatedIsoInstant(text: string): number {
  const epochMs = parseIsoInstant(text);
  if (epochMs === null) throw new RangeError(`not an ISO 8601 instant with offset: ${text}`);
  return epochMs;
}

/** The number made of `count` ASCII digits at `from`, or −1 if any is not a digit. */
function readDigits(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const code = text.charCodeAt(i);
    if (!isDigit(code)) return -1;
    value = value * 10 + (code - CHAR_0);
  }
  return value;
}

function isDigit(code: number): boolean {
  return code >= CHAR_0 && code <= CHAR_0 + 9;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function countDaysSinceEpoch(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function getDaysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
