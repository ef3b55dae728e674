import { describe, expect, it } from "vitest";
import type { DispatchSettings } from "../../../../core/agencies/index.ts";
import {
  checkEligibility,
  type Eligibility,
  type OfficerCandidate,
  type ShiftToFill,
  type TimeSpan,
} from "../../../../core/dispatch/index.ts";
import { at, DEFAULT_SETTINGS, hours, makeCandidate, makeShift } from "./make-candidate.ts";

const OK: Eligibility = { eligible: true };
const no = (reason: Extract<Eligibility, { eligible: false }>["reason"]): Eligibility => ({
  eligible: false,
  reason,
});

interface Row {
  name: string;
  candidate?: Partial<OfficerCandidate>;
  shift: TimeSpan;
  shiftOverrides?: Partial<ShiftToFill>;
  settings?: Partial<DispatchSettings>;
  expected: Eligibility;
}

function check(row: Row): Eligibility {
  return checkEligibility(makeCandidate(row.candidate), makeShift(row.shift, row.shiftOverrides), {
    ...DEFAULT_SETTINGS,
    ...row.settings,
  });
}

/** The same case reflected in time around T0: every rule is symmetric in time. */
function mirror(row: Row): Row {
  const flip = (s: TimeSpan): TimeSpan => ({ start: 2 * at(0) - s.end, end: 2 * at(0) - s.start });
  return {
    ...row,
    candidate: {
      ...row.candidate,
      offDutyShifts: (row.candidate?.offDutyShifts ?? []).map(flip),
      regularDuty: (row.candidate?.regularDuty ?? []).map(flip),
    },
    shift: flip(row.shift),
  };
}

function runTable(rows: Row[]) {
  it.each(rows)("$name", (row) => {
    expect(check(row)).toEqual(row.expected);
    expect(check(mirror(row))).toEqual(row.expected);
  });
}

describe("checkEligibility: roster facts", () => {
  runTable([
    { name: "empty roster: eligible", shift: hours(8, 16), expected: OK },
    { name: "inactive", candidate: { active: false }, shift: hours(8, 16), expected: no("inactive") },
    {
      name: "officer for a sergeant position",
      shift: hours(8, 16),
      shiftOverrides: { rank: "sergeant" },
      expected: no("rank"),
    },
    {
      name: "commander for a sergeant position",
      candidate: { rank: "commander" },
      shift: hours(8, 16),
      shiftOverrides: { rank: "sergeant" },
      expected: OK,
    },
    {
      name: "vehicle needed, none assigned",
      candidate: { hasVehicle: false },
      shift: hours(8, 16),
      shiftOverrides: { needsVehicle: true },
      expected: no("vehicle"),
    },
    {
      name: "vehicle needed and assigned",
      shift: hours(8, 16),
      shiftOverrides: { needsVehicle: true },
      expected: OK,
    },
    { name: "no vehicle, none needed", candidate: { hasVehicle: false }, shift: hours(8, 16), expected: OK },
    // Mesquite (seed 001): a car only if the officer lives in the city AND has an assigned car.
    {
      name: "resident rule: car but lives elsewhere",
      candidate: { livesInCity: false },
      shift: hours(8, 16),
      shiftOverrides: { needsVehicle: true, vehicleNeedsResident: true },
      expected: no("vehicle_resident"),
    },
    {
      name: "resident rule: lives in the city, no car",
      candidate: { hasVehicle: false, livesInCity: true },
      shift: hours(8, 16),
      shiftOverrides: { needsVehicle: true, vehicleNeedsResident: true },
      expected: no("vehicle"),
    },
    {
      name: "resident rule: lives in the city with a car",
      shift: hours(8, 16),
      shiftOverrides: { needsVehicle: true, vehicleNeedsResident: true },
      expected: OK,
    },
    {
      name: "resident rule does not touch positions without a car",
      candidate: { livesInCity: false },
      shift: hours(8, 16),
      shiftOverrides: { vehicleNeedsResident: true },
      expected: OK,
    },
    {
      name: "no resident rule: a car is enough",
      candidate: { livesInCity: false },
      shift: hours(8, 16),
      shiftOverrides: { needsVehicle: true },
      expected: OK,
    },
    // Tucson (seed 003): community service officers for traffic control, where allowed.
    {
      name: "community service officer, traffic control, allowed",
      candidate: { communityServiceOfficer: true },
      shift: hours(8, 16),
      shiftOverrides: { trafficControl: true },
      settings: { communityServiceOfficerForTrafficControl: true },
      expected: OK,
    },
    {
      name: "community service officer, traffic control, agency does not allow it",
      candidate: { communityServiceOfficer: true },
      shift: hours(8, 16),
      shiftOverrides: { trafficControl: true },
      expected: no("community_service_officer"),
    },
    {
      name: "community service officer, not traffic control",
      candidate: { communityServiceOfficer: true },
      shift: hours(8, 16),
      settings: { communityServiceOfficerForTrafficControl: true },
      expected: no("community_service_officer"),
    },
    {
      name: "sworn officer on traffic control",
      shift: hours(8, 16),
      shiftOverrides: { trafficControl: true },
      settings: { communityServiceOfficerForTrafficControl: true },
      expected: OK,
    },
  ]);
});

