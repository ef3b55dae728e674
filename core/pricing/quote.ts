import type { AgencyConfig, Positions } from "../agencies/index.ts";
import { assignPositions } from "../agencies/index.ts";
import type { Cents } from "../money/index.ts";
import type { QuoteRequest } from "../requests/index.ts";
import { measureLeadTimeMs } from "../requests/index.ts";
import { type Screening, screenRequest } from "../screening/index.ts";
import { parseValidatedIsoInstant } from "../time/index.ts";
import { computeBillableMinutes } from "./billable-interval.ts";
import { isEmergencyLeadTime } from "./lead-time-rules.ts";
import { priceAdminFeeLine, priceLaborLines, priceVehicleLines, sumLineTotals } from "./price-lines.ts";
import type { QuoteLine } from "./quote-lines.ts";

/**
 * A priced and screened request (policy.md "Quote contract"; field names are the contract).
 * Amounts are integer cents; `vehicleCents` includes mileage; `totalCents` is the sum of lines.
 */
export interface Quote {
  agency: string;
  currency: "USD";
  positions: Positions;
  /** Whole minutes billed for each position (and each vehicle). */
  billableMinutesPerPosition: number;
  lines: QuoteLine[];
  laborCents: Cents;
  vehicleCents: Cents;
  adminFeeCents: Cents;
  totalCents: Cents;
  screening: Screening;
}

/**
 * Prices and screens a validated request for its agency. Pure: the clock is the request's
 * `requestedAt`. The price is computed even when screening rejects, so a person sees what the
 * job would have cost.
 */
export function quoteRequest(request: QuoteRequest, agency: AgencyConfig): Quote {
  if (request.agency !== agency.id) {
    throw new Error(`quoteRequest: request is for ${request.agency}, agency is ${agency.id}`);
  }
  const startMs = parseValidatedIsoInstant(request.start);
  const endMs = parseValidatedIsoInstant(request.end);
  const positions = assignPositions(request.officers, agency);
  const minutes = computeBillableMinutes(agency, startMs, endMs, request.vehicles);
  const leadTimeMs = measureLeadTimeMs(request, startMs);
  const emergency = isEmergencyLeadTime(agency, leadTimeMs);

  const lines: QuoteLine[] = priceLaborLines(agency, {
    positions,
    category: request.category,
    startMs,
    minutes,
    emergency,
  });
  lines.push(...priceVehicleLines(agency, request.vehicles, request.vehicleMiles, minutes));
  const adminFeeLine = priceAdminFeeLine(agency, request.officers * minutes);
  if (adminFeeLine) lines.push(adminFeeLine);

  return {
    agency: agency.id,
    currency: "USD",
    positions,
    billableMinutesPerPosition: minutes,
    lines,
    ...sumLineTotals(lines),
    screening: screenRequest(request, agency, leadTimeMs),
  };
}
