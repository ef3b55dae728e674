import { describe, expect, it } from "vitest";
import type { AgencyConfig } from "../../../../core/agencies/index.ts";
import {
  countHolidayMinutes,
  getHolidayIntervals,
  listHolidays,
  resolveHolidayDate,
} from "../../../../core/pricing/index.ts";
import { parseValidatedIsoInstant } from "../../../../core/time/index.ts";
import { getTestAgency } from "../../../builders/quote-request.ts";

const at = parseValidatedIsoInstant;
const HOUR_MS = 3_600_000;

function withHolidays(agency: AgencyConfig, holidays: AgencyConfig["holidays"]): AgencyConfig {
  return { ...agency, holidays };
}

describe("Rockport holiday calendar", () => {
  const rockport = getTestAgency("rockport-tx-pd");
  const format = (year: number) =>
    listHolidays(rockport.holidays, year).map(
      ({ name, date }) =>
        `${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")} ${name}`,
    );

  it("lists the eleven 2026 holidays on their dates", () => {
    expect(format(2026)).toEqual([
      "2026-01-01 New Year's Day",
      "2026-04-05 Easter Sunday",
      "2026-05-25 Memorial Day",
      "2026-07-04 Independence Day",
      "2026-09-07 Labor Day",
      "2026-11-11 Veterans Day",
      "2026-11-26 Thanksgiving Day",
      "2026-11-27 Day after Thanksgiving",
      "2026-12-24 Christmas Eve",
      "2026-12-25 Christmas Day",
      "2026-12-31 New Year's Eve",
    ]);
  });

  it("moves the floating holidays in 2027", () => {
    expect(format(2027)).toEqual([
      "2027-01-01 New Year's Day",
      "2027-03-28 Easter Sunday",
      "2027-05-31 Memorial Day",
      "2027-07-04 Independence Day",
      "2027-09-06 Labor Day",
      "2027-11-11 Veterans Day",
      "2027-11-25 Thanksgiving Day",
      "2027-11-26 Day after Thanksgiving",
      "2027-12-24 Christmas Eve",
      "2027-12-25 Christmas Day",
      "2027-12-31 New Year's Eve",
    ]);
  });

  it("covers a whole local day in America/Chicago: [00:00, next 00:00)", () => {
    const intervals = getHolidayIntervals(rockport, at("2026-07-03T12:00:00Z"), at("2026-07-05T12:00:00Z"));
    expect(intervals).toContainEqual({
      startMs: at("2026-07-04T00:00:00-05:00"),
      endMs: at("2026-07-05T00:00:00-05:00"),
    });
  });

  it("merges adjacent holidays (Christmas Eve + Day, NYE + New Year's Day)", () => {
    const intervals = getHolidayIntervals(rockport, at("2026-12-20T00:00:00Z"), at("2027-01-03T00:00:00Z"));
    expect(intervals).toContainEqual({
      startMs: at("2026-12-24T00:00:00-06:00"),
      endMs: at("2026-12-26T00:00:00-06:00"),
    });
    expect(intervals).toContainEqual({
      startMs: at("2026-12-31T00:00:00-06:00"),
      endMs: at("2027-01-02T00:00:00-06:00"),
    });
  });
});

describe("holiday rules", () => {
  it.each([
    [{ kind: "fixed" as const, month: 2, day: 29 }, 2027, null],
    [{ kind: "fixed" as const, month: 2, day: 29 }, 2028, { year: 2028, month: 2, day: 29 }],
    [{ kind: "nth_weekday" as const, month: 11, weekday: 4, n: 4 }, 2026, { year: 2026, month: 11, day: 26 }],
    [{ kind: "nth_weekday" as const, month: 2, weekday: 1, n: 5 }, 2026, null], // Feb 2026 has 4 Mondays
    [{ kind: "last_weekday" as const, month: 5, weekday: 1 }, 2026, { year: 2026, month: 5, day: 25 }],
    [{ kind: "last_weekday" as const, month: 2, weekday: 7 }, 2026, { year: 2026, month: 2, day: 22 }],
    [{ kind: "easter" as const }, 2026, { year: 2026, month: 4, day: 5 }],
    [
      { kind: "offset" as const, of: { kind: "fixed" as const, month: 12, day: 31 }, days: 1 },
      2026,
      { year: 2027, month: 1, day: 1 },
    ],
    [
      { kind: "offset" as const, of: { kind: "easter" as const }, days: -2 },
      2026,
      { year: 2026, month: 4, day: 3 },
    ],
  ])("%j in %i → %j", (rule, year, expected) => {
    expect(resolveHolidayDate(rule, year)).toEqual(expected);
  });

  it("makes a holiday on a spring-forward day 23 hours long", () => {
    const agency = withHolidays(getTestAgency("rockport-tx-pd"), [
      { name: "DST day", rule: { kind: "fixed", month: 3, day: 8 } },
    ]);
    const noon = at("2026-03-08T12:00:00-05:00");
    const interval = getHolidayIntervals(agency, noon, noon + HOUR_MS).find(
      (candidate) => candidate.startMs <= noon && noon < candidate.endMs,
    );
    expect(interval).toEqual({
      startMs: at("2026-03-08T00:00:00-06:00"),
      endMs: at("2026-03-09T00:00:00-05:00"),
    });
    expect(((interval?.endMs ?? 0) - (interval?.startMs ?? 0)) / HOUR_MS).toBe(23);
  });

  it("sees an offset holiday spilling into the next year from a January request", () => {
    const agency = withHolidays(getTestAgency("rockport-tx-pd"), [
      { name: "Day after NYE", rule: { kind: "offset", of: { kind: "fixed", month: 12, day: 31 }, days: 2 } },
    ]);
    expect(countHolidayMinutes(agency, at("2027-01-02T10:00:00-06:00"), 60)).toBe(60);
    expect(countHolidayMinutes(agency, at("2027-01-03T10:00:00-06:00"), 60)).toBe(0);
  });
});

describe("countHolidayMinutes", () => {
  const tucson = getTestAgency("tucson-az-pd");

  it.each([
    ["2026-12-23T22:00:00-07:00", 240, 120], // 22:00–02:00 into Christmas Eve
    ["2026-12-25T22:00:00-07:00", 240, 120], // out of Christmas Day at midnight
    ["2026-12-24T08:00:00-07:00", 600, 600],
    ["2026-12-26T08:00:00-07:00", 600, 0],
    ["2026-12-23T23:59:30-07:00", 2, 1], // minute starting 23:59:30 is a Dec 23 minute; the next starts on Dec 24
  ])("from %s for %i minutes → %i holiday minutes", (start, minutes, expected) => {
    expect(countHolidayMinutes(tucson, at(start), minutes)).toBe(expected);
  });

  it("returns 0 for an agency without holidays", () => {
    expect(countHolidayMinutes(getTestAgency("mesquite-tx-pd"), at("2026-12-25T10:00:00-06:00"), 600)).toBe(
      0,
    );
  });
});
