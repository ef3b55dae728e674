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
