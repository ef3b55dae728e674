import { describe, expect, it } from "vitest";
import { findHourlyPay } from "../../../../core/staffing/index.ts";
import { getTestAgency } from "../../../builders/quote-request.ts";

const tucson = getTestAgency("tucson-az-pd");
const rockport = getTestAgency("rockport-tx-pd");
const at = (iso: string) => Date.parse(iso);
const DAYS_BEFORE = (days: number, iso: string) => at(iso) - days * 86_400_000;

describe("findHourlyPay: the billed hourly rate of the rank, in the request's column and rate kind", () => {
  it.each([
    { rank: "officer" as const, category: "regular", cents: 6411 },
    { rank: "sergeant" as const, category: "regular", cents: 7248 },
    { rank: "sergeant" as const, category: "major_event", cents: 8084 },
    { rank: "commander" as const, category: "critical_need", cents: 9478 },
    { rank: "officer" as const, category: "no_such_column", cents: 6411 },
  ])("Tucson $rank, $category: $cents", ({ rank, category, cents }) => {
    const start = "2026-03-10T18:00:00-07:00";
    const pay = findHourlyPay(tucson, {
      category,
      rank,
      start: at(start),
      end: at("2026-03-10T22:00:00-07:00"),
      vehicles: 0,
      requestedAt: DAYS_BEFORE(10, start),
    });
    expect(pay).toEqual({ cents, holidayCents: null });
  });

  it("pays the emergency rate when the request came in under 48 hours before (Tucson)", () => {
    const start = "2026-03-10T18:00:00-07:00";
    const pay = findHourlyPay(tucson, {
      category: "regular",
      rank: "sergeant",
      start: at(start),
      end: at("2026-03-10T22:00:00-07:00"),
      vehicles: 0,
      requestedAt: DAYS_BEFORE(1, start),
    });
    expect(pay).toEqual({ cents: 10871, holidayCents: null });
  });

  it("pays the holiday rate for a shift wholly on holidays (policy.md worked example)", () => {
    const start = "2026-12-24T20:00:00-07:00";
    const pay = findHourlyPay(tucson, {
      category: "regular",
      rank: "sergeant",
      start: at(start),
      end: at("2026-12-25T01:00:00-07:00"),
      vehicles: 1,
      requestedAt: DAYS_BEFORE(23, start),
    });
    expect(pay).toEqual({ cents: 10871, holidayCents: null });
  });

  it("names both rates for a shift partly on a holiday (Rockport, New Year's Eve into... a holiday again)", () => {
    const start = "2026-12-23T22:00:00-06:00";
    const pay = findHourlyPay(rockport, {
      category: "regular",
      rank: "officer",
      start: at(start),
      end: at("2026-12-24T02:00:00-06:00"),
      vehicles: 0,
      requestedAt: DAYS_BEFORE(10, start),
    });
    expect(pay).toEqual({ cents: 5650, holidayCents: 6780 });
  });
});
