import type { AgencyConfig, Rank } from "../agencies/index.ts";
import type { ShiftToFill } from "./officer-candidate.ts";

/**
 * Words that make a job traffic control (the request's `eventType`, an English description such as
 * "road construction traffic control"; core/understanding writes it). Point control and flagging
 * are traffic control in the seeds' sense too.
 */
const TRAFFIC_CONTROL = /\btraffic\b|\bflagging\b|\bpoint control\b/i;

/** Whether a job described as `eventType` is traffic control; no description is not. */
export function isTrafficControl(eventType: string | null | undefined): boolean {
  return eventType != null && TRAFFIC_CONTROL.test(eventType);
}

/**
 * Whether the agency lets only officers living in the city bring a police car. Mesquite's file
 * says so with its `vehicle_outside_city` rule (seed 001: a car only if the officer "resides in
 * the city and has an individually assigned car"); the rule's city is the agency's own.
 */
export function vehicleNeedsResident(agency: Pick<AgencyConfig, "vehicleRules">): boolean {
  return agency.vehicleRules.some((rule) => rule.code === "vehicle_outside_city");
}

/**
 * One position of a request as dispatch sees it. The first `vehicles` positions (1-based
 * `positionIndex`) each bring a car, as the wave has always offered them. Times are epoch ms.
 */
export function describeShiftToFill(
  request: { start: number; end: number; vehicles: number; eventType: string | null },
  position: { index: number; rank: Rank },
  agency: Pick<AgencyConfig, "vehicleRules">,
): ShiftToFill {
  return {
    start: request.start,
    end: request.end,
    rank: position.rank,
    needsVehicle: position.index <= request.vehicles,
    vehicleNeedsResident: vehicleNeedsResident(agency),
    trafficControl: isTrafficControl(request.eventType),
  };
}
