import type { DispatchSettings } from "../../../../core/agencies/index.ts";
import type { OfficerCandidate, ShiftToFill, TimeSpan } from "../../../../core/dispatch/index.ts";

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
/** Hour 0 of the test timelines: 2026-03-10T00:00Z. */
export const T0 = Date.UTC(2026, 2, 10);

/** Instant `hours` after T0 (fractions allowed; `at(8, 1)` is 8 h 1 min). */
export function at(hours: number, minutes = 0): number {
  return T0 + hours * HOUR_MS + minutes * MINUTE_MS;
}

/** Span from hour `a` to hour `b` after T0 (fractional hours allowed). */
export function hours(a: number, b: number): TimeSpan {
  return { start: at(a), end: at(b) };
}

/** policy.md example defaults (the schema's defaults). */
export const DEFAULT_SETTINGS: DispatchSettings = {
  maxHoursPer24h: 16,
  maxHoursPer7d: 64,
  minRestHours: 8,
  waveSize: 10,
  waveIntervalMinutes: 15,
  checkInOpensMinutesBefore: 60,
  checkOutGraceMinutes: 30,
  offerExpiryMinutes: 120,
  callOffDeadlineHours: 12,
  communityServiceOfficerForTrafficControl: false,
};

/** An active sworn officer living in the city, with a vehicle and an empty roster, unless overridden. */
export function makeCandidate(overrides: Partial<OfficerCandidate> = {}): OfficerCandidate {
  return {
    id: "o-1",
    rank: "officer",
    active: true,
    seniorityDate: "2015-06-01",
    hasVehicle: true,
    livesInCity: true,
    communityServiceOfficer: false,
    offDutyShifts: [],
    regularDuty: [],
    ...overrides,
  };
}

/** An officer-rank shift without a vehicle over `span`. */
export function makeShift(span: TimeSpan, overrides: Partial<ShiftToFill> = {}): ShiftToFill {
  return { start: span.start, end: span.end, rank: "officer", needsVehicle: false, ...overrides };
}
