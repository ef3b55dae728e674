import type { AgencyConfig } from "../agencies/index.ts";
import type { Question } from "./intake-state.ts";
import type { ScreeningFlag, Slots } from "./slots.ts";

/**
 * Screening items a job description already answers: traffic control and escorts are not a bar,
 * door work or a civil matter. Armed private security on site is still asked.
 */
const ANSWERED_BY_TRAFFIC_JOBS: readonly ScreeningFlag[] = ["alcoholPrincipalBusiness", "bodyguardOrBouncer", "civilLegalService"];
const TRAFFIC_JOB = /\b(?:traffic|escort|funeral|procession|lane closure|road work|road closure|road construction|paving)\b/;

/** The order the combined screening question lists its items in (the customer answers by number). */
const SCREENING_ORDER: readonly ScreeningFlag[] = [
  "armedPrivateSecurity",
  "alcoholPrincipalBusiness",
  "bodyguardOrBouncer",
  "civilLegalService",
];

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
  if (listUnansweredScreening(slots, agency).length > 0) return "screening";
  if (!slots.customerName) return "customerName";
  if (slots.organization === null) return "organization";
  if (slots.postOrders === null) return "postOrders";
  // `?? null`: a state stored before the site contact existed has no such key.
  if ((slots.siteContactPhone ?? null) === null) return "siteContact";
  return null;
}

/** The screening items this agency asks about that the customer has not answered, in asking order. */
export function listUnansweredScreening(slots: Slots, agency: AgencyConfig): ScreeningFlag[] {
  const asked = new Set(agency.prohibitedWork.map((rule) => rule.flag));
  return SCREENING_ORDER.filter((flag) => asked.has(flag) && slots.flags[flag] === null);
}

/** Fills the screening answers the job description gives; returns the flags it filled. */
export function fillScreeningFromJob(slots: Slots): ScreeningFlag[] {
  if (!slots.eventType || !TRAFFIC_JOB.test(slots.eventType)) return [];
  const filled = ANSWERED_BY_TRAFFIC_JOBS.filter((flag) => slots.flags[flag] === null);
  for (const flag of filled) slots.flags = { ...slots.flags, [flag]: false };
  return filled;
}