describe("checkEligibility: overlap (half-open spans)", () => {
  runTable([
    {
      name: "off-duty overlaps the start",
      candidate: { offDutyShifts: [hours(6, 9)] },
      shift: hours(8, 12),
      expected: no("overlap"),
    },
    {
      name: "off-duty inside the shift",
      candidate: { offDutyShifts: [hours(9, 10)] },
      shift: hours(8, 12),
      expected: no("overlap"),
    },
    {
      name: "off-duty around the shift",
      candidate: { offDutyShifts: [hours(7, 13)] },
      shift: hours(8, 12),
      expected: no("overlap"),
    },
    {
      name: "identical off-duty shift",
      candidate: { offDutyShifts: [hours(8, 12)] },
      shift: hours(8, 12),
      expected: no("overlap"),
    },
    {
      name: "off-duty overlapping by one minute",
      candidate: { offDutyShifts: [{ start: at(0), end: at(8, 1) }] },
      shift: hours(8, 12),
      expected: no("overlap"),
    },
    {
      name: "regular duty overlaps",
      candidate: { regularDuty: [hours(11, 19)] },
      shift: hours(8, 12),
      expected: no("overlap"),
    },
    // Touching is not overlap, but back-to-back off-duty shifts leave no rest.
    {
      name: "off-duty ending at the start: rest, not overlap",
      candidate: { offDutyShifts: [hours(4, 8)] },
      shift: hours(8, 12),
      expected: no("rest"),
    },
    {
      name: "regular duty ending at the start: allowed (rest is between off-duty shifts)",
      candidate: { regularDuty: [hours(0, 8)] },
      shift: hours(8, 12),
      expected: OK,
    },
    {
      name: "empty off-duty span inside the shift counts as nothing",
      candidate: { offDutyShifts: [hours(9, 9)] },
      shift: hours(8, 12),
      expected: OK,
    },
  ]);
});

