import type { AgencyConfig } from "../agencies/index.ts";
import type { Question } from "./intake-state.ts";
import { SCREENING_FLAGS, type Slots } from "./slots.ts";

/** The first required (or optional, not yet asked) slot still missing, in the order a dispatcher asks. */
export function findNextQuestion(slots: Slots, agency: AgencyConfig): Question | null {
  if (!slots.date) return "date";
  if (!slots.startTime) return "start";
  if (!slots.endTime && slots.durationMinutes === null) return "end";
  if (!slots.address) return "address";
  if (slots.officers === null) return "officers";
  if (!slots.eventType) return "eventType";
  if (slots.vehicles === null) return "vehicles";
  if (slots.vehicles > 0 && agency.vehicle.mileageCentsPerMile !== null && slots.vehicleMiles === null) {
    return "vehicleMiles";
  }
  const asked = new Set(agency.prohibitedWork.map((rule) => rule.flag));
  for (const flag of SCREENING_FLAGS) {
    if (asked.has(flag) && slots.flags[flag] === null) return flag;
  }
  if (!slots.customerName) return "customerName";
  if (slots.organization === null) return "organization";
  if (slots.postOrders === null) return "postOrders";
  return null;
}
