import type { Rank } from "../agencies/index.ts";
import type { TimeSpan } from "./time-span.ts";

/** What dispatch knows of one officer when deciding an offer; times are epoch milliseconds. */
export interface OfficerCandidate {
  id: string;
  rank: Rank;
  active: boolean;
  /** YYYY-MM-DD; earlier = more senior. */
  seniorityDate: string;
  /** Has an assigned police vehicle. */
  hasVehicle: boolean;
  /** Off-duty shifts already worked or scheduled (assignments that are not dropped/cancelled). */
  offDutyShifts: TimeSpan[];
  /**
   * Regular-duty hours the roster knows of. They block overlapping offers and count toward the 24 h
   * work cap, but not toward the 7 d cap (off-duty hours only) or the rest rule (between off-duty
   * shifts), as policy.md words them.
   */
  regularDuty: TimeSpan[];
}

/** The position being offered: [start, end) in epoch milliseconds, start < end. */
export interface ShiftToFill {
  /** Epoch milliseconds, inclusive. */
  start: number;
  /** Epoch milliseconds, exclusive. */
  end: number;
  /** Lowest rank that may fill it. */
  rank: Rank;
  /** Whether the officer must bring an assigned police vehicle. */
  needsVehicle: boolean;
}