describe("checkEligibility: rest between off-duty shifts (default 8 h)", () => {
  runTable([
    {
      name: "exactly 8 h after an off-duty shift",
      candidate: { offDutyShifts: [hours(0, 4)] },
      shift: hours(12, 16),
      expected: OK,
    },
    {
      name: "7 h 59 min after an off-duty shift",
      candidate: { offDutyShifts: [{ start: at(0), end: at(4, 1) }] },
      shift: hours(12, 16),
      expected: no("rest"),
    },
    {
      name: "exactly 8 h before an off-duty shift",
      candidate: { offDutyShifts: [hours(24, 28)] },
      shift: hours(12, 16),
      expected: OK,
    },
    {
      name: "7 h 59 min before an off-duty shift",
      candidate: { offDutyShifts: [{ start: at(23, 59), end: at(28) }] },
      shift: hours(12, 16),
      expected: no("rest"),
    },
    {
      name: "off-duty shift starting at the end",
      candidate: { offDutyShifts: [hours(16, 20)] },
      shift: hours(12, 16),
      expected: no("rest"),
    },
    {
      name: "back-to-back allowed when minRestHours is 0",
      candidate: { offDutyShifts: [hours(8, 12)] },
      shift: hours(12, 16),
      settings: { minRestHours: 0 },
      expected: OK,
    },
    {
      name: "fractional rest setting: 7.5 h gap meets 7.5 h",
      candidate: { offDutyShifts: [{ start: at(0), end: at(4, 30) }] },
      shift: hours(12, 16),
      settings: { minRestHours: 7.5 },
      expected: OK,
    },
    {
      name: "regular duty 1 h before does not need rest",
      candidate: { regularDuty: [hours(3, 7)] },
      shift: hours(8, 12),
      expected: OK,
    },
  ]);
});

describe("checkEligibility: 16 h of work in any rolling 24 h", () => {
  runTable([
    {
      name: "exactly 16 h: 8 h regular duty then 8 h",
      candidate: { regularDuty: [hours(0, 8)] },
      shift: hours(8, 16),
      expected: OK,
    },
    {
      name: "16 h 1 min: 8 h regular duty then 8 h 1 min",
      candidate: { regularDuty: [hours(0, 8)] },
      shift: { start: at(8), end: at(16, 1) },
      expected: no("cap_24h"),
    },
    { name: "exactly 16 h as one shift", shift: hours(0, 16), expected: OK },
    { name: "16 h 1 min as one shift", shift: { start: at(0), end: at(16, 1) }, expected: no("cap_24h") },
    {
      name: "work on both sides of the shift: 4 + 6 + 6 h",
      candidate: { regularDuty: [hours(0, 4), hours(10, 16)] },
      shift: hours(4, 10),
      expected: OK,
    },
    {
      name: "work on both sides of the shift: 4 + 6 + 6 h 1 min",
      candidate: { regularDuty: [hours(0, 4), { start: at(10), end: at(16, 1) }] },
      shift: hours(4, 10),
      expected: no("cap_24h"),
    },
    // The sliding window sees 7 h 59 min + 8 h 1 min at most: 16 h 1 min spread over 24 h 1 min is fine.
    {
      name: "16 h 1 min spread over 24 h 1 min",
      candidate: { regularDuty: [hours(0, 8)] },
      shift: { start: at(16), end: at(24, 1) },
      expected: OK,
    },
    {
      name: "16 h 1 min inside 24 h",
      candidate: { regularDuty: [hours(0, 8)] },
      shift: { start: at(15, 59), end: at(24) },
      expected: no("cap_24h"),
    },
    {
      name: "off-duty hours count too",
      candidate: { offDutyShifts: [hours(0, 8)] },
      shift: hours(16, 24),
      settings: { maxHoursPer24h: 15 },
      expected: no("cap_24h"),
    },
    {
      name: "work only in windows that miss the shift does not count",
      candidate: { regularDuty: [hours(0, 20)] },
      shift: hours(44, 48),
      expected: OK,
    },
    {
      name: "duplicate roster records count once",
      candidate: { regularDuty: [hours(0, 8), hours(2, 8), hours(0, 4)] },
      shift: hours(8, 16),
      expected: OK,
    },
    {
      name: "regular duty overlapping off-duty counts once",
      candidate: { regularDuty: [hours(0, 8)], offDutyShifts: [hours(0, 8)] },
      shift: hours(16, 24),
      expected: OK,
    },
  ]);
});

/** Six 10 h off-duty shifts starting at hour 0, 24, …, 120: 60 h with 14 h rest in between. */
const SIX_DAYS = [0, 1, 2, 3, 4, 5].map((d) => hours(24 * d, 24 * d + 10));

