import { describe, expect, it } from "vitest";
import { getAgency } from "../../../../agencies/load-agencies.ts";
import {
  buildFatigueCompliance,
  buildReliability,
  computeGini,
  describeDistribution,
  type ReportFacts,
  shareByWeight,
  type ShiftFact,
} from "../../../../core/reports/index.ts";

const H = 3_600_000;
const T0 = Date.UTC(2026, 11, 1, 6);

function facts(shifts: ShiftFact[], overrides: ReportFacts["overrides"] = []): ReportFacts {
  return {
    agency: { id: "a", name: "A", timeZone: "America/Chicago", // Mesquite's caps: 16 h in 24 h, 64 h in 7 days, 8 h rest.
      dispatch: { ...(getAgency("mesquite-tx-pd")?.dispatch as ReportFacts["agency"]["dispatch"]), maxHoursPer24h: 16, maxHoursPer7d: 64, minRestHours: 8 } },
    period: { startMs: T0, endMs: T0 + 31 * 24 * H, label: "2026-12" },
    officers: [
      { id: "o1", firstName: "Ava", lastName: "Alvarez", badgeNumber: "B1", rank: "officer", active: true, regularDuty: [{ start: T0 + 24 * H, end: T0 + 34 * H }] },
      { id: "o2", firstName: "Ben", lastName: "Brooks", badgeNumber: "B2", rank: "officer", active: true, regularDuty: [] },
    ],
    customers: [],
    requests: [],
    shifts,
    offers: [],
    invoiceItems: [],
    overrides,
  };
}

function shift(id: string, officerId: string, startH: number, hours: number, over: Partial<ShiftFact> = {}): ShiftFact {
  const start = T0 + startH * H;
  return { id, officerId, requestId: `r-${id}`, positionId: `p-${id}`, status: "checked_out", start, end: start + hours * H, checkedInAt: start, checkedOutAt: start + hours * H, createdAt: start - 48 * H, ...over };
}

describe("shareByWeight", () => {
  it.each([
    [100, [1, 1, 1], [34, 33, 33]],
    [1000, [240, 120], [667, 333]],
    [5, [0, 0], [5, 0]],
    [0, [3, 4], [0, 0]],
  ])("splits %i by %j into %j, always summing to the total", (total, weights, expected) => {
    expect(shareByWeight(total, weights)).toEqual(expected);
    expect(shareByWeight(total, weights).reduce((a, b) => a + b, 0)).toBe(total);
  });
});

describe("distribution of hours", () => {
  it("Gini is 0 when everyone worked the same and (n−1)/n when one officer worked everything", () => {
    expect(computeGini([5, 5, 5, 5])).toBe(0);
    expect(computeGini([0, 0, 0, 12])).toBeCloseTo(0.75);
    expect(computeGini([0, 0])).toBe(0);
  });
  it("gives min, median (mean of the middle two) and max", () => {
    expect(describeDistribution([600, 0, 120, 240])).toMatchObject({ officers: 4, minMinutes: 0, medianMinutes: 180, maxMinutes: 600 });
  });
});

describe("fatigue compliance", () => {
  it("flags the 24 h cap counting regular duty, the rest rule between off-duty shifts, and lists overrides with reasons", () => {
    const rows = buildFatigueCompliance(
      facts(
        [
          // Regular duty 24–34 h, then 7 h off-duty from 34 h: 17 h of work in 24 h.
          shift("s1", "o1", 34, 7),
          // Two off-duty shifts 4 h apart: rest broken for both.
          shift("s2", "o2", 100, 4),
          shift("s3", "o2", 108, 4),
          // Exactly 8 h rest after s3 is allowed, and it is a supervisor's override.
          shift("s4", "o2", 120, 4),
        ],
        [{ assignmentId: "s4", officerId: "o2", requestId: "r-s4", by: "U1", at: T0, reason: "Only one who knows the site", ineligible: "rest" }],
      ),
    );
    expect(rows.map((r) => [r.assignmentId, r.exceeded])).toEqual([
      ["s1", ["cap_24h"]],
      ["s2", ["rest"]],
      ["s3", ["rest"]],
      ["s4", []],
    ]);
    expect(rows[0]?.heaviest24hMinutes).toBe(17 * 60);
    expect(rows[3]?.override?.reason).toBe("Only one who knows the site");
  });
});

describe("reliability", () => {
  it("counts a refill taken after the start against the officer who left the position", () => {
    const dropped = shift("d", "o1", 50, 4, { status: "dropped", checkedInAt: null, checkedOutAt: null, positionId: "p" });
    const refill = shift("r", "o2", 50, 4, { positionId: "p", createdAt: T0 + 50.5 * H });
    const rows = buildReliability(facts([dropped, refill]));
    expect(rows.find((r) => r.officerId === "o1")).toMatchObject({ drops: 1, lateRefills: 1, refillsTaken: 0 });
    expect(rows.find((r) => r.officerId === "o2")).toMatchObject({ drops: 0, lateRefills: 0, refillsTaken: 1 });
  });
});
