import { DateTime } from "luxon";
import type { AgencyConfig } from "../agencies/index.ts";
import { divideCeil, MS_PER_MINUTE } from "../time/index.ts";
import { type CalendarDate, resolveHolidayDate } from "./holiday-dates.ts";

/** Half-open span of instants [startMs, endMs) in epoch milliseconds. */
export interface InstantInterval {
  startMs: number;
  endMs: number;
}

const MS_PER_DAY = 86_400_000;

/**
 * Luxon is slow next to plain arithmetic, so each agency's holidays are turned into instant
 * intervals once per span of years and kept. Keyed by the (frozen) agency object.
 */
const intervalCache = new WeakMap<AgencyConfig, Map<number, readonly InstantInterval[]>>();

/**
 * The agency's holidays touching the instants [fromMs, toMs), as sorted, merged, disjoint
 * intervals. A holiday covers its whole local calendar day in the agency's time zone:
 * [00:00, next day's 00:00), which is 23 or 25 hours long on a daylight-saving change.
 */
export function getHolidayIntervals(
  agency: AgencyConfig,
  fromMs: number,
  toMs: number,
): readonly InstantInterval[] {
  if (agency.holidays.length === 0) return [];
  // Any zone's local date is within a day of the UTC date, so these UTC years cover the span.
  const firstYear = new Date(fromMs - MS_PER_DAY).getUTCFullYear();
  const lastYear = new Date(toMs + MS_PER_DAY).getUTCFullYear();
  let byYears = intervalCache.get(agency);
  if (!byYears) {
    byYears = new Map();
    intervalCache.set(agency, byYears);
  }
  const key = firstYear * 10_000 + lastYear;
  let intervals = byYears.get(key);
  if (!intervals) {
    intervals = buildHolidayIntervals(agency, firstYear, lastYear);
    byYears.set(key, intervals);
  }
  return intervals;
}

/**
 * How many of the `minutes` whole minutes starting at `startMs` fall on a holiday. A minute
 * belongs to the local day of the instant it starts at (a minute straddling midnight only
 * happens when a start has seconds). Counted arithmetically per interval: minute k starts at
 * startMs + k·60 000 and is a holiday minute when that instant lies in [startMs_h, endMs_h).
 */
export function countHolidayMinutes(agency: AgencyConfig, startMs: number, minutes: number): number {
  const endMs = startMs + minutes * MS_PER_MINUTE;
  const intervals = getHolidayIntervals(agency, startMs, endMs);
  let holidayMinutes = 0;
  for (const interval of intervals) {
    if (interval.endMs <= startMs || interval.startMs >= endMs) continue;
    const first = Math.max(0, divideCeil(interval.startMs - startMs, MS_PER_MINUTE));
    const afterLast = Math.min(minutes, divideCeil(interval.endMs - startMs, MS_PER_MINUTE));
    if (afterLast > first) holidayMinutes += afterLast - first;
  }
  return holidayMinutes;
}

/**
 * Whole-local-day intervals for the rule dates of years firstYear−1 … lastYear+1 (offsets can
 * move a date up to a month across a year boundary), merged so no minute counts twice.
 */
function buildHolidayIntervals(agency: AgencyConfig, firstYear: number, lastYear: number): InstantInterval[] {
  const days = new Map<string, CalendarDate>();
  for (let year = firstYear - 1; year <= lastYear + 1; year++) {
    for (const holiday of agency.holidays) {
      const date = resolveHolidayDate(holiday.rule, year);
      if (date) days.set(`${date.year}-${date.month}-${date.day}`, date);
    }
  }
  const intervals = [...days.values()]
    .map((date) => convertLocalDayToInterval(date, agency.timeZone))
    .sort((a, b) => a.startMs - b.startMs);
  const merged: InstantInterval[] = [];
  for (const interval of intervals) {
    const last = merged[merged.length - 1];
    if (last && interval.startMs <= last.endMs) last.endMs = Math.max(last.endMs, interval.endMs);
    else merged.push({ ...interval });
  }
  return merged;
}

function convertLocalDayToInterval(date: CalendarDate, timeZone: string): InstantInterval {
  // Local midnight; where a zone skips midnight, luxon moves to the first existing instant.
  const start = DateTime.fromObject(
    { year: date.year, month: date.month, day: date.day },
    { zone: timeZone },
  );
  const end = start.plus({ days: 1 }).startOf("day");
  if (!start.isValid || !end.isValid) {
    throw new Error(`cannot place ${date.year}-${date.month}-${date.day} in time zone ${timeZone}`);
  }
  return { startMs: start.toMillis(), endMs: end.toMillis() };
}
