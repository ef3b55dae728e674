import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadAgencies } from "../../../../agencies/load-agencies.ts";
import { type AgencyConfig, CATEGORIES, type Category, RANKS, type Rank } from "../../../../core/agencies/index.ts";
import { payShift, type ShiftToPay } from "../../../../core/payroll/index.ts";
import { getRateCents, priceWorkedHours } from "../../../../core/pricing/index.ts";
import { createInvoiceRequestSchema } from "../../../../core/requests/index.ts";
import { getTestAgency } from "../../../builders/quote-request.ts";

const tucson = getTestAgency("tucson-az-pd");
const rockport = getTestAgency("rockport-tx-pd");
const mesquite = getTestAgency("mesquite-tx-pd");
const at = (iso: string) => Date.parse(iso);
const schema = createInvoiceRequestSchema(loadAgencies());

/** policy.md's worked example: Tucson, Christmas Eve 8 PM to 1 AM, a vehicle, booked Dec 1. */
function christmasEve(checkIn: string | null, checkOut: string | null, rank: Rank = "officer"): ShiftToPay {
  return {
    rank,
    category: "regular",
    startMs: at("2026-12-24T20:00:00-07:00"),
    endMs: at("2026-12-25T01:00:00-07:00"),
    vehicles: 1,
    requestedAtMs: at("2026-12-01T09:00:00-07:00"),
    checkInMs: checkIn === null ? null : at(checkIn),
    checkOutMs: checkOut === null ? null : at(checkOut),
  };
}

const withPayRates = (agency: AgencyConfig, payRates: AgencyConfig["payroll"]["payRates"]): AgencyConfig => ({
  ...agency,
  payroll: { ...agency.payroll, payRates },
});

describe("pay per shift", () => {
  it("pays policy.md's officer 1 the invoice's 350 holiday minutes at the bill rate, no vehicle or admin fee", () => {
    expect(payShift(tucson, christmasEve("2026-12-24T19:50:00-07:00", "2026-12-25T01:20:00-07:00"))).toEqual({
      minutes: { regular: 0, holiday: 350, emergency: 0 },
      lines: [{ kind: "labor", rank: "officer", rateKind: "holiday", minutes: 350, unitCents: 9617, amountCents: 56099 }],
      amountCents: 56099,
    });
  });

  it("pays the sergeant at the sergeant's rate, and a no-show nothing", () => {
    expect(payShift(tucson, christmasEve("2026-12-24T20:00:00-07:00", "2026-12-25T01:00:00-07:00", "sergeant")).amountCents).toBe(59791);
    expect(payShift(tucson, christmasEve(null, null))).toEqual({ minutes: { regular: 0, holiday: 0, emergency: 0 }, lines: [], amountCents: 0 });
  });

  it("pays a forgotten check-out to the scheduled end plus the extension, as billed", () => {
    expect(payShift(tucson, christmasEve("2026-12-24T20:00:00-07:00", null)).minutes.holiday).toBe(330);
  });

  it("splits a shift over midnight into a holiday day: Rockport, Dec 23 8 PM to Dec 24 2 AM", () => {
    const pay = payShift(rockport, {
      rank: "officer",
      category: "regular",
      startMs: at("2031-12-23T20:00:00-06:00"),
      endMs: at("2031-12-24T02:00:00-06:00"),
      vehicles: 0,
      requestedAtMs: null,
      checkInMs: at("2031-12-23T20:00:00-06:00"),
      checkOutMs: at("2031-12-24T02:00:00-06:00"),
    });
    // 240 min × $56.50 = $226.00; 120 min × $67.80 = $135.60.
    expect(pay.minutes).toEqual({ regular: 240, holiday: 120, emergency: 0 });
    expect(pay.amountCents).toBe(22600 + 13560);
  });

  it("pays the emergency rate when the request came in late (Tucson, under 48 hours)", () => {
    const pay = payShift(tucson, {
      ...christmasEve("2031-03-12T18:00:00-07:00", "2031-03-12T22:00:00-07:00"),
      startMs: at("2031-03-12T18:00:00-07:00"),
      endMs: at("2031-03-12T22:00:00-07:00"),
      vehicles: 0,
      requestedAtMs: at("2031-03-12T09:00:00-07:00"),
    });
    expect(pay.lines).toEqual([{ kind: "labor", rank: "officer", rateKind: "emergency", minutes: 240, unitCents: 9617, amountCents: 38468 }]);
  });

  it("pays the agency's pay rate per rank and rate kind where it sets one, same minutes", () => {
    const paying = withPayRates(tucson, {
      officer: { regular: 4000, holiday: 6000, emergency: 6000 },
      sergeant: { regular: 4500, holiday: 6500, emergency: 6500 },
      commander: { regular: 5000, holiday: 7000, emergency: 7000 },
    });
    const pay = payShift(paying, christmasEve("2026-12-24T19:50:00-07:00", "2026-12-25T01:20:00-07:00"));
    expect(pay.lines).toEqual([{ kind: "labor", rank: "officer", rateKind: "holiday", minutes: 350, unitCents: 6000, amountCents: 35000 }]);
    expect(pay.minutes).toEqual({ regular: 0, holiday: 350, emergency: 0 });
  });

  it("Mesquite pays the minimum of 2 hours for a short stay", () => {
    const pay = payShift(mesquite, {
      rank: "officer",
      category: "regular",
      startMs: at("2031-05-01T10:00:00-05:00"),
      endMs: at("2031-05-01T14:00:00-05:00"),
      vehicles: 0,
      requestedAtMs: at("2031-04-01T10:00:00-05:00"),
      checkInMs: at("2031-05-01T10:00:00-05:00"),
      checkOutMs: at("2031-05-01T10:45:00-05:00"),
    });
    expect(pay).toMatchObject({ minutes: { regular: 120, holiday: 0, emergency: 0 }, amountCents: 11000 });
  });
});

