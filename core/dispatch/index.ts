export { checkEligibility, type Eligibility, type IneligibleReason } from "./check-eligibility.ts";
export { countOffDutyMinutes } from "./count-off-duty-minutes.ts";
export { meetsRank } from "./meets-rank.ts";
export type { OfficerCandidate, ShiftToFill } from "./officer-candidate.ts";
export { FAIRNESS_WINDOW_MS, orderCandidates } from "./order-candidates.ts";
export { planWaves, type Wave } from "./plan-waves.ts";
export type { TimeSpan } from "./time-span.ts";
