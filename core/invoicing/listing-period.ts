import { DateTime } from "luxon";

/** A span of local calendar days [startMs, endMs) in an agency's zone, as staff ask for invoices. */
export interface ListingPeriod {
  startMs: number;
  endMs: number;
  /** "2026-11" or "2026-11-01_2026-11-15": names the period in a file name. */
  label: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "2026-11" → November 2026 from the 1st 00:00 to December 1st 00:00 local; null if not a month. */
export function monthPeriod(month: string, timeZone: string): ListingPeriod | null {
  if (!MONTH.test(month)) return null;
  const start = DateTime.fromISO(`${month}-01`, { zone: timeZone });
  if (!start.isValid) return null;
  return { startMs: start.toMillis(), endMs: start.plus({ months: 1 }).toMillis(), label: month };
}

/** A local date as the start of that day in `timeZone`; null if it is not a real YYYY-MM-DD date. */
export function startOfLocalDate(date: string, timeZone: string): number | null {
  if (!DATE.test(date)) return null;
  const day = DateTime.fromISO(date, { zone: timeZone });
  return day.isValid ? day.toMillis() : null;
}

/**
 * `from` to `to`, both local dates and both included (a person's "1st to 15th"); null when either
 * is not a date or `to` is before `from`.
 */
export function datesPeriod(from: string, to: string, timeZone: string): ListingPeriod | null {
  const startMs = startOfLocalDate(from, timeZone);
  const lastMs = startOfLocalDate(to, timeZone);
  if (startMs === null || lastMs === null || lastMs < startMs) return null;
  const endMs = DateTime.fromMillis(lastMs, { zone: timeZone }).plus({ days: 1 }).toMillis();
  return { startMs, endMs, label: `${from}_${to}` };
}

/** The local month containing `atMs`, as `monthPeriod` reads it ("2026-11"). */
export function monthOf(atMs: number, timeZone: string): string {
  return DateTime.fromMillis(atMs, { zone: timeZone }).toFormat("yyyy-MM");
}
