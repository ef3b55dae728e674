import { DateTime } from "luxon";
import type { PayPeriodRule } from "../agencies/index.ts";

/** One pay period of an agency: local days startDate..lastDate, as the instants [startMs, endMs). */
export interface PayPeriod {
  /** First local day, "2031-03-03": with the agency it names the period. */
  startDate: string;
  /** Last local day included. */
  lastDate: string;
  /** Local midnight starting startDate, in the agency's zone (epoch ms). */
  startMs: number;
  /** Local midnight after lastDate (epoch ms, excluded). */
  endMs: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;

/**
 * The pay period containing the local date `date` ("YYYY-MM-DD") under `rule`, or null when `date`
 * is not a real date. Days are counted on the calendar (UTC stands in for a zone-free calendar), and
 * only the two boundaries become instants in `timeZone`: a period spanning a DST change is then an
 * hour shorter or longer, never a day off.
 */
export function findPayPeriod(rule: PayPeriodRule, date: string, timeZone: string): PayPeriod | null {
  if (!DATE.test(date)) return null;
  const day = DateTime.fromISO(date, { zone: "UTC" });
  if (!day.isValid) return null;
  let first: DateTime;
  let next: DateTime;
  switch (rule.kind) {
    case "weekly": {
      const startsOn = WEEKDAYS.indexOf(rule.startsOn) + 1;
      first = day.minus({ days: (day.weekday - startsOn + 7) % 7 });
      next = first.plus({ days: 7 });
      break;
    }
    case "biweekly": {
      const anchor = DateTime.fromISO(rule.anchorDate, { zone: "UTC" });
      const days = Math.round(day.diff(anchor, "days").days);
      // Modulo that stays positive, so dates before the anchor fall in the periods before it.
      first = day.minus({ days: ((days % 14) + 14) % 14 });
      next = first.plus({ days: 14 });
      break;
    }
    case "semimonthly":
      first = day.day <= 15 ? day.startOf("month") : day.set({ day: 16 });
      next = day.day <= 15 ? day.set({ day: 16 }) : day.startOf("month").plus({ months: 1 });
      break;
    default: {
      const unknown: never = rule;
      throw new Error(`unknown pay period rule ${JSON.stringify(unknown)}`);
    }
  }
  const startDate = first.toISODate() ?? "";
  const endDate = next.toISODate() ?? "";
  return {
    startDate,
    lastDate: next.minus({ days: 1 }).toISODate() ?? "",
    startMs: DateTime.fromISO(startDate, { zone: timeZone }).toMillis(),
    endMs: DateTime.fromISO(endDate, { zone: timeZone }).toMillis(),
  };
}

/** The pay period containing the instant `atMs` (epoch ms), read in `timeZone`. */
export function findPayPeriodAt(rule: PayPeriodRule, timeZone: string, atMs: number): PayPeriod {
  const date = DateTime.fromMillis(atMs, { zone: timeZone }).toISODate() ?? "";
  const period = findPayPeriod(rule, date, timeZone);
  if (!period) throw new Error(`no pay period for ${atMs} in ${timeZone}`);
  return period;
}

/** The latest pay period that has ended by `nowMs`: the one payroll is run for. */
export function findLastFinishedPayPeriod(rule: PayPeriodRule, timeZone: string, nowMs: number): PayPeriod {
  const current = findPayPeriodAt(rule, timeZone, nowMs);
  return findPayPeriodAt(rule, timeZone, current.startMs - 1);
}

/** Whether the period is over at `nowMs` (its end is not after now): only then may it be closed. */
export const isPayPeriodFinished = (period: Pick<PayPeriod, "endMs">, nowMs: number): boolean => period.endMs <= nowMs;
