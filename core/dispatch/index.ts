export { checkEligibility, type Eligibility, type IneligibleReason } from "./check-eligibility.ts";
export { countOffDutyMinutes } from "./count-off-duty-minutes.ts";
export { describeShiftToFill, isTrafficControl, vehicleNeedsResident } from "./describe-shift-to-fill.ts";
export { meetsRank } from "./meets-rank.ts";
export { findOfferExpiry } from "./offer-expiry.ts";
export type { OfficerCandidate, ShiftToFill } from "./officer-candidate.ts";
export { FAIRNESS_WINDOW_MS, orderCandidates } from "./order-candidates.ts";
export { planWaves, type Wave } from "./plan-waves.ts";
export type { TimeSpan } from "./time-span.ts";
