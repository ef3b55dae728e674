import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DispatchSettings, RANKS } from "../../../../core/agencies/index.ts";
import {
  checkEligibility,
  countOffDutyMinutes,
  type Eligibility,
  FAIRNESS_WINDOW_MS,
  type OfficerCandidate,
  orderCandidates,
  planWaves,
  type ShiftToFill,
  type TimeSpan,
} from "../../../../core/dispatch/index.ts";
import { DEFAULT_SETTINGS, T0 } from "./make-candidate.ts";

/** Quarter-hour slots: every endpoint and setting sits on this grid, so a slot-by-slot oracle is exact. */
const SLOT_MS = 15 * 60_000;
const SLOTS_PER_HOUR = 4;
const SLOTS_PER_DAY = 96;
const SLOTS_PER_WEEK = 7 * SLOTS_PER_DAY;

const spanArbitrary = (fromSlot: number, toSlot: number, maxSlots: number) =>
  fc
    .record({
      startSlot: fc.integer({ min: fromSlot, max: toSlot }),
      slots: fc.integer({ min: 1, max: maxSlots }),
    })
    .map(
      ({ startSlot, slots }): TimeSpan => ({
        start: T0 + startSlot * SLOT_MS,
        end: T0 + (startSlot + slots) * SLOT_MS,
      }),
    );

const rosterSpan = spanArbitrary(0, 10 * SLOTS_PER_DAY, 20 * SLOTS_PER_HOUR);

const candidateArbitrary = fc.record({
  id: fc.string({ minLength: 1, maxLength: 4 }),
  rank: fc.constantFrom(...RANKS),
  active: fc.oneof({ arbitrary: fc.constant(true), weight: 9 }, { arbitrary: fc.constant(false), weight: 1 }),
  seniorityDate: fc
    .date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2026, 0, 1)), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  hasVehicle: fc.boolean(),
  livesInCity: fc.boolean(),
  communityServiceOfficer: fc.oneof({ arbitrary: fc.constant(false), weight: 4 }, { arbitrary: fc.constant(true), weight: 1 }),
  offDutyShifts: fc.array(rosterSpan, { maxLength: 10 }),
  regularDuty: fc.array(rosterSpan, { maxLength: 6 }),
}) satisfies fc.Arbitrary<OfficerCandidate>;

const shiftArbitrary = fc
  .record({
    span: spanArbitrary(3 * SLOTS_PER_DAY, 8 * SLOTS_PER_DAY, 18 * SLOTS_PER_HOUR),
    rank: fc.constantFrom(...RANKS),
    needsVehicle: fc.boolean(),
    vehicleNeedsResident: fc.boolean(),
    trafficControl: fc.boolean(),
  })
  .map(({ span, ...rest }): ShiftToFill => ({ ...span, ...rest }));

const quarterHours = (min: number, max: number) =>
  fc.integer({ min: min * SLOTS_PER_HOUR, max: max * SLOTS_PER_HOUR }).map((q) => q / SLOTS_PER_HOUR);

const settingsArbitrary = fc.record({
  maxHoursPer24h: quarterHours(0.25, 24),
  maxHoursPer7d: quarterHours(0.25, 168),
  minRestHours: quarterHours(0, 12),
  waveSize: fc.integer({ min: 1, max: 30 }),
  waveIntervalMinutes: fc.integer({ min: 1, max: 1440 }),
  communityServiceOfficerForTrafficControl: fc.boolean(),
  checkInOpensMinutesBefore: fc.constant(60),
  checkOutGraceMinutes: fc.constant(30),
  offerExpiryMinutes: fc.constant(120),
  callOffDeadlineHours: fc.constant(12),
}) satisfies fc.Arbitrary<DispatchSettings>;

