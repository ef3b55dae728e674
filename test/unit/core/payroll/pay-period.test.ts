import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PayPeriodRule } from "../../../../core/agencies/index.ts";
import { findLastFinishedPayPeriod, findPayPeriod, findPayPeriodAt } from "../../../../core/payroll/index.ts";
import { getTestAgency } from "../../../builders/quote-request.ts";

const HOUR_MS = 3_600_000;
const rockport = getTestAgency("rockport-tx-pd");
const tucson = getTestAgency("tucson-az-pd");
const mesquite = getTestAgency("mesquite-tx-pd");
const at = (iso: string) => Date.parse(iso);

describe("pay periods of the demo agencies", () => {
  // [agency, any date in the period, first day, last day, first instant, length in hours]
  const cases = [
    // Rockport: weekly from Monday, America/Chicago; the week of Mar 9 2031 springs forward.
    [rockport, "2031-03-12", "2031-03-10", "2031-03-16", "2031-03-10T00:00:00-05:00", 168],
    [rockport, "2031-03-03", "2031-03-03", "2031-03-09", "2031-03-03T00:00:00-06:00", 167],
    [rockport, "2031-03-09", "2031-03-03", "2031-03-09", "2031-03-03T00:00:00-06:00", 167],
    [rockport, "2031-11-05", "2031-11-03", "2031-11-09", "2031-11-03T00:00:00-06:00", 168],
    [rockport, "2031-11-02", "2031-10-27", "2031-11-02", "2031-10-27T00:00:00-05:00", 169],
    // Tucson: every other week from Sunday Jan 4 2026, America/Phoenix (no DST).
    [tucson, "2026-01-04", "2026-01-04", "2026-01-17", "2026-01-04T00:00:00-07:00", 336],
    [tucson, "2026-01-17", "2026-01-04", "2026-01-17", "2026-01-04T00:00:00-07:00", 336],
    [tucson, "2031-03-12", "2031-03-09", "2031-03-22", "2031-03-09T00:00:00-07:00", 336],
    // Before the anchor: the periods continue backwards.
    [tucson, "2026-01-03", "2025-12-21", "2026-01-03", "2025-12-21T00:00:00-07:00", 336],
    [tucson, "2025-12-21", "2025-12-21", "2026-01-03", "2025-12-21T00:00:00-07:00", 336],
    [tucson, "2025-12-20", "2025-12-07", "2025-12-20", "2025-12-07T00:00:00-07:00", 336],
    // Mesquite: 1st–15th and 16th–end, America/Chicago; leap February; the fall-back half.
    [mesquite, "2031-02-20", "2031-02-16", "2031-02-28", "2031-02-16T00:00:00-06:00", 13 * 24],
    [mesquite, "2032-02-29", "2032-02-16", "2032-02-29", "2032-02-16T00:00:00-06:00", 14 * 24],
    [mesquite, "2031-11-15", "2031-11-01", "2031-11-15", "2031-11-01T00:00:00-05:00", 15 * 24 + 1],
    [mesquite, "2031-03-01", "2031-03-01", "2031-03-15", "2031-03-01T00:00:00-06:00", 15 * 24 - 1],
    [mesquite, "2031-12-31", "2031-12-16", "2031-12-31", "2031-12-16T00:00:00-06:00", 16 * 24],
  ] as const;
  for (const [agency, date, first, last, startIso, hours] of cases) {
    it(`${agency.id}: ${date} is in ${first}..${last} (${hours} h)`, () => {
      const period = findPayPeriod(agency.payroll.payPeriod, date, agency.timeZone);
      expect(period).toMatchObject({ startDate: first, lastDate: last, startMs: at(startIso) });
      expect(((period?.endMs ?? 0) - (period?.startMs ?? 0)) / HOUR_MS).toBe(hours);
    });
  }

  it("rejects what is not a date", () => {
    for (const bad of ["2031-02-30", "2031-3-1", "yesterday", ""]) {
      expect(findPayPeriod(mesquite.payroll.payPeriod, bad, mesquite.timeZone)).toBeNull();
    }
  });

  it("reads an instant in the agency's zone: 11 PM Sunday in Chicago is still last week", () => {
    expect(findPayPeriodAt(rockport.payroll.payPeriod, rockport.timeZone, at("2031-03-17T04:30:00Z")).startDate).toBe("2031-03-10");
    expect(findPayPeriodAt(rockport.payroll.payPeriod, rockport.timeZone, at("2031-03-17T05:00:00Z")).startDate).toBe("2031-03-17");
  });

  it("the last finished period is the one before the current one", () => {
    expect(findLastFinishedPayPeriod(mesquite.payroll.payPeriod, mesquite.timeZone, at("2031-03-01T00:00:00-06:00")).startDate).toBe(
      "2031-02-16",
    );
    expect(findLastFinishedPayPeriod(tucson.payroll.payPeriod, tucson.timeZone, at("2031-03-12T12:00:00-07:00")).startDate).toBe(
      "2031-02-23",
    );
  });
});

