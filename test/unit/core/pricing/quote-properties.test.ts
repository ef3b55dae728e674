import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CATEGORIES } from "../../../../core/agencies/index.ts";
import { roundHalfUp } from "../../../../core/money/index.ts";
import { computeCancellationFee, type Quote, quoteRequest } from "../../../../core/pricing/index.ts";
import {
  CancellationRequestSchema,
  QuoteRequestSchema,
  type QuoteRequestInput,
} from "../../../../core/requests/index.ts";
import { getTestAgency } from "../../../builders/quote-request.ts";

const MINUTE_MS = 60_000;
const AGENCY_IDS = ["rockport-tx-pd", "tucson-az-pd", "mesquite-tx-pd"] as const;

/** Random but valid requests: any agency, 2025–2028 (holidays, DST days), up to 24 h, seconds included. */
const requestArbitrary = fc
  .record({
    agency: fc.constantFrom(...AGENCY_IDS),
    startMs: fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 11, 31) }),
    durationSeconds: fc.integer({ min: 1, max: 24 * 3600 }),
    officers: fc.integer({ min: 1, max: 100 }),
    vehicleSeed: fc.nat(),
    vehicleMilesHundredths: fc.integer({ min: 0, max: 100_000 }),
    category: fc.constantFrom(...CATEGORIES),
    leadMinutes: fc.option(fc.integer({ min: -2 * 1440, max: 30 * 1440 }), { nil: undefined }),
    flags: fc.record({
      armedPrivateSecurity: fc.boolean(),
      civilLegalService: fc.boolean(),
      bodyguardOrBouncer: fc.boolean(),
      alcoholPrincipalBusiness: fc.boolean(),
    }),
    city: fc.option(fc.constantFrom("Mesquite", "Dallas", "Tucson"), { nil: undefined }),
  })
  .map(
    (r): QuoteRequestInput => ({
      agency: r.agency,
      start: new Date(r.startMs).toISOString(),
      end: new Date(r.startMs + r.durationSeconds * 1000).toISOString(),
      requestedAt:
        r.leadMinutes === undefined
          ? undefined
          : new Date(r.startMs - r.leadMinutes * MINUTE_MS).toISOString(),
      officers: r.officers,
      vehicles: r.vehicleSeed % (r.officers + 1),
      vehicleMiles: r.vehicleMilesHundredths / 100,
      category: r.category,
      flags: r.flags,
      address: r.city === undefined ? undefined : { line1: "1 Main St", city: r.city, state: "TX" },
    }),
  );