/** A straightforward slot-by-slot restatement of policy.md, independent of the implementation. */
function oracle(candidate: OfficerCandidate, shift: ShiftToFill, settings: DispatchSettings): Eligibility {
  const PAD = 2 * SLOTS_PER_WEEK;
  const slotOf = (ms: number) => (ms - T0) / SLOT_MS + PAD;
  const size = 10 * SLOTS_PER_DAY + 20 * SLOTS_PER_HOUR + 2 * PAD;
  const fill = (spans: TimeSpan[]) => {
    const marks = new Array<boolean>(size).fill(false);
    for (const s of spans) for (let i = slotOf(s.start); i < slotOf(s.end); i++) marks[i] = true;
    return marks;
  };
  const countIn = (marks: boolean[], from: number, to: number) =>
    marks.slice(from, to).filter(Boolean).length;
  const worst = (marks: boolean[], window: number) => {
    let most = 0;
    for (let w = slotOf(shift.start) - window; w <= slotOf(shift.end); w++) {
      most = Math.max(most, countIn(marks, w, w + window));
    }
    return most;
  };
  const refuse = (reason: Extract<Eligibility, { eligible: false }>["reason"]): Eligibility => ({
    eligible: false,
    reason,
  });
  const [s, e] = [slotOf(shift.start), slotOf(shift.end)];
  const offDuty = fill(candidate.offDutyShifts);
  const work = fill([...candidate.offDutyShifts, ...candidate.regularDuty, shift]);
  const rest = settings.minRestHours * SLOTS_PER_HOUR;

  if (!candidate.active) return refuse("inactive");
  if (RANKS.indexOf(candidate.rank) < RANKS.indexOf(shift.rank)) return refuse("rank");
  const csoAllowed = shift.trafficControl === true && settings.communityServiceOfficerForTrafficControl;
  if (candidate.communityServiceOfficer && !csoAllowed) return refuse("community_service_officer");
  if (shift.needsVehicle && !candidate.hasVehicle) return refuse("vehicle");
  if (shift.needsVehicle && shift.vehicleNeedsResident && !candidate.livesInCity) return refuse("vehicle_resident");
  if (countIn(fill([...candidate.offDutyShifts, ...candidate.regularDuty]), s, e) > 0)
    return refuse("overlap");
  if (countIn(offDuty, s - rest, e + rest) > 0) return refuse("rest");
  if (worst(work, SLOTS_PER_DAY) > settings.maxHoursPer24h * SLOTS_PER_HOUR) return refuse("cap_24h");
  if (
    worst(fill([...candidate.offDutyShifts, shift]), SLOTS_PER_WEEK) >
    settings.maxHoursPer7d * SLOTS_PER_HOUR
  ) {
    return refuse("cap_7d");
  }
  return { eligible: true };
}

describe("checkEligibility properties", () => {
  it("matches a slot-by-slot oracle of the policy", () => {
    fc.assert(
      fc.property(candidateArbitrary, shiftArbitrary, settingsArbitrary, (candidate, shift, settings) => {
        expect(checkEligibility(candidate, shift, settings)).toEqual(oracle(candidate, shift, settings));
      }),
      { numRuns: 400 },
    );
  });

  it("matches the oracle on busy rosters that reach the fatigue caps", () => {
    const busyCandidate = candidateArbitrary.map((c) => ({
      ...c,
      active: true,
      rank: "commander" as const,
      hasVehicle: true,
      livesInCity: true,
      communityServiceOfficer: false,
    }));
    // Short rest and some slack on the caps, so more cases get past the rest rule to the caps.
    const relaxed = fc
      .tuple(settingsArbitrary, quarterHours(0, 3))
      .map(([settings, minRestHours]) => ({ ...settings, minRestHours }));
    fc.assert(
      fc.property(busyCandidate, shiftArbitrary, relaxed, (candidate, shift, settings) => {
        expect(checkEligibility(candidate, shift, settings)).toEqual(oracle(candidate, shift, settings));
      }),
      { numRuns: 400 },
    );
  });

  it("adding shifts never makes an ineligible officer eligible", () => {
    fc.assert(
      fc.property(
        candidateArbitrary,
        shiftArbitrary,
        settingsArbitrary,
        fc.array(rosterSpan, { minLength: 1, maxLength: 4 }),
        fc.array(rosterSpan, { maxLength: 4 }),
        (candidate, shift, settings, moreOffDuty, moreRegular) => {
          fc.pre(!checkEligibility(candidate, shift, settings).eligible);
          const busier = {
            ...candidate,
            offDutyShifts: [...candidate.offDutyShifts, ...moreOffDuty],
            regularDuty: [...candidate.regularDuty, ...moreRegular],
          };
          expect(checkEligibility(busier, shift, settings).eligible).toBe(false);
        },
      ),
    );
  });

  it("removing shifts never makes an eligible officer ineligible", () => {
    fc.assert(
      fc.property(
        candidateArbitrary,
        shiftArbitrary,
        settingsArbitrary,
        fc.nat(),
        (candidate, shift, settings, seed) => {
          fc.pre(checkEligibility(candidate, shift, settings).eligible);
          const lighter = {
            ...candidate,
            offDutyShifts: candidate.offDutyShifts.filter((_, i) => (seed >> i) & 1),
            regularDuty: candidate.regularDuty.filter((_, i) => (seed >> (i + 10)) & 1),
          };
          expect(checkEligibility(lighter, shift, settings).eligible).toBe(true);
        },
      ),
    );
  });

  it("is symmetric in time (the rules look both ways)", () => {
    const flip = (s: TimeSpan): TimeSpan => ({ start: 2 * T0 - s.end, end: 2 * T0 - s.start });
    fc.assert(
      fc.property(candidateArbitrary, shiftArbitrary, settingsArbitrary, (candidate, shift, settings) => {
        const mirrored = {
          ...candidate,
          offDutyShifts: candidate.offDutyShifts.map(flip),
          regularDuty: candidate.regularDuty.map(flip),
        };
        expect(checkEligibility(mirrored, { ...shift, ...flip(shift) }, settings)).toEqual(
          checkEligibility(candidate, shift, settings),
        );
      }),
    );
  });
});

