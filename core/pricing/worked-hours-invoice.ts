import type { AgencyConfig } from "../agencies/index.ts";
import {
  brandCents,
  type Cents,
  convertExactDecimalToNumber,
  getExactDecimalDenominator,
  multiplyExactDecimal,
  readExactDecimal,
  roundHalfUp,
} from "../money/index.ts";
import type { InvoiceRequest } from "../requests/index.ts";
import {
  checkWorkedAgainstAgency,
  listPositionRanks,
  measureLeadTimeMs,
  measureWorkedInterval,
} from "../requests/index.ts";
import { parseValidatedIsoInstant } from "../time/index.ts";
import { isEmergencyLeadTime } from "./lead-time-rules.ts";
import { priceAdminFeeLine } from "./price-lines.ts";
import type { MileageLine, QuoteLine, VehicleLine } from "./quote-lines.ts";
import { priceMinutes } from "./quote-lines.ts";
import { priceWorkedLaborLines, type WorkedSpan } from "./worked-labor-lines.ts";

/**
 * What the customer pays for the hours actually worked (policy.md "Invoice contract (worked
 * hours)"; field names and their order are the contract). Amounts are integer cents;
 * `vehicleCents` includes mileage; `totalCents` is the sum of lines.
 */
export interface WorkedHoursInvoice {
  lines: QuoteLine[];
  laborCents: Cents;
  vehicleCents: Cents;
  adminFeeCents: Cents;
  totalCents: Cents;
  /** Whole minutes billed for each position, in the quote's position order; 0 = not worked. */
  billedMinutesPerPosition: number[];
}

/**
 * Prices the worked hours of a validated invoice request. A position without a check-in is
 * billed nothing; a worked one over [max(start, checkIn), max(checkOut + vehicle extension,
 * from + minimum)), minute by minute as in a quote. The first `vehicles` worked positions each
 * bring a vehicle billed over that position's interval. Pure: lead time is the request's
 * `requestedAt`.
 *
 * Throws when the request was not validated against this agency (wrong agency, record count,
 * ranks, or more than 24 hours billed for a position): createInvoiceRequestSchema(agencies)
 * reports those as input problems, so reaching here with one is a broken invariant.
 */
export function priceWorkedHours(request: InvoiceRequest, agency: AgencyConfig): WorkedHoursInvoice {
  if (request.agency !== agency.id) {
    throw new Error(`priceWorkedHours: request is for ${request.agency}, agency is ${agency.id}`);
  }
  const problems =
    request.worked.length === request.officers
      ? checkWorkedAgainstAgency(request, agency)
      : [{ path: ["worked"], message: `must have ${request.officers} records` }];
  if (problems.length > 0) {
    const list = problems.map((problem) => `${problem.path.join(".")}: ${problem.message}`).join("; ");
    throw new Error(`priceWorkedHours: invalid worked records (${list})`);
  }

  const startMs = parseValidatedIsoInstant(request.start);
  const endMs = parseValidatedIsoInstant(request.end);
  const emergency = isEmergencyLeadTime(agency, measureLeadTimeMs(request, startMs));
  const ranks = listPositionRanks(request.officers, agency);

  const billedMinutesPerPosition: number[] = [];
  const spans: WorkedSpan[] = [];
  let vehiclesBilled = 0;
  let vehicleMinutes = 0;
  request.worked.forEach((record, index) => {
    const interval = measureWorkedInterval(agency, {
      startMs,
      endMs,
      vehicles: request.vehicles,
      checkInMs: record.checkIn === null ? null : parseValidatedIsoInstant(record.checkIn),
      checkOutMs: record.checkOut === null ? null : parseValidatedIsoInstant(record.checkOut),
    });
    billedMinutesPerPosition.push(interval?.minutes ?? 0);
    if (interval === null) return;
    // Ranks come from the position order (checked equal to the record's above).
    spans.push({ rank: ranks[index] ?? record.rank, fromMs: interval.fromMs, minutes: interval.minutes });
    if (vehiclesBilled < request.vehicles) {
      vehiclesBilled += 1;
      vehicleMinutes += interval.minutes;
    }
  });

  const lines: QuoteLine[] = priceWorkedLaborLines(agency, request.category, emergency, spans);
  lines.push(...priceWorkedVehicleLines(agency, vehiclesBilled, vehicleMinutes, request.vehicleMiles));
  const adminFeeLine = priceAdminFeeLine(
    agency,
    billedMinutesPerPosition.reduce((sum, minutes) => sum + minutes, 0),
  );
  if (adminFeeLine) lines.push(adminFeeLine);

  let laborCents = 0;
  let vehicleCents = 0;
  let adminFeeCents = 0;
  for (const line of lines) {
    if (line.kind === "labor") laborCents += line.amountCents;
    else if (line.kind === "admin_fee") adminFeeCents += line.amountCents;
    else vehicleCents += line.amountCents;
  }
  return {
    lines,
    laborCents: brandCents(laborCents),
    vehicleCents: brandCents(vehicleCents),
    adminFeeCents: brandCents(adminFeeCents),
    totalCents: brandCents(laborCents + vehicleCents + adminFeeCents),
    billedMinutesPerPosition,
  };
}

/**
 * The vehicle line over the billed vehicles' minutes together and, where the agency charges
 * mileage, vehicleMiles per billed vehicle on the exact decimal typed, rounded once (as in a
 * quote's priceVehicleLines, which assumes every vehicle has the same minutes).
 */
function priceWorkedVehicleLines(
  agency: AgencyConfig,
  vehicles: number,
  minutes: number,
  vehicleMiles: number,
): (VehicleLine | MileageLine)[] {
  const lines: (VehicleLine | MileageLine)[] = [];
  const staticCents = brandCents(agency.vehicle.staticCentsPerHour);
  const staticAmountCents = priceMinutes(staticCents, minutes);
  if (minutes > 0 && staticAmountCents > 0) {
    lines.push({ kind: "vehicle", minutes, unitCents: staticCents, amountCents: staticAmountCents });
  }
  const mileageCentsPerMile = agency.vehicle.mileageCentsPerMile;
  if (mileageCentsPerMile !== null && vehicles > 0 && vehicleMiles > 0) {
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
