import type { AgencyConfig } from "../agencies/index.ts";
import type { Cents } from "../money/index.ts";
import type { InvoiceRequest } from "../requests/index.ts";
import {
  checkWorkedAgainstAgency,
  listPositionRanks,
  measureLeadTimeMs,
  measureWorkedInterval,
} from "../requests/index.ts";
import { parseValidatedIsoInstant } from "../time/index.ts";
import { isEmergencyLeadTime } from "./lead-time-rules.ts";
import { priceAdminFeeLine, priceVehicleUse, sumLineTotals } from "./price-lines.ts";
import type { QuoteLine } from "./quote-lines.ts";
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
  lines.push(...priceVehicleUse(agency, vehiclesBilled, request.vehicleMiles, vehicleMinutes));
  const adminFeeLine = priceAdminFeeLine(
    agency,
    billedMinutesPerPosition.reduce((sum, minutes) => sum + minutes, 0),
  );
  if (adminFeeLine) lines.push(adminFeeLine);

  return {
    lines,
    ...sumLineTotals(lines),
    billedMinutesPerPosition,
  };
}
