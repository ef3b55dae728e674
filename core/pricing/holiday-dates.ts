import type { HolidayRule } from "../agencies/index.ts";
import { assertNever } from "../shared/index.ts";
import { computeEasterSunday } from "./easter.ts";

/** A calendar date with no time zone: year, month 1–12, day 1–31. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/**
 * The date a holiday rule gives in `year`, or null when the rule has no date that year (Feb 29
 * in a common year, a 5th weekday a month lacks). Offsets may land in a neighbouring year.
 * Pure calendar arithmetic on UTC dates: a date has no time zone until it is turned into instants.
 */
export function resolveHolidayDate(rule: HolidayRule, year: number): CalendarDate | null {
  switch (rule.kind) {
    case "fixed":
      return makeValidDate(year, rule.month, rule.day);
    case "nth_weekday": {
      const firstWeekday = getIsoWeekday(year, rule.month, 1);
      const day = 1 + ((rule.weekday - firstWeekday + 7) % 7) + (rule.n - 1) * 7;
      return makeValidDate(year, rule.month, day);
    }
    case "last_weekday": {
      const lastDay = getDaysInMonth(year, rule.month);
      const lastWeekday = getIsoWeekday(year, rule.month, lastDay);
      return { year, month: rule.month, day: lastDay - ((lastWeekday - rule.weekday + 7) % 7) };
    }
    case "easter":
      return { year, ...computeEasterSunday(year) };
    case "offset": {
      const base = resolveHolidayDate(rule.of, year);
      return base === null ? null : addDays(base, rule.days);
    }
    default:
      return assertNever(rule, "holiday rule");
  }
}

function makeValidDate(year: number, month: number, day: number): CalendarDate | null {
  return day <= getDaysInMonth(year, month) ? { year, month, day } : null;
}

function getDaysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
function getIsoWeekday(year: number, month: number, day: number): number {
  const sundayZero = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return sundayZero === 0 ? 7 : sundayZero;
}

function addDays(date: CalendarDate, days: number): CalendarDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** The agency's holidays falling in local calendar year `year`, by date (for people and tests). */
export function listHolidays(
  holidays: readonly { name: string; rule: HolidayRule }[],
  year: number,
): { name: string; date: CalendarDate }[] {
  const found: { name: string; date: CalendarDate }[] = [];
  for (const holiday of holidays) {
    for (const ruleYear of [year - 1, year, year + 1]) {
      const date = resolveHolidayDate(holiday.rule, ruleYear);
      if (date?.year === year) found.push({ name: holiday.name, date });
    }
  }
  return found.sort((a, b) => a.date.month - b.date.month || a.date.day - b.date.day);
}
