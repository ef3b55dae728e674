import type { AgencyConfig } from "../agencies/index.ts";
import { MS_PER_MINUTE } from "../time/index.ts";

/**
 * Whether emergency rates apply: the agency has an emergency rule and the lead time is strictly
 * below it ("less than 48 hours"). A start at or before requestedAt has lead ≤ 0, so it is an
 * emergency too. No requestedAt (leadTimeMs null) = no lead-time rules.
 */
export function isEmergencyLeadTime(agency: AgencyConfig, leadTimeMs: number | null): boolean {
  const belowMinutes = agency.leadTime.emergencyBelowMinutes;
  return belowMinutes !== null && leadTimeMs !== null && leadTimeMs < belowMinutes * MS_PER_MINUTE;
}
