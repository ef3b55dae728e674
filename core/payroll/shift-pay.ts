import type { AgencyConfig, Category, Rank, RateKind } from "../agencies/index.ts";
import { brandCents, type Cents, roundHalfUp } from "../money/index.ts";
import { isEmergencyLeadTime, type LaborLine, priceWorkedLaborLines } from "../pricing/index.ts";
import { measureWorkedInterval } from "../requests/index.ts";

/** Paid minutes by rate kind (whole minutes; an adjustment's may be negative). */
export type PaidMinutes = Record<RateKind, number>;

export const NO_MINUTES: PaidMinutes = Object.freeze({ regular: 0, holiday: 0, emergency: 0 });

/** One officer's shift on one position, as the request and the attendance record it (epoch ms). */
export interface ShiftToPay {
  /** The position's rank: the officer is paid for the rank the customer is billed for. */
  rank: Rank;
  category: Category;
  startMs: number;
  endMs: number;
  vehicles: number;
  /** When the customer confirmed (lead time = start − requestedAt); null = no lead-time rule. */
  requestedAtMs: number | null;
  /** null = never checked in (no-show): nothing is paid. */
  checkInMs: number | null;
  /** null = not checked out: paid to the scheduled end, as the invoice bills it. */
  checkOutMs: number | null;
}

/** What one shift pays: minutes by rate kind, the pay lines (cents per hour), their sum in cents. */
export interface ShiftPay {
  minutes: PaidMinutes;
  lines: LaborLine[];
  amountCents: Cents;
}

/**
 * An officer's pay for one shift: the labor lines of the minutes the customer is billed for the
 * position (the invoice's billed interval, each minute at the rate kind a quote gives it), with no
 * admin fee and no vehicle. At the bill rate of the request's category, unless the agency sets
 * `payroll.payRates`, then at payRates[rank][rateKind] per hour; either way each (rate kind) line
 * is rounded once, so a shift pays exactly what its own labor lines bill when the rates are equal.
 * A no-show (no check-in) earns nothing.
 */
export function payShift(agency: AgencyConfig, shift: ShiftToPay): ShiftPay {
  const interval = measureWorkedInterval(agency, shift);
  if (interval === null) return { minutes: { ...NO_MINUTES }, lines: [], amountCents: brandCents(0) };
  const leadTimeMs = shift.requestedAtMs === null ? null : shift.startMs - shift.requestedAtMs;
  const billed = priceWorkedLaborLines(agency, shift.category, isEmergencyLeadTime(agency, leadTimeMs), [
    { rank: shift.rank, fromMs: interval.fromMs, minutes: interval.minutes },
  ]);
  const payRates = agency.payroll.payRates?.[shift.rank];
  const minutes: PaidMinutes = { ...NO_MINUTES };
  const lines: LaborLine[] = [];
  for (const line of billed) {
    minutes[line.rateKind] += line.minutes;
    if (!payRates) {
      lines.push(line);
      continue;
    }
    const unitCents = brandCents(payRates[line.rateKind]);
    const amountCents = brandCents(roundHalfUp(unitCents * line.minutes, 60));
    if (amountCents > 0) lines.push({ ...line, unitCents, amountCents });
  }
  return { minutes, lines, amountCents: brandCents(lines.reduce((sum, line) => sum + line.amountCents, 0)) };
}
