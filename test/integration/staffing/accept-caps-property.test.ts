import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import { createStaffingFixture, HOUR_MS } from "./staffing-fixture.ts";

const TUCSON = "tucson-az-pd";
/** Tucson's caps (policy.md example defaults). */
const MIN_REST_MS = 8 * HOUR_MS;
const DAY_MS = 24 * HOUR_MS;
const WEEK_MS = 7 * DAY_MS;
const BASE = Date.UTC(2028, 0, 3);
const QUARTER_MS = 15 * 60_000;

/** A shift: start in quarter hours after BASE (within 9 days), 1 to 14 hours long. */
const shiftArbitrary = fc.record({
  startQuarter: fc.integer({ min: 0, max: 9 * 96 }),
  hours: fc.integer({ min: 1, max: 14 }),
});

/** A step: one YES, or two YES of the same officer at the same moment. */
const stepArbitrary = fc.oneof(
  fc.record({ kind: fc.constant("one" as const), a: fc.nat() }),
  fc.record({ kind: fc.constant("pair" as const), a: fc.nat(), b: fc.nat() }),
);

type Span = { start: number; end: number };

/** Most time of `spans` in any window of `windowMs`, by brute force over the windows that can be worst. */
function heaviest(spans: Span[], windowMs: number): number {
  const starts = spans.flatMap((s) => [s.start, s.end - windowMs]);
  let most = 0;
  for (const w of starts) {
    const covered = spans.reduce((sum, s) => sum + Math.max(0, Math.min(s.end, w + windowMs) - Math.max(s.start, w)), 0);
    most = Math.max(most, covered);
  }
  return most;
}

/** What policy.md demands of one officer's shifts, restated plainly. */
function brokenRules(spans: Span[]): string[] {
  const broken: string[] = [];
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) {
    const gap = sorted[i]!.start - sorted[i - 1]!.end;
    if (gap < 0) broken.push("overlap");
    else if (gap < MIN_REST_MS) broken.push("rest");
  }
  if (heaviest(sorted, DAY_MS) > 16 * HOUR_MS) broken.push("24h");
  if (heaviest(sorted, WEEK_MS) > 64 * HOUR_MS) broken.push("7d");
  return broken;
}

describe("accepts never break an officer's fatigue rules", () => {
  let test: TestApp;
  let fixture: ReturnType<typeof createStaffingFixture>;

  beforeAll(async () => {
    test = await startTestApp("accept-caps");
    fixture = createStaffingFixture(test.app.prisma);
  });
  afterAll(async () => {
    await test.close();
  });

  it("over random sequences and concurrent pairs of YES", async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(shiftArbitrary, { minLength: 2, maxLength: 8 }),
        fc.array(stepArbitrary, { minLength: 1, maxLength: 8 }),
        async (shifts, steps) => {
          const officer = await fixture.makeOfficer(TUCSON);
          const codes: string[] = [];
          for (const shift of shifts) {
            const start = new Date(BASE + shift.startQuarter * QUARTER_MS);
            const { code } = await fixture.makeOfferedRequest({ agencyId: TUCSON, start, hours: shift.hours, offerTo: [officer] });
            codes.push(code);
          }
          const at = new Date(BASE - DAY_MS);
          const yes = (i: number) => fixture.shifts.acceptOffer(officer.id, codes[i % codes.length]!, at);
          for (const step of steps) {
            const outcomes = step.kind === "one" ? [await yes(step.a)] : await Promise.all([yes(step.a), yes(step.b)]);
            accepted += outcomes.filter((o) => o.kind === "accepted").length;
          }
          const live = await test.app.prisma.assignment.findMany({
            where: { officerId: officer.id, status: { in: ["assigned", "checked_in", "checked_out"] } },
          });
          expect(brokenRules(live.map((a) => ({ start: a.start.getTime(), end: a.end.getTime() })))).toEqual([]);
        },
      ),
      { numRuns: 25 },
    );
    // The property is about something: many YES were honoured along the way.
    expect(accepted).toBeGreaterThan(25);
  });
});
