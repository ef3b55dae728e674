import { MS_PER_HOUR } from "../time/index.ts";
import { countOffDutyMinutes } from "./count-off-duty-minutes.ts";
import type { OfficerCandidate } from "./officer-candidate.ts";

/** The fairness look-back: 30 × 24 hours of elapsed time before `now`, not calendar days. */
export const FAIRNESS_WINDOW_MS = 30 * 24 * MS_PER_HOUR;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Fairest first: fewest off-duty minutes in [now − 30 d, now), ties by seniority (earlier
 * `seniorityDate` first), then by id so the order is total and the same on every run. Returns a new
 * array; `candidates` is untouched. `now` is epoch milliseconds. Throws a RangeError on a
 * seniorityDate that is not YYYY-MM-DD, since comparing it as text would then misorder silently.
 */
export function orderCandidates(candidates: OfficerCandidate[], now: number): OfficerCandidate[] {
  const keyed = candidates.map((candidate) => {
    if (!ISO_DATE.test(candidate.seniorityDate)) {
      throw new RangeError(`officer ${candidate.id}: seniorityDate must be YYYY-MM-DD`);
    }
    return { candidate, minutes: countOffDutyMinutes(candidate, now - FAIRNESS_WINDOW_MS, now) };
  });
  keyed.sort(
    (a, b) =>
      a.minutes - b.minutes ||
      compareText(a.candidate.seniorityDate, b.candidate.seniorityDate) ||
      compareText(a.candidate.id, b.candidate.id),
  );
  return keyed.map((k) => k.candidate);
}

/** Code-unit order, not locale order: the same result on every machine. */
function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
