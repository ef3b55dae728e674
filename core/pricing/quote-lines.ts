import type { Rank, RateKind } from "../agencies/index.ts";
import { brandCents, type Cents, roundHalfUp } from "../money/index.ts";

/** Officer time of one rank at one rate kind, summed over that rank's positions. */
export interface LaborLine {
  kind: "labor";
  rank: Rank;
  rateKind: RateKind;
  minutes: number;
  /** Cents per hour. */
  unitCents: Cents;
  amountCents: Cents;
}

/** Static vehicle use: vehicles × billable minutes. */
export interface VehicleLine {
  kind: "vehicle";
  minutes: number;
  /** Cents per vehicle-hour. */
  unitCents: Cents;
  amountCents: Cents;
}

/** Moving vehicle use: vehicleMiles × vehicles (may be fractional). */
export interface MileageLine {
  kind: "mileage";
  miles: number;
  /** Cents per mile. */
  unitCents: Cents;
  amountCents: Cents;
}

/** Admin fee over all billable officer-minutes. */
export interface AdminFeeLine {
  kind: "admin_fee";
  minutes: number;
  /** Cents per officer-hour. */
  unitCents: Cents;
  amountCents: Cents;
}

export type QuoteLine = LaborLine | VehicleLine | MileageLine | AdminFeeLine;

/** round_half_up(unitCents × minutes / 60): a line priced per hour, rounded once. */
export function priceMinutes(unitCents: Cents, minutes: number): Cents {
  return brandCents(roundHalfUp(unitCents * minutes, 60));
}