describe("pay period properties", () => {
  const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
  const ruleArbitrary: fc.Arbitrary<PayPeriodRule> = fc.oneof(
    fc.constantFrom(...WEEKDAYS).map((startsOn) => ({ kind: "weekly" as const, startsOn })),
    fc
      .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) })
      .map((ms) => ({ kind: "biweekly" as const, anchorDate: new Date(ms).toISOString().slice(0, 10) })),
    fc.constant({ kind: "semimonthly" as const }),
  );
  // Zones with DST at 2 AM, none, half an hour (Lord Howe), and at midnight (São Paulo until 2019).
  const zoneArbitrary = fc.constantFrom("America/Chicago", "America/Phoenix", "Australia/Lord_Howe", "America/Sao_Paulo", "Europe/London");
  const instantArbitrary = fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2040, 0, 1) });

  it("tile time: every instant is in exactly one period, which its neighbours meet with no gap", () => {
    fc.assert(
      fc.property(ruleArbitrary, zoneArbitrary, instantArbitrary, (rule, zone, atMs) => {
        const period = findPayPeriodAt(rule, zone, atMs);
        expect(period.startMs).toBeLessThanOrEqual(atMs);
        expect(period.endMs).toBeGreaterThan(atMs);
        const next = findPayPeriodAt(rule, zone, period.endMs);
        const previous = findPayPeriodAt(rule, zone, period.startMs - 1);
        expect(next.startMs).toBe(period.endMs);
        expect(previous.endMs).toBe(period.startMs);
        expect(findPayPeriodAt(rule, zone, period.endMs - 1)).toEqual(period);
        expect(findPayPeriod(rule, period.lastDate, zone)).toEqual(period);
      }),
      { numRuns: 500 },
    );
  });

  it("weekly and biweekly periods start on the right day and last 7 or 14 local days", () => {
    fc.assert(
      fc.property(ruleArbitrary, zoneArbitrary, instantArbitrary, (rule, zone, atMs) => {
        fc.pre(rule.kind !== "semimonthly");
        const period = findPayPeriodAt(rule, zone, atMs);
        const days = (Date.parse(period.lastDate) - Date.parse(period.startDate)) / 86_400_000 + 1;
        expect(days).toBe(rule.kind === "weekly" ? 7 : 14);
        const hours = (period.endMs - period.startMs) / HOUR_MS;
        expect(Math.abs(hours - days * 24)).toBeLessThanOrEqual(1);
        if (rule.kind === "biweekly") expect(Math.abs(((Date.parse(period.startDate) - Date.parse(rule.anchorDate)) / 86_400_000) % 14)).toBe(0);
        else expect(WEEKDAYS[(new Date(Date.parse(period.startDate)).getUTCDay() + 6) % 7]).toBe(rule.startsOn);
      }),
      { numRuns: 300 },
    );
  });
});
