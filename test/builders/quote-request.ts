import { loadAgencies } from "../../agencies/load-agencies.ts";
import type { AgencyConfig } from "../../core/agencies/index.ts";
import {
  type CancellationRequest,
  type CancellationRequestInput,
  CancellationRequestSchema,
  type QuoteRequest,
  type QuoteRequestInput,
  QuoteRequestSchema,
} from "../../core/requests/index.ts";

/**
 * policy.md's worked example ("Quote contract"): Tucson, Christmas Eve 8 pm to 1 am, 5 officers
 * and a vehicle, requested on Dec 1 — $2,972.15. worked-example.test.ts keeps its own verbatim
 * copy, since it checks the contract text itself.
 */
export const WORKED_EXAMPLE_REQUEST = {
  agency: "tucson-az-pd",
  requestedAt: "2026-12-01T09:00:00-07:00",
  start: "2026-12-24T20:00:00-07:00",
  end: "2026-12-25T01:00:00-07:00",
  officers: 5,
  category: "regular",
  vehicles: 1,
  vehicleMiles: 0,
  eventType: "holiday market traffic control",
  address: { line1: "1 S Church Ave", city: "Tucson", state: "AZ" },
  flags: {
    armedPrivateSecurity: false,
    civilLegalService: false,
    bodyguardOrBouncer: false,
    alcoholPrincipalBusiness: false,
  },
} as const satisfies QuoteRequestInput;

/** A demo agency from agencies/*.json; throws for an unknown id so a typo fails loudly. */
export function getTestAgency(id: string): AgencyConfig {
  const agency = loadAgencies().get(id);
  if (!agency) throw new Error(`no agency ${id}`);
  return agency;
}

/**
 * A validated quote request: Tucson, 2 officers on a plain Tuesday evening (2026-03-10,
 * 18:00–22:00 local), requested two weeks ahead, with `overrides` on top.
 */
export function makeQuoteRequest(overrides: Partial<QuoteRequestInput> = {}): QuoteRequest {
  return QuoteRequestSchema.parse({
    agency: "tucson-az-pd",
    requestedAt: "2026-02-24T09:00:00-07:00",
    start: "2026-03-10T18:00:00-07:00",
    end: "2026-03-10T22:00:00-07:00",
    officers: 2,
    ...overrides,
  });
}

/** A validated cancellation request built like makeQuoteRequest, approved, with `overrides`. */
export function makeCancellationRequest(
  overrides: Partial<CancellationRequestInput> = {},
): CancellationRequest {
  return CancellationRequestSchema.parse({
    agency: "tucson-az-pd",
    requestedAt: "2026-02-24T09:00:00-07:00",
    start: "2026-03-10T18:00:00-07:00",
    end: "2026-03-10T22:00:00-07:00",
    officers: 2,
    approvedAt: "2026-02-25T09:00:00-07:00",
    cancelledAt: "2026-03-01T09:00:00-07:00",
    ...overrides,
  });
}
