import { DateTime } from "luxon";
import { resolveTimeZone } from "../time/index.ts";

/** A calendar day in the agency's time zone; weekday 1 = Monday … 7 = Sunday (ISO). */
export interface LocalDay {
  year: number;
  month: number;
  day: number;
  weekday: number;
}

/**
 * The local calendar day of `now` in `timeZone`. An unknown zone falls back to UTC (the parser must
 * not throw on bad configuration); an invalid Date gives null, and relative dates then stay unknown.
 */
export function resolveToday(now: Date, timeZone: string): LocalDay | null {
  if (Number.isNaN(now.getTime())) return null;
  let local = DateTime.fromJSDate(now, { zone: resolveTimeZone(timeZone) });
  if (!local.isValid) local = DateTime.fromJSDate(now, { zone: "utc" });
  if (!local.isValid) return null;
  return { year: local.year, month: local.month, day: local.day, weekday: local.weekday };
}

/** The day `days` after `from` (negative goes back). */
export function addDays(from: LocalDay, days: number): LocalDay {
  const date = DateTime.utc(from.year, from.month, from.day).plus({ days });
  return { year: date.year, month: date.month, day: date.day, weekday: date.weekday };
}

/** The day for year/month/day, or null when no such day exists (Feb 30, month 13). */
export function makeLocalDay(year: number, month: number, day: number): LocalDay | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return null;
  const date = DateTime.utc(year, month, day);
  if (!date.isValid || date.month !== month || date.day !== day) return null;
  return { year, month, day, weekday: date.weekday };
}

/** -1, 0 or 1 as `a` is before, the same as or after `b`. */
export function compareDays(a: LocalDay, b: LocalDay): number {
  const left = a.year * 10_000 + a.month * 100 + a.day;
  const right = b.year * 10_000 + b.month * 100 + b.day;
  return Math.sign(left - right);
}

/** `YYYY-MM-DD`. */
export function formatLocalDay(day: LocalDay): string {
  return `${day.year}-${String(day.month).padStart(2, "0")}-${String(day.day).padStart(2, "0")}`;
}
