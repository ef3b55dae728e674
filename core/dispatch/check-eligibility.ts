import type { DispatchSettings } from "../agencies/index.ts";
import { MS_PER_HOUR } from "../time/index.ts";
import { computeHeaviestWindowMs } from "./heaviest-window.ts";
import { meetsRank } from "./meets-rank.ts";
import type { OfficerCandidate, ShiftToFill } from "./officer-candidate.ts";
import { assertValidSpan, spansOverlap, type TimeSpan } from "./time-span.ts";

/** Why an officer may not be offered a shift (see `checkEligibility` for the order they are checked in). */
export type IneligibleReason =
  | "inactive"
  | "rank"
  | "community_service_officer"
  | "vehicle"
  | "vehicle_resident"
  | "overlap"
  | "rest"
  | "cap_24h"
  | "cap_7d";

export type Eligibility = { eligible: true } | { eligible: false; reason: IneligibleReason };

const DAY_MS = 24 * MS_PER_HOUR;
const WEEK_MS = 7 * DAY_MS;

/**
 * Whether `candidate` may be offered, or may accept, `shift` (policy.md, "Dispatch rules"): the
 * broadcast waves and the accept transaction ask this same question, so an offer never promises
 * what a YES would refuse. Checks run in the order inactive, rank, community_service_officer,
 * vehicle, vehicle_resident, overlap, rest, cap_24h, cap_7d and the first failure is returned, so
 * the cheap roster facts explain a refusal before the fatigue arithmetic does.
 *
 * - community_service_officer: a community service officer outside a traffic-control position, or
 *   where the agency does not let them fill one (`communityServiceOfficerForTrafficControl`).
 * - vehicle: a vehicle position and no assigned car.
 * - vehicle_resident: a vehicle position where the agency lets only city residents bring a car
 *   (`shift.vehicleNeedsResident`), and the officer lives elsewhere.
 * - overlap: the shift shares time with an off-duty shift or regular duty (touching is fine).
 * - rest: an off-duty shift ends less than `minRestHours` before the start, or starts less than
 *   `minRestHours` after the end (exactly `minRestHours` is allowed).
 * - cap_24h: more than `maxHoursPer24h` hours of work (off-duty + regular duty + this shift) in a
 *   rolling 24 h window containing part of the shift (exactly the cap is allowed).
 * - cap_7d: more than `maxHoursPer7d` off-duty hours (with this shift) in a rolling 7 d window
 *   containing part of the shift.
 *
 * Throws a RangeError on a shift with end ≤ start or any malformed span: broken invariants.
 */
export function checkEligibility(
  candidate: OfficerCandidate,
  shift: ShiftToFill,
  settings: DispatchSettings,
): Eligibility {
  const span: TimeSpan = { start: shift.start, end: shift.end };
  assertValidSpan(span, "shift");
  if (span.end === span.start) throw new RangeError("shift: must end after it starts");
  for (const s of candidate.offDutyShifts) assertValidSpan(s, `officer ${candidate.id} off-duty shift`);
  for (const s of candidate.regularDuty) assertValidSpan(s, `officer ${candidate.id} regular duty`);

  if (!candidate.active) return refuse("inactive");
  if (!meetsRank(candidate.rank, shift.rank)) return refuse("rank");
  if (candidate.communityServiceOfficer && !(shift.trafficControl && settings.communityServiceOfficerForTrafficControl)) {
    return refuse("community_service_officer");
  }
  if (shift.needsVehicle && !candidate.hasVehicle) return refuse("vehicle");
  if (shift.needsVehicle && shift.vehicleNeedsResident && !candidate.livesInCity) return refuse("vehicle_resident");
  const busy = [...candidate.offDutyShifts, ...candidate.regularDuty];
  if (busy.some((s) => spansOverlap(s, span))) return refuse("overlap");
  if (violatesRest(candidate.offDutyShifts, span, settings.minRestHours * MS_PER_HOUR)) return refuse("rest");
  const heaviestDayMs = computeHeaviestWindowMs(busy, span, DAY_MS);
  if (heaviestDayMs > settings.maxHoursPer24h * MS_PER_HOUR) return refuse("cap_24h");
  const heaviestWeekMs = computeHeaviestWindowMs(candidate.offDutyShifts, span, WEEK_MS);
  if (heaviestWeekMs > settings.maxHoursPer7d * MS_PER_HOUR) return refuse("cap_7d");
  return { eligible: true };
}

function refuse(reason: IneligibleReason): Eligibility {
  return { eligible: false, reason };
}

/**
 * Rest is measured between off-duty shifts only, in both directions. Runs after the overlap check,
 * so every non-empty off-duty shift lies wholly before or wholly after `span`.
 */
function violatesRest(offDuty: readonly TimeSpan[], span: TimeSpan, minRestMs: number): boolean {
  return offDuty.some((s) => {
    if (s.start === s.end) return false;
    if (s.end <= span.start) return span.start - s.end < minRestMs;
    return s.start - span.end < minRestMs;
  });
}
