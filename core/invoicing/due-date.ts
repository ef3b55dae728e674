import { DateTime } from "luxon";

/**
 * When an invoice issued at `issuedAtMs` is due: `paymentTermsDays` calendar days later in the
 * agency's zone (agency.billing.paymentTermsDays, default 30), at the same local time, so a DST
 * change does not move the date. Milliseconds since the epoch.
 */
export function dueDateOf(issuedAtMs: number, paymentTermsDays: number, timeZone: string): number {
  return DateTime.fromMillis(issuedAtMs, { zone: timeZone }).plus({ days: paymentTermsDays }).toMillis();
}