describe("pay per shift properties", () => {
  const AGENCY_IDS = ["rockport-tx-pd", "tucson-az-pd", "mesquite-tx-pd"] as const;
  const shiftArbitrary = fc
    .record({
      agency: fc.constantFrom(...AGENCY_IDS),
      startMs: fc.integer({ min: Date.UTC(2030, 0, 1), max: Date.UTC(2033, 11, 31) }),
      durationSeconds: fc.integer({ min: 1, max: 20 * 3600 }),
      vehicles: fc.integer({ min: 0, max: 1 }),
      category: fc.constantFrom(...CATEGORIES),
      rankSeed: fc.nat(),
      leadMinutes: fc.option(fc.integer({ min: -1440, max: 10 * 1440 }), { nil: null }),
      checkInSeconds: fc.option(fc.integer({ min: -3600, max: 6 * 3600 }), { nil: null }),
      stayedSeconds: fc.option(fc.integer({ min: 0, max: 20 * 3600 }), { nil: null }),
    })
    .map((r) => {
      const agency = getTestAgency(r.agency);
      const checkInMs = r.checkInSeconds === null ? null : r.startMs + r.checkInSeconds * 1000;
      const shift: ShiftToPay = {
        rank: agency.ranks[r.rankSeed % agency.ranks.length] ?? "officer",
        category: r.category as Category,
        startMs: r.startMs,
        endMs: r.startMs + r.durationSeconds * 1000,
        vehicles: r.vehicles,
        requestedAtMs: r.leadMinutes === null ? null : r.startMs - r.leadMinutes * 60_000,
        checkInMs,
        checkOutMs: checkInMs === null || r.stayedSeconds === null ? null : checkInMs + r.stayedSeconds * 1000,
      };
      return { agency, shift };
    });

  /** The labor the customer is billed for this one position: a one-position invoice of it. */
  function billedLabor(agency: AgencyConfig, shift: ShiftToPay): number {
    const iso = (ms: number) => new Date(ms).toISOString();
    const request = schema.safeParse({
      agency: agency.id,
      start: iso(shift.startMs),
      end: iso(shift.endMs),
      requestedAt: shift.requestedAtMs === null ? undefined : iso(shift.requestedAtMs),
      officers: 1,
      vehicles: shift.vehicles,
      category: shift.category,
      // The position's rank is whatever the shift says: invoice ranks follow the quote's order,
      // so the comparison is made on a one-officer request and the rank only sets the rate.
      worked: [{ rank: "officer", checkIn: shift.checkInMs === null ? null : iso(shift.checkInMs), checkOut: shift.checkOutMs === null ? null : iso(shift.checkOutMs) }],
    });
    if (!request.success) return Number.NaN;
    return priceWorkedHours(request.data, agency).laborCents;
  }

  it("at bill rate an officer earns exactly the labor the customer is billed for the same minutes", () => {
    fc.assert(
      fc.property(shiftArbitrary, ({ agency, shift }) => {
        const billed = billedLabor(agency, { ...shift, rank: "officer" });
        fc.pre(!Number.isNaN(billed));
        expect(payShift(agency, { ...shift, rank: "officer" }).amountCents).toBe(billed);
      }),
      { numRuns: 300 },
    );
  });

  it("with pay rates at or below the bill rates, pay never exceeds the billed labor, over the same minutes", () => {
    fc.assert(
      fc.property(shiftArbitrary, fc.double({ min: 0, max: 1, noNaN: true }), ({ agency, shift }, factor) => {
        const payRates = Object.fromEntries(
          agency.ranks.map((rank) => {
            const lowest = (kind: "regular" | "holiday" | "emergency") =>
              Math.min(...CATEGORIES.map((category) => {
                const rates = getRateCents(agency, category, rank);
                return rates[kind] ?? rates.regular;
              }));
            return [rank, { regular: Math.floor(lowest("regular") * factor), holiday: Math.floor(lowest("holiday") * factor), emergency: Math.floor(lowest("emergency") * factor) }];
          }),
        );
        const paying = withPayRates(agency, payRates);
        const atBill = payShift(agency, shift);
        const atPay = payShift(paying, shift);
        expect(atPay.amountCents).toBeLessThanOrEqual(atBill.amountCents);
        expect(atPay.minutes).toEqual(atBill.minutes);
        for (const line of atPay.lines) expect(line.unitCents).toBe(payRates[line.rank]?.[line.rateKind]);
      }),
      { numRuns: 300 },
    );
  });

  it("a no-show earns nothing, whatever the rates", () => {
    fc.assert(
      fc.property(shiftArbitrary, ({ agency, shift }) => {
        const pay = payShift(agency, { ...shift, checkInMs: null, checkOutMs: null });
        expect(pay.amountCents).toBe(0);
        expect(pay.lines).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it("a worked shift is paid at least the agency minimum, lines rounded once, amount the sum of lines", () => {
    fc.assert(
      fc.property(shiftArbitrary, ({ agency, shift }) => {
        fc.pre(shift.checkInMs !== null && RANKS.includes(shift.rank));
        const pay = payShift(agency, shift);
        const minutes = pay.minutes.regular + pay.minutes.holiday + pay.minutes.emergency;
        expect(minutes).toBeGreaterThanOrEqual(agency.minimumMinutes);
        expect(pay.amountCents).toBe(pay.lines.reduce((sum, line) => sum + line.amountCents, 0));
      }),
      { numRuns: 200 },
    );
  });
});
