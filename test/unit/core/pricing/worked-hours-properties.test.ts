import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadAgencies } from "../../../../agencies/load-agencies.ts";
import { CATEGORIES } from "../../../../core/agencies/index.ts";
import { roundHalfUp } from "../../../../core/money/index.ts";
import { priceWorkedHours, quoteRequest, type WorkedHoursInvoice } from "../../../../core/pricing/index.ts";
import {
  createInvoiceRequestSchema,
  type InvoiceRequestInput,
  listPositionRanks,
  QuoteRequestSchema,
} from "../../../../core/requests/index.ts";
import { getTestAgency } from "../../../builders/quote-request.ts";

const MINUTE_MS = 60_000;
const AGENCY_IDS = ["rockport-tx-pd", "tucson-az-pd", "mesquite-tx-pd"] as const;
const schema = createInvoiceRequestSchema(loadAgencies());

/** A position's record as offsets from start, in seconds; null check-in = not worked. */
const recordArbitrary = fc.record({
  checkInSeconds: fc.option(fc.integer({ min: -3 * 3600, max: 12 * 3600 }), { nil: null }),
  // Kept under 23 h after check-in so the 24-hour bound (extension included) holds.
  stayedSeconds: fc.option(fc.integer({ min: 0, max: 23 * 3600 }), { nil: null }),
});

/** Random valid invoice requests: any agency, 2025–2028 (holidays, DST days), seconds included. */
const invoiceArbitrary = fc
  .record({
    agency: fc.constantFrom(...AGENCY_IDS),
    startMs: fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 11, 31) }),
    durationSeconds: fc.integer({ min: 1, max: 23 * 3600 }),
    officers: fc.integer({ min: 1, max: 20 }),
    vehicleSeed: fc.nat(),
    vehicleMilesHundredths: fc.integer({ min: 0, max: 100_000 }),
    category: fc.constantFrom(...CATEGORIES),
    leadMinutes: fc.option(fc.integer({ min: -2 * 1440, max: 30 * 1440 }), { nil: undefined }),
    records: fc.array(recordArbitrary, { minLength: 20, maxLength: 20 }),
  })
  .map((r): InvoiceRequestInput => {
    const ranks = listPositionRanks(r.officers, getTestAgency(r.agency));
    const iso = (ms: number) => new Date(ms).toISOString();
    return {
      agency: r.agency,
      start: iso(r.startMs),
      end: iso(r.startMs + r.durationSeconds * 1000),
      requestedAt: r.leadMinutes === undefined ? undefined : iso(r.startMs - r.leadMinutes * MINUTE_MS),
      officers: r.officers,
      vehicles: r.vehicleSeed % (r.officers + 1),
      vehicleMiles: r.vehicleMilesHundredths / 100,
      category: r.category,
      worked: ranks.map((rank, index) => {
        const record = r.records[index] ?? { checkInSeconds: null, stayedSeconds: null };
        if (record.checkInSeconds === null) return { rank, checkIn: null, checkOut: null };
        const checkInMs = r.startMs + record.checkInSeconds * 1000;
        const checkOut = record.stayedSeconds === null ? null : iso(checkInMs + record.stayedSeconds * 1000);
        return { rank, checkIn: iso(checkInMs), checkOut };
      }),
    };
  });