describe("checkEligibility: 64 off-duty hours in any rolling 7 days", () => {
  runTable([
    {
      name: "exactly 64 h: 60 h + 4 h",
      candidate: { offDutyShifts: SIX_DAYS },
      shift: hours(144, 148),
      expected: OK,
    },
    {
      name: "64 h 1 min inside 7 d",
      candidate: { offDutyShifts: SIX_DAYS },
      shift: { start: at(143, 59), end: at(148) },
      expected: no("cap_7d"),
    },
    {
      name: "64 h 1 min spread over 7 d 1 min",
      candidate: { offDutyShifts: SIX_DAYS },
      shift: { start: at(164), end: at(168, 1) },
      expected: OK,
    },
    {
      name: "64 h 1 min inside the window that starts 1 min in",
      candidate: { offDutyShifts: SIX_DAYS },
      shift: { start: at(163, 59), end: at(168, 1) },
      expected: no("cap_7d"),
    },
    {
      name: "regular duty does not count toward the 7 d cap",
      candidate: { offDutyShifts: SIX_DAYS, regularDuty: [hours(150, 160), hours(30, 40)] },
      shift: hours(144, 148),
      expected: OK,
    },
    {
      name: "a week later the old hours have rolled off",
      candidate: { offDutyShifts: SIX_DAYS },
      shift: hours(178, 188),
      expected: OK,
    },
    {
      name: "configured cap of 40 h",
      candidate: { offDutyShifts: SIX_DAYS.slice(0, 4) },
      shift: hours(96, 97),
      settings: { maxHoursPer7d: 40 },
      expected: no("cap_7d"),
    },
  ]);
});

describe("checkEligibility: the first failing rule is reported", () => {
  runTable([
    {
      name: "inactive before rank",
      candidate: { active: false },
      shift: hours(8, 12),
      shiftOverrides: { rank: "commander" },
      expected: no("inactive"),
    },
    {
      name: "rank before vehicle",
      candidate: { hasVehicle: false },
      shift: hours(8, 12),
      shiftOverrides: { rank: "sergeant", needsVehicle: true },
      expected: no("rank"),
    },
    {
      name: "vehicle before overlap",
      candidate: { hasVehicle: false, offDutyShifts: [hours(8, 12)] },
      shift: hours(8, 12),
      shiftOverrides: { needsVehicle: true },
      expected: no("vehicle"),
    },
    {
      name: "overlap before rest",
      candidate: { offDutyShifts: [hours(4, 8), hours(10, 11)] },
      shift: hours(8, 12),
      expected: no("overlap"),
    },
    {
      name: "rest before cap_24h",
      candidate: { offDutyShifts: [hours(0, 8)] },
      shift: hours(8, 17),
      expected: no("rest"),
    },
    {
      name: "cap_24h before cap_7d",
      candidate: { offDutyShifts: SIX_DAYS },
      shift: hours(144, 161),
      expected: no("cap_24h"),
    },
  ]);
});

describe("checkEligibility: broken invariants throw", () => {
  it.each([
    { name: "empty shift", candidate: makeCandidate(), shift: makeShift(hours(8, 8)) },
    { name: "shift ending before it starts", candidate: makeCandidate(), shift: makeShift(hours(8, 7)) },
    { name: "NaN shift", candidate: makeCandidate(), shift: makeShift({ start: Number.NaN, end: at(8) }) },
    {
      name: "reversed off-duty span",
      candidate: makeCandidate({ offDutyShifts: [hours(3, 1)] }),
      shift: makeShift(hours(8, 12)),
    },
    {
      name: "infinite regular duty",
      candidate: makeCandidate({ regularDuty: [{ start: at(0), end: Number.POSITIVE_INFINITY }] }),
      shift: makeShift(hours(8, 12)),
    },
  ])("$name", ({ candidate, shift }) => {
    expect(() => checkEligibility(candidate, shift, DEFAULT_SETTINGS)).toThrow(RangeError);
  });
});
