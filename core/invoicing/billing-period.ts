import { DateTime } from "luxon";

export type BillingCycleName = "weekly" | "monthly";

/** A billing period [startMs, endMs) in the agency's calendar, with a key unique per cycle. */
export interface BillingPeriod {
  cycle: BillingCycleName;
  startMs: number;
  endMs: number;
  /** "monthly:2026-11", "weekly:2026-11-23" (the Monday the week starts). */
  key: string;
}

/**
 * The period of `cycle` that contains `atMs`, in `timeZone`: weeks start Monday 00:00, months on
 * the 1st at 00:00, local time (so a DST change makes a week 167 or 169 hours long).
 */
export function periodContaining(cycle: BillingCycleName, timeZone: string, atMs: number): BillingPeriod {
  const local = DateTime.fromMillis(atMs, { zone: timeZone });
  const start = cycle === "weekly" ? local.startOf("week") : local.startOf("month");
  const end = cycle === "weekly" ? start.plus({ weeks: 1 }) : start.plus({ months: 1 });
  const key = cycle === "weekly" ? `weekly:${start.toISODate()}` : `monthly:${start.toFormat("yyyy-MM")}`;
  return { cycle, startMs: start.toMillis(), endMs: end.toMillis(), key };
}

/** The latest period of `cycle` that has ended by `nowMs`: the one a cycle close bills. */
export function lastClosedPeriod(cycle: BillingCycleName, timeZone: string, nowMs: number): BillingPeriod {
  const current = periodContaining(cycle, timeZone, nowMs);
  return periodContaining(cycle, timeZone, current.startMs - 1);
}

/** The agency's calendar year at `atMs`: invoice numbers restart each local year. */
export function localYear(timeZone: string, atMs: number): number {
  return DateTime.fromMillis(atMs, { zone: timeZone }).year;
}
