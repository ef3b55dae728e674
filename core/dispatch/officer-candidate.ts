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
  /** Lives inside the agency's city (Mesquite lets only such officers bring their car; seed 001). */
  livesInCity: boolean;
  /**
   * A community service officer (civilian): may fill only traffic-control positions, and only where
   * the agency allows it (`communityServiceOfficerForTrafficControl`, Tucson; seed 003).
   */
  communityServiceOfficer: boolean;
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
  /**
   * Whether a vehicle position also needs an officer living in the city (the agency has a
   * `vehicle_outside_city` rule, Mesquite). Absent = false; build shifts with `describeShiftToFill`.
   */
  vehicleNeedsResident?: boolean;
  /**
   * A traffic-control position: the only kind a community service officer may fill. Absent =
   * false, so community service officers are left out (the safe side).
   */
  trafficControl?: boolean;
}