describe("orderCandidates properties", () => {
  const now = T0 + 9 * 24 * 3_600_000;
  const uniqueCandidates = fc.uniqueArray(candidateArbitrary, { selector: (c) => c.id, maxLength: 25 });

  it("is a permutation of its input, sorted by (minutes, seniority, id)", () => {
    fc.assert(
      fc.property(fc.array(candidateArbitrary, { maxLength: 25 }), (candidates) => {
        const ordered = orderCandidates(candidates, now);
        expect(ordered).toHaveLength(candidates.length);
        expect(new Set(ordered)).toEqual(new Set(candidates));
        for (const c of new Set(candidates)) {
          expect(ordered.filter((o) => o === c)).toHaveLength(candidates.filter((o) => o === c).length);
        }
        const minutes = (c: OfficerCandidate) => countOffDutyMinutes(c, now - FAIRNESS_WINDOW_MS, now);
        for (let i = 1; i < ordered.length; i++) {
          const [a, b] = [ordered[i - 1]!, ordered[i]!];
          const key = (c: OfficerCandidate) => [minutes(c), c.seniorityDate, c.id] as const;
          const [ka, kb] = [key(a), key(b)];
          const inOrder =
            ka[0] < kb[0] || (ka[0] === kb[0] && (ka[1] < kb[1] || (ka[1] === kb[1] && ka[2] <= kb[2])));
          expect(inOrder).toBe(true);
        }
      }),
    );
  });

  it("gives the same order whatever the input order (unique ids)", () => {
    fc.assert(
      fc.property(uniqueCandidates, fc.func(fc.integer()), (candidates, rank) => {
        const shuffled = [...candidates].sort((a, b) => rank(a.id) - rank(b.id));
        expect(orderCandidates(shuffled, now)).toEqual(orderCandidates(candidates, now));
      }),
    );
  });
});

describe("planWaves properties", () => {
  it("covers every member once, in order, in full waves but the last, at i × interval", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 200 }), settingsArbitrary, (ordered, settings) => {
        const waves = planWaves(ordered, settings);
        expect(waves.flatMap((w) => w.members)).toEqual(ordered);
        expect(waves).toHaveLength(Math.ceil(ordered.length / settings.waveSize));
        waves.forEach((w, i) => {
          expect(w.wave).toBe(i);
          expect(w.delayMs).toBe(i * settings.waveIntervalMinutes * 60_000);
          if (i < waves.length - 1) expect(w.members).toHaveLength(settings.waveSize);
          expect(w.members.length).toBeGreaterThan(0);
        });
      }),
    );
  });

  it("keeps the defaults of policy.md: 10 per wave, 15 minutes apart", () => {
    const waves = planWaves(
      Array.from({ length: 21 }, (_, i) => i),
      DEFAULT_SETTINGS,
    );
    expect(waves.map((w) => [w.wave, w.delayMs / 60_000, w.members.length])).toEqual([
      [0, 0, 10],
      [1, 15, 10],
      [2, 30, 1],
    ]);
  });
});
