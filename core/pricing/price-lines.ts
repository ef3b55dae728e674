import type { AgencyConfig, Category, Positions, RateKind } from "../agencies/index.ts";
import { RANKS } from "../agencies/index.ts";
import {
  brandCents,
  type Cents,
  convertExactDecimalToNumber,
  getExactDecimalDenominator,
  multiplyExactDecimal,
  readExactDecimal,
  roundHalfUp,
} from "../money/index.ts";
import { countHolidayMinutes } from "./holiday-intervals.ts";
import type { AdminFeeLine, LaborLine, MileageLine, QuoteLine, VehicleLine } from "./quote-lines.ts";
import { priceMinutes } from "./quote-lines.ts";
import { chooseRateKind, getKindCents, getRateCents } from "./rate-table.ts";

/** What labor is priced over: every position works the same `minutes` from `startMs`. */
export interface LaborSpan {
  positions: Positions;
  category: Category;
  startMs: number;
  /** Whole minutes per position. */
  minutes: number;
  /** Whether emergency rates apply (lead time below the agency's threshold). */
  emergency: boolean;
}

/**
 * Labor lines, minute by minute: each minute gets the best rate kind applying to it, minutes
 * are summed per (rank, rate kind) over that rank's positions, and each line is rounded once.
 * Order: officer, sergeant, commander; within a rank regular, holiday, emergency. Lines with
 * no minutes or no amount are left out.
 */
export function priceLaborLines(agency: AgencyConfig, span: LaborSpan): LaborLine[] {
  const holidayMinutes = countHolidayMinutes(agency, span.startMs, span.minutes);
  const ordinaryMinutes = span.minutes - holidayMinutes;
  const lines: LaborLine[] = [];
  for (const rank of RANKS) {
    const count = span.positions[rank];
    if (count === 0) continue;
    const rates = getRateCents(agency, span.category, rank);
    const minutesByKind: Record<RateKind, number> = { regular: 0, holiday: 0, emergency: 0 };
    minutesByKind[chooseRateKind(rates, false, span.emergency)] += ordinaryMinutes * count;
    minutesByKind[chooseRateKind(rates, true, span.emergency)] += holidayMinutes * count;
    for (const rateKind of ["regular", "holiday", "emergency"] as const) {
      const minutes = minutesByKind[rateKind];
      if (minutes === 0) continue;
      const unitCents = getKindCents(rates, rateKind);
      const amountCents = priceMinutes(unitCents, minutes);
      if (amountCents > 0) lines.push({ kind: "labor", rank, rateKind, minutes, unitCents, amountCents });
    }
  }
  return lines;
}

/**
 * The static vehicle line (vehicles × billable minutes at the vehicle-hour rate) and, for
 * agencies charging mileage, the mileage line: vehicleMiles × vehicles at cents per mile,
 * computed on the exact decimal the customer typed and rounded once. Agencies without a
 * mileage rate ignore vehicleMiles.
 */
export function priceVehicleLines(
  agency: AgencyConfig,
  vehicles: number,
  vehicleMiles: number,
  minutesPerVehicle: number,
): (VehicleLine | MileageLine)[] {
  return priceVehicleUse(agency, vehicles, vehicleMiles, vehicles * minutesPerVehicle);
}

/**
 * The vehicle line over `vehicleMinutes` (every vehicle's minutes together: an invoice bills
 * each car for its own officer's time) and the mileage line for `vehicles` cars.
 */
export function priceVehicleUse(
  agency: AgencyConfig,
  vehicles: number,
  vehicleMiles: number,
  vehicleMinutes: number,
): (VehicleLine | MileageLine)[] {
  if (vehicles === 0) return [];
  const lines: (VehicleLine | MileageLine)[] = [];
  const staticCents = brandCents(agency.vehicle.staticCentsPerHour);
  const staticAmountCents = priceMinutes(staticCents, vehicleMinutes);
  if (vehicleMinutes > 0 && staticAmountCents > 0) {
    lines.push({
      kind: "vehicle",
      minutes: vehicleMinutes,
      unitCents: staticCents,
      amountCents: staticAmountCents,
    });
  }
  const mileageCentsPerMile = agency.vehicle.mileageCentsPerMile;
  if (mileageCentsPerMile !== null && vehicleMiles > 0) {
    const miles = multiplyExactDecimal(readExactDecimal(vehicleMiles), vehicles);
    const amountCents = brandCents(
      roundHalfUp(miles.numerator * BigInt(mileageCentsPerMile), getExactDecimalDenominator(miles)),
    );
    if (amountCents > 0) {
      lines.push({
        kind: "mileage",
        miles: convertExactDecimalToNumber(miles),
        unitCents: brandCents(mileageCentsPerMile),
        amountCents,
      });
    }
  }
  return lines;
}

/** Labor, vehicle (time and mileage) and admin fee totals of priced lines, and their sum. */
export function sumLineTotals(lines: readonly QuoteLine[]): {
  laborCents: Cents;
  vehicleCents: Cents;
  adminFeeCents: Cents;
  totalCents: Cents;
} {
  let laborCents = 0;
  let vehicleCents = 0;
  let adminFeeCents = 0;
  for (const line of lines) {
    if (line.kind === "labor") laborCents += line.amountCents;
    else if (line.kind === "admin_fee") adminFeeCents += line.amountCents;
    else vehicleCents += line.amountCents;
  }
  return {
    laborCents: brandCents(laborCents),
    vehicleCents: brandCents(vehicleCents),
    adminFeeCents: brandCents(adminFeeCents),
    totalCents: brandCents(laborCents + vehicleCents + adminFeeCents),
  };
}

/** The admin fee over `officerMinutes` billable officer-minutes; null where the agency has none. */
export function priceAdminFeeLine(agency: AgencyConfig, officerMinutes: number): AdminFeeLine | null {
  const unitCents = brandCents(agency.adminFeeCentsPerOfficerHour);
  if (unitCents === 0 || officerMinutes === 0) return null;
  const amountCents = priceMinutes(unitCents, officerMinutes);
  return amountCents > 0 ? { kind: "admin_fee", minutes: officerMinutes, unitCents, amountCents } : null;
}