function price(input: InvoiceRequestInput): WorkedHoursInvoice {
  const request = schema.parse(input);
  return priceWorkedHours(request, getTestAgency(request.agency));
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

describe("worked-hours invoice properties", () => {
  it("totals are sums of lines, never below 0; lines rounded once; minutes add up", () => {
    fc.assert(
      fc.property(invoiceArbitrary, (input) => {
        const result = price(input);
        const agency = getTestAgency(input.agency);
        const amounts = (kinds: string[]) =>
          sum(result.lines.filter((line) => kinds.includes(line.kind)).map((line) => line.amountCents));
        expect(result.laborCents).toBe(amounts(["labor"]));
        expect(result.vehicleCents).toBe(amounts(["vehicle", "mileage"]));
        expect(result.adminFeeCents).toBe(amounts(["admin_fee"]));
        expect(result.totalCents).toBe(result.laborCents + result.vehicleCents + result.adminFeeCents);
        expect(result.totalCents).toBeGreaterThanOrEqual(0);
        for (const line of result.lines) {
          expect(Number.isSafeInteger(line.amountCents) && line.amountCents > 0).toBe(true);
          if (line.kind !== "mileage") {
            expect(line.amountCents).toBe(roundHalfUp(line.unitCents * line.minutes, 60));
          }
        }
        const billed = result.billedMinutesPerPosition;
        expect(billed).toHaveLength(input.officers);
        input.worked.forEach((record, index) => {
          const minutes = billed[index] ?? -1;
          if (record.checkIn === null) expect(minutes).toBe(0);
          else expect(minutes >= agency.minimumMinutes && minutes <= 1440).toBe(true);
        });
        const laborMinutes = sum(
          result.lines.flatMap((line) => (line.kind === "labor" ? [line.minutes] : [])),
        );
        expect(laborMinutes).toBe(sum(billed));
        if (agency.adminFeeCentsPerOfficerHour > 0 && sum(billed) > 0) {
          expect(result.lines.at(-1)).toMatchObject({ kind: "admin_fee", minutes: sum(billed) });
        }
        if (sum(billed) === 0) expect(result.lines).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("a shift worked exactly as scheduled bills what the quote said", () => {
    fc.assert(
      fc.property(invoiceArbitrary, (input) => {
        const scheduled = {
          ...input,
          worked: input.worked.map((record) => ({ ...record, checkIn: input.start, checkOut: input.end })),
        };
        const quote = quoteRequest(QuoteRequestSchema.parse(input), getTestAgency(input.agency));
        const result = price(scheduled);
        expect(result.lines).toEqual(quote.lines);
        expect(result.totalCents).toBe(quote.totalCents);
        expect(result.billedMinutesPerPosition).toEqual(
          Array.from({ length: input.officers }, () => quote.billableMinutesPerPosition),
        );
      }),
      { numRuns: 200 },
    );
  });

  it("an unworked position adds nothing: a last no-show bills like the request without it", () => {
    fc.assert(
      fc.property(invoiceArbitrary, (input) => {
        const agency = getTestAgency(input.agency);
        const fewer = input.officers - 1;
        // Comparable only when dropping the last position leaves every other rank and car unchanged.
        fc.pre(fewer >= 1 && (input.vehicles ?? 0) <= fewer);
        const ranks = listPositionRanks(input.officers, agency);
        fc.pre(listPositionRanks(fewer, agency).every((rank, index) => rank === ranks[index]));
        const last = input.worked.at(-1);
        const withNoShow = {
          ...input,
          worked: [
            ...input.worked.slice(0, -1),
            { rank: last?.rank ?? "officer", checkIn: null, checkOut: null },
          ],
        };
        const without = { ...input, officers: fewer, worked: input.worked.slice(0, -1) };
        const result = price(withNoShow);
        const expected = price(without);
        expect(result.lines).toEqual(expected.lines);
        expect(result.totalCents).toBe(expected.totalCents);
        expect(result.billedMinutesPerPosition).toEqual([...expected.billedMinutesPerPosition, 0]);
      }),
      { numRuns: 200 },
    );
  });

  it("a no-show never raises labor or the admin fee", () => {
    fc.assert(
      fc.property(invoiceArbitrary, fc.nat(), (input, pick) => {
        const index = pick % input.officers;
        const record = input.worked[index];
        fc.pre(record !== undefined && record.checkIn !== null);
        const noShow = input.worked.map((r, i) =>
          i === index ? { ...r, checkIn: null, checkOut: null } : r,
        );
        const before = price(input);
        const after = price({ ...input, worked: noShow });
        expect(after.laborCents).toBeLessThanOrEqual(before.laborCents);
        expect(after.adminFeeCents).toBeLessThanOrEqual(before.adminFeeCents);
        expect(sum(after.billedMinutesPerPosition)).toBe(
          sum(before.billedMinutesPerPosition) - (before.billedMinutesPerPosition[index] ?? 0),
        );
      }),
      { numRuns: 200 },
    );
  });
});
