import { DateTime } from "luxon";
import type { QuoteLine } from "../../core/pricing/index.ts";

/**
 * One readable string per line, so table tests can compare a whole quote at a glance:
 * "labor officer holiday 240m × 6780 = 27120", "vehicle 480m × 1839 = 14712",
 * "mileage 24.69mi × 63 = 1555", "admin_fee 1650m × 640 = 17600".
 */
export function describeLines(lines: readonly QuoteLine[]): string[] {
  return lines.map((line) => {
    switch (line.kind) {
      case "labor":
        return `labor ${line.rank} ${line.rateKind} ${line.minutes}m × ${line.unitCents} = ${line.amountCents}`;
      case "mileage":
        return `mileage ${line.miles}mi × ${line.unitCents} = ${line.amountCents}`;
      default:
        return `${line.kind} ${line.minutes}m × ${line.unitCents} = ${line.amountCents}`;
    }
  });
}

/** A local wall-clock time in `zone` as an ISO instant with that zone's offset at that moment. */
export function localInstant(localDateTime: string, zone: string): string {
  const dateTime = DateTime.fromISO(localDateTime, { zone });
  const iso = dateTime.isValid ? dateTime.toISO({ suppressMilliseconds: true }) : null;
  if (!iso) throw new Error(`invalid local time ${localDateTime} in ${zone}`);
  return iso;
}
