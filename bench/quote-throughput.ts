import { pathToFileURL } from "node:url";
import { loadAgencies } from "../agencies/load-agencies.ts";
import type { AgencyConfig } from "../core/agencies/index.ts";
import { quoteRequest } from "../core/pricing/index.ts";
import {
  createQuoteRequestSchema,
  type QuoteRequest,
  type QuoteRequestInput,
} from "../core/requests/index.ts";

/** Figures of one run; rates are per second on one core. */
export interface QuoteBenchResult {
  /** quoteRequest alone, on requests validated up front (the target is ≥ 50 000). */
  quotesPerSecond: number;
  /** Schema validation of the raw JSON value plus quoteRequest, per request. */
  quotesPerSecondWithValidation: number;
  quotes: number;
  quotesWithValidation: number;
  elapsedMs: number;
  elapsedMsWithValidation: number;
  /** Distinct requests in the mix. */
  mixSize: number;
  /** Sum of every quote's totalCents: keeps the work observable so it cannot be optimised away. */
  checksum: number;
}

/** A realistic mix: every agency, holidays, overnight shifts, emergencies, big details, vehicles, refusals. */
const REQUEST_MIX: QuoteRequestInput[] = [
  {
    agency: "tucson-az-pd",
    requestedAt: "2026-12-01T09:00:00-07:00",
    start: "2026-12-24T20:00:00-07:00",
    end: "2026-12-25T01:00:00-07:00",
    officers: 5,
    vehicles: 1,
    eventType: "holiday market traffic control",
    address: { line1: "1 S Church Ave", city: "Tucson", state: "AZ" },
  },
  {
    agency: "tucson-az-pd",
    requestedAt: "2026-03-09T10:00:00-07:00",
    start: "2026-03-10T18:00:00-07:00",
    end: "2026-03-10T23:00:00-07:00",
    officers: 2,
  },
  {
    agency: "tucson-az-pd",
    requestedAt: "2026-10-01T10:00:00-07:00",
    start: "2026-10-17T07:00:00-07:00",
    end: "2026-10-17T19:00:00-07:00",
    officers: 18,
    vehicles: 6,
    category: "major_event",
    eventType: "marathon road closures",
  },
  {
    agency: "tucson-az-pd",
    requestedAt: "2026-12-30T10:00:00-07:00",
    start: "2026-12-31T20:00:00-07:00",
    end: "2027-01-01T04:00:00-07:00",
    officers: 16,
    category: "critical_need",
    flags: { alcoholPrincipalBusiness: true },
  },
  {
    agency: "tucson-az-pd",
    start: "2026-06-05T22:00:00-07:00",
    end: "2026-06-06T02:00:00-07:00",
    officers: 3,
    flags: { bodyguardOrBouncer: true },
  },
  {
    agency: "rockport-tx-pd",
    requestedAt: "2026-11-01T09:00:00-05:00",
    start: "2026-11-25T22:00:00-06:00",
    end: "2026-11-26T06:00:00-06:00",
    officers: 2,
    vehicles: 1,
    vehicleMiles: 35.5,
  },
  {
    agency: "rockport-tx-pd",
    start: "2026-07-04T18:00:00-05:00",
    end: "2026-07-04T23:30:00-05:00",
    officers: 4,
    vehicles: 2,
    vehicleMiles: 12.345,
    eventType: "fireworks",
  },
  {
    agency: "rockport-tx-pd",
    start: "2026-03-08T00:00:00-06:00",
    end: "2026-03-08T06:00:00-05:00",
    officers: 1,
  },
  {
    agency: "mesquite-tx-pd",
    requestedAt: "2026-05-01T09:00:00-05:00",
    start: "2026-05-09T08:00:00-05:00",
    end: "2026-05-09T12:00:00-05:00",
    officers: 1,
  },
  {
    agency: "mesquite-tx-pd",
    start: "2026-05-09T20:00:00-05:00",
    end: "2026-05-10T02:00:00-05:00",
    officers: 2,
    vehicles: 1,
    address: { line1: "1515 N Galloway Ave", city: "Mesquite", state: "TX" },
  },
  {
    agency: "mesquite-tx-pd",
    start: "2026-05-09T20:00:00-05:00",
    end: "2026-05-10T20:00:00-05:00",
    officers: 3,
    vehicles: 3,
    address: { line1: "1500 Marilla St", city: "Dallas", state: "TX" },
    language: "es",
  },
];

/**
 * Measures quote throughput for about `durationMs` (default 2000) of quoting on one core, then
 * about half that again with validation included. Warm-up runs first so the JIT and the holiday
 * caches are hot, as they are in a long-running server.
 */
export async function benchQuotes(options: { durationMs?: number } = {}): Promise<QuoteBenchResult> {
  const durationMs = options.durationMs ?? 2000;
  const agencies = loadAgencies();
  const schema = createQuoteRequestSchema(agencies.keys());
  const prepared: { request: QuoteRequest; agency: AgencyConfig }[] = REQUEST_MIX.map((input) => {
    const request = schema.parse(input);
    const agency = agencies.get(request.agency);
    if (!agency) throw new Error(`bench: unknown agency ${request.agency}`);
    return { request, agency };
  });
  const rawInputs = REQUEST_MIX.map((input) => JSON.parse(JSON.stringify(input)) as unknown);

  let checksum = 0;
  const quoteMix = () => {
    for (const { request, agency } of prepared) checksum += quoteRequest(request, agency).totalCents;
    return prepared.length;
  };
  const validateAndQuoteMix = () => {
    for (const raw of rawInputs) {
      const request = schema.parse(raw);
      const agency = agencies.get(request.agency);
      if (agency) checksum += quoteRequest(request, agency).totalCents;
    }
    return rawInputs.length;
  };

  runFor(Math.min(300, durationMs / 4), quoteMix);
  runFor(Math.min(150, durationMs / 8), validateAndQuoteMix);
  const core = runFor(durationMs, quoteMix);
  const withValidation = runFor(durationMs / 2, validateAndQuoteMix);
  return {
    quotesPerSecond: Math.round((core.count * 1000) / core.elapsedMs),
    quotesPerSecondWithValidation: Math.round((withValidation.count * 1000) / withValidation.elapsedMs),
    quotes: core.count,
    quotesWithValidation: withValidation.count,
    elapsedMs: Math.round(core.elapsedMs),
    elapsedMsWithValidation: Math.round(withValidation.elapsedMs),
    mixSize: prepared.length,
    checksum,
  };
}

/** Calls `batch` until `durationMs` has passed; the clock is read once per batch, not per quote. */
function runFor(durationMs: number, batch: () => number): { count: number; elapsedMs: number } {
  const startedAt = performance.now();
  let count = 0;
  let elapsedMs = 0;
  do {
    for (let i = 0; i < 20; i++) count += batch();
    elapsedMs = performance.now() - startedAt;
  } while (elapsedMs < durationMs);
  return { count, elapsedMs };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  benchQuotes().then(
    (result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`),
    (error: unknown) => {
      process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