function quoteInput(input: QuoteRequestInput): Quote {
  const request = QuoteRequestSchema.parse(input);
  return quoteRequest(request, getTestAgency(request.agency));
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe("quote properties", () => {
  it("totals are sums of lines; every figure is a positive integer; each line is rounded once", () => {
    fc.assert(
      fc.property(requestArbitrary, (input) => {
        const quote = quoteInput(input);
        const amounts = (kinds: string[]) =>
          sum(quote.lines.filter((line) => kinds.includes(line.kind)).map((line) => line.amountCents));
        expect(quote.laborCents).toBe(amounts(["labor"]));
        expect(quote.vehicleCents).toBe(amounts(["vehicle", "mileage"]));
        expect(quote.adminFeeCents).toBe(amounts(["admin_fee"]));
        expect(quote.totalCents).toBe(sum(quote.lines.map((line) => line.amountCents)));
        expect(quote.totalCents).toBe(quote.laborCents + quote.vehicleCents + quote.adminFeeCents);
        for (const line of quote.lines) {
          expect(Number.isSafeInteger(line.amountCents) && line.amountCents > 0).toBe(true);
          expect(Number.isSafeInteger(line.unitCents) && line.unitCents > 0).toBe(true);
          if (line.kind !== "mileage") {
            expect(Number.isSafeInteger(line.minutes) && line.minutes > 0).toBe(true);
            expect(line.amountCents).toBe(roundHalfUp(line.unitCents * line.minutes, 60));
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it("bills at least the minimum and at least the (rounded-up) duration, for every position", () => {
    fc.assert(
      fc.property(requestArbitrary, (input) => {
        const quote = quoteInput(input);
        const agency = getTestAgency(quote.agency);
        const minutes = quote.billableMinutesPerPosition;
        const durationMs = Date.parse(input.end) - Date.parse(input.start);
        expect(minutes).toBeGreaterThanOrEqual(agency.minimumMinutes);
        expect(minutes * MINUTE_MS).toBeGreaterThanOrEqual(durationMs);
        expect(minutes).toBeLessThanOrEqual(
          Math.max(agency.minimumMinutes, 1440 + agency.vehicle.extensionMinutes),
        );
        expect(sum(Object.values(quote.positions))).toBe(input.officers);
        const laborMinutes = sum(quote.lines.map((line) => (line.kind === "labor" ? line.minutes : 0)));
        expect(laborMinutes).toBe(input.officers * minutes);
      }),
      { numRuns: 400 },
    );
  });

  it("never makes a longer shift cheaper", () => {
    fc.assert(
      fc.property(requestArbitrary, fc.integer({ min: 1, max: 600 }), (input, extraMinutes) => {
        const startMs = Date.parse(input.start);
        const longerEndMs = Math.min(
          Date.parse(input.end) + extraMinutes * MINUTE_MS,
          startMs + 24 * 60 * MINUTE_MS,
        );
        const shorter = quoteInput(input);
        const longer = quoteInput({ ...input, end: new Date(longerEndMs).toISOString() });
        expect(longer.totalCents).toBeGreaterThanOrEqual(shorter.totalCents);
        expect(longer.laborCents).toBeGreaterThanOrEqual(shorter.laborCents);
      }),
      { numRuns: 300 },
    );
  });

  it("decides screening consistently with its reasons", () => {
    fc.assert(
      fc.property(requestArbitrary, (input) => {
        const { screening } = quoteInput(input);
        const decisions = screening.reasons.map((reason) => reason.decision);
        const expected = decisions.includes("reject")
          ? "reject"
          : decisions.includes("needs_approval")
            ? "needs_approval"
            : "allow";
        expect(screening.decision).toBe(expected);
        if (screening.decision !== "needs_approval") expect(screening.approver).toBeNull();
        if (screening.reasons.some((reason) => reason.code === "start_in_past"))
          expect(screening.reasons).toHaveLength(1);
        for (const reason of screening.reasons) expect(reason.message.length).toBeGreaterThan(20);
      }),
      { numRuns: 400 },
    );
  });
});

describe("cancellation properties", () => {
  it("never makes a later cancellation cheaper, and fees are sums of integer lines", () => {
    fc.assert(
      fc.property(
        requestArbitrary,
        fc.integer({ min: -4 * 1440, max: 1440 }),
        fc.integer({ min: 0, max: 4 * 1440 }),
        fc.integer({ min: 0, max: 1440 }),
        (input, cancelOffsetMinutes, laterByMinutes, minutesWorked) => {
          const startMs = Date.parse(input.start);
          const base = {
            ...input,
            approvedAt: new Date(startMs - 10 * 1440 * MINUTE_MS).toISOString(),
            minutesWorked,
          };
          const at = (offsetMinutes: number) => {
            const request = CancellationRequestSchema.parse({
              ...base,
              cancelledAt: new Date(startMs + offsetMinutes * MINUTE_MS).toISOString(),
            });
            return computeCancellationFee(request, getTestAgency(request.agency));
          };
          const earlier = at(cancelOffsetMinutes);
          const later = at(cancelOffsetMinutes + laterByMinutes);
          expect(later.feeCents).toBeGreaterThanOrEqual(earlier.feeCents);
          for (const fee of [earlier, later]) {
            expect(fee.feeCents).toBe(sum(fee.lines.map((line) => line.amountCents)));
            for (const line of fee.lines)
              expect(Number.isSafeInteger(line.amountCents) && line.amountCents > 0).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
