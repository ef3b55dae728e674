import { type AgencyConfig, type Category, CategorySchema, type Rank } from "../agencies/index.ts";
import type { Cents } from "../money/index.ts";
import {
  chooseRateKind,
  computeBillableMinutes,
  countHolidayMinutes,
  getRateCents,
  isEmergencyLeadTime,
} from "../pricing/index.ts";

/**
 * What an officer of `rank` earns an hour on a request, in integer cents: the hourly rate the
 * customer is billed for that rank (the agency files publish no separate pay scale), in the
 * request's category column and rate kind (emergency when the request came in late, holiday on
 * holiday minutes), exactly as its quote chose them. `holidayCents` is set when part of the shift
 * is paid at another rate on a holiday; null when one rate covers every minute.
 */
export interface HourlyPay {
  cents: Cents;
  holidayCents: Cents | null;
}

/** The request as pay is worked out from it; times are epoch ms, `requestedAt` null = unknown. */
export interface PaidShift {
  /** Stored as free text on the request: an unknown category is priced as `regular`. */
  category: string;
  rank: Rank;
  start: number;
  end: number;
  vehicles: number;
  requestedAt: number | null;
}

export function findHourlyPay(agency: AgencyConfig, shift: PaidShift): HourlyPay {
  const category: Category = CategorySchema.catch("regular").parse(shift.category);
  const rates = getRateCents(agency, category, shift.rank);
  const emergency = isEmergencyLeadTime(agency, shift.requestedAt === null ? null : shift.start - shift.requestedAt);
  const minutes = computeBillableMinutes(agency, shift.start, shift.end, shift.vehicles);
  const holidayMinutes = countHolidayMinutes(agency, shift.start, minutes);
  const ordinary = rates[chooseRateKind(rates, false, emergency)] ?? rates.regular;
  const holiday = rates[chooseRateKind(rates, true, emergency)] ?? rates.regular;
  if (holidayMinutes === 0) return { cents: ordinary, holidayCents: null };
  if (holidayMinutes === minutes || holiday === ordinary) return { cents: holiday, holidayCents: null };
  return { cents: ordinary, holidayCents: holiday };
}
