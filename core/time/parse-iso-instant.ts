/**
 * Strict ISO 8601 instant: `YYYY-MM-DDTHH:mm[:ss[.fff…]]` followed by `Z` or `±HH:mm`.
 * An offset is required because a wall-clock time without one is not an instant; the agency's
 * time zone only matters for calendar rules, never for reading a typed instant.
 */
const ISO_INSTANT_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Parses an ISO 8601 instant with offset into epoch milliseconds, or null when the text is not
 * one (including impossible dates such as Feb 30, which `Date.parse` silently rolls over).
 * Digits below the millisecond are dropped. Years 1000–9999 only.
 */
export function parseIsoInstant(text: string): number | null {
  const match = ISO_INSTANT_PATTERN.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = match[6] === undefined ? 0 : Number(match[6]);
  const millisecond = match[7] === undefined ? 0 : Number(match[7].slice(0, 3).padEnd(3, "0"));
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > getDaysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes = 0;
  if (match[8] === undefined) {
    const offsetHours = Number(match[10]);
    const offsetRestMinutes = Number(match[11]);
    if (offsetHours > 23 || offsetRestMinutes > 59) return null;
    offsetMinutes = (match[9] === "-" ? -1 : 1) * (offsetHours * 60 + offsetRestMinutes);
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - offsetMinutes * 60_000;
}

/** Like parseIsoInstant but throws: for values that were already validated by a schema. */
export function parseValidatedIsoInstant(text: string): number {
  const epochMs = parseIsoInstant(text);
  if (epochMs === null) throw new RangeError(`not an ISO 8601 instant with offset: ${text}`);
  return epochMs;
}

function getDaysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
