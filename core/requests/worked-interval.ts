import type { AgencyConfig } from "../agencies/index.ts";
import { divideCeil, MS_PER_MINUTE } from "../time/index.ts";

/** Where one worked position is billed: the instants [fromMs, toMs) and their whole minutes. */
export interface WorkedInterval {
  fromMs: number;
  toMs: number;
  /** ceil((toMs − fromMs) / 1 minute): a started minute is billed. */
  minutes: number;
}

/** Instants (epoch ms) of one position's times; checkInMs null = not worked. */
export interface WorkedTimes {
  startMs: number;
  endMs: number;
  vehicles: number;
  checkInMs: number | null;
  /** null = left at the scheduled end. */
  checkOutMs: number | null;
}

/**
 * The billed interval of one position (policy.md "Invoice contract (worked hours)"), or null
 * when the position was not worked (no check-in: unfilled or no-show, billed nothing):
 * from = max(start, checkIn), to = max(checkOut + vehicleExtension, from + minimum). Arriving
 * early is not billed, nor is the time a late arrival missed; a hold-over past `end` is. The
 * extension applies to every worked position of a request with vehicles, as in a quote.
 *
 * It lives with the request schemas, not in pricing, because validation needs it too ("more
 * than 24 hours billed for one position is invalid") and pricing imports requests, not the
 * other way round.
 */
export function measureWorkedInterval(agency: AgencyConfig, times: WorkedTimes): WorkedInterval | null {
  if (times.checkInMs === null) return null;
  const extensionMs = times.vehicles > 0 ? agency.vehicle.extensionMinutes * MS_PER_MINUTE : 0;
  const fromMs = Math.max(times.startMs, times.checkInMs);
  const toMs = Math.max(
    (times.checkOutMs ?? times.endMs) + extensionMs,
    fromMs + agency.minimumMinutes * MS_PER_MINUTE,
  );
  return { fromMs, toMs, minutes: divideCeil(toMs - fromMs, MS_PER_MINUTE) };
}
