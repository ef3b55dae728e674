import { MS_PER_MINUTE } from "../time/index.ts";
import type { OfficerCandidate } from "./officer-candidate.ts";
import { mergeSpans, measureWithinMs } from "./time-span.ts";

/**
 * Minutes of off-duty work inside [from, to) (epoch milliseconds), clipping shifts that cross either
 * edge. Exact, so fractional when shifts carry seconds. Overlapping records count once: the
 * fairness order compares time actually worked.
 */
export function countOffDutyMinutes(candidate: OfficerCandidate, from: number, to: number): number {
  return measureWithinMs(mergeSpans(candidate.offDutyShifts), from, to) / MS_PER_MINUTE;
}
