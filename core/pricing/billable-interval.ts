import type { AgencyConfig } from "../agencies/index.ts";
import { divideCeil, MS_PER_MINUTE } from "../time/index.ts";

/**
 * Whole billable minutes of every position:
 * [start, max(end + vehicleExtension, start + minimum)), measured in real elapsed time, so a
 * shift across midnight, a holiday edge or a daylight-saving change is billed for the minutes
 * that actually pass. A duration with seconds is rounded UP to whole minutes: a started minute
 * is billed. The extension applies only when vehicles > 0.
 */
export function computeBillableMinutes(
  agency: AgencyConfig,
  startMs: number,
  endMs: number,
  vehicles: number,
): number {
  const extensionMs = vehicles > 0 ? agency.vehicle.extensionMinutes * MS_PER_MINUTE : 0;
  const minimumMs = agency.minimumMinutes * MS_PER_MINUTE;
  const durationMs = Math.max(endMs + extensionMs - startMs, minimumMs);
  return divideCeil(durationMs, MS_PER_MINUTE);
}
