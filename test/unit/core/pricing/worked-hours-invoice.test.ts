import { describe, expect, it } from "vitest";
import { loadAgencies } from "../../../../agencies/load-agencies.ts";
import { priceWorkedHours, quoteRequest } from "../../../../core/pricing/index.ts";
import {
  createInvoiceRequestSchema,
  type InvoiceRequestInput,
  InvoiceRequestSchema,
  measureWorkedInterval,
  QuoteRequestSchema,
  type WorkedPosition,
} from "../../../../core/requests/index.ts";
import { describeLines } from "../../../builders/describe-lines.ts";
import { getTestAgency } from "../../../builders/quote-request.ts";

const tucson = getTestAgency("tucson-az-pd");
const rockport = getTestAgency("rockport-tx-pd");
const schema = createInvoiceRequestSchema(loadAgencies());

/** Validates like the CLI (against the agency) and prices. */
function invoice(input: InvoiceRequestInput) {
  const request = schema.parse(input);
  return priceWorkedHours(request, getTestAgency(request.agency));
}

const worked = (checkIn: string | null, checkOut: string | null = null, rank = "officer") =>
  ({ rank, checkIn, checkOut }) as WorkedPosition;
const NO_SHOW = worked(null);

// policy.md "Invoice contract (worked hours)": the quote example, worked. Verbatim times.
const QUOTE_EXAMPLE = {
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
} as const;
const POLICY_WORKED: WorkedPosition[] = [
  worked("2026-12-24T19:50:00-07:00", "2026-12-25T01:20:00-07:00"),
  worked("2026-12-24T20:10:00-07:00", "2026-12-25T00:30:00-07:00"),
  worked("2026-12-24T20:00:00-07:00", "2026-12-25T01:00:00-07:00"),
  NO_SHOW,
  worked("2026-12-24T20:00:00-07:00", "2026-12-25T01:00:00-07:00", "sergeant"),
];

describe("policy.md invoice worked example", () => {
  it("bills [350, 290, 330, 0, 330] minutes and 237883 cents with exactly the published lines", () => {
    expect(invoice({ ...QUOTE_EXAMPLE, worked: POLICY_WORKED })).toEqual({
      lines: [
        {
          kind: "labor",
          rank: "officer",
          rateKind: "holiday",
          minutes: 970,
          unitCents: 9617,
          amountCents: 155475,
        },
        {
          kind: "labor",
          rank: "sergeant",
          rateKind: "holiday",
          minutes: 330,
          unitCents: 10871,
          amountCents: 59791,
        },
        { kind: "vehicle", minutes: 350, unitCents: 1500, amountCents: 8750 },
        { kind: "admin_fee", minutes: 1300, unitCents: 640, amountCents: 13867 },
      ],
      laborCents: 155475 + 59791,
      vehicleCents: 8750,
      adminFeeCents: 13867,
      totalCents: 237883,
      billedMinutesPerPosition: [350, 290, 330, 0, 330],
    });
  });

  it.each([
    // officer 1: from 20:00 (arrived 19:50), to 01:20 + 30 = 01:50
    [0, "2026-12-24T20:00:00-07:00", "2026-12-25T01:50:00-07:00", 350],
    // officer 2: from 20:10, to 00:30 + 30 = 01:00
    [1, "2026-12-24T20:10:00-07:00", "2026-12-25T01:00:00-07:00", 290],
    [2, "2026-12-24T20:00:00-07:00", "2026-12-25T01:30:00-07:00", 330],
  ])("position %i is billed from %s to %s (%i minutes)", (index, from, to, minutes) => {
    const record = POLICY_WORKED[index] as WorkedPosition;
    const interval = measureWorkedInterval(tucson, {
      startMs: Date.parse(QUOTE_EXAMPLE.start),
      endMs: Date.parse(QUOTE_EXAMPLE.end),
      vehicles: 1,
      checkInMs: Date.parse(record.checkIn as string),
      checkOutMs: Date.parse(record.checkOut as string),
    });
    expect(interval).toEqual({ fromMs: Date.parse(from), toMs: Date.parse(to), minutes });
  });
});

// Tucson, 2 officers on a plain Tuesday 2026-03-10 18:00–22:00 (-07:00), requested two weeks ahead.
const at = (time: string, day = "2026-03-10") => `${day}T${time}-07:00`;
const TUESDAY = {
  agency: "tucson-az-pd",
  requestedAt: "2026-02-24T09:00:00-07:00",
  start: at("18:00:00"),
  end: at("22:00:00"),
  officers: 2,
} as const;

describe("worked positions: billed interval per position (Tucson, 18:00–22:00, 3-hour minimum)", () => {
  it.each([
    ["as scheduled", worked(at("18:00:00"), at("22:00:00")), 240],
    ["no check-out = left at the scheduled end", worked(at("18:00:00")), 240],
    ["arrived early: billed from start", worked(at("17:30:00"), at("22:00:00")), 240],
    ["arrived late: billed from check-in", worked(at("18:30:00"), at("22:00:00")), 210],
    ["held over past end: billed to check-out", worked(at("18:00:00"), at("23:15:00")), 315],
    ["left early: the minimum", worked(at("18:00:00"), at("19:00:00")), 180],
    ["checked out at check-in: the minimum", worked(at("19:00:00"), at("19:00:00")), 180],
    ["arrived 21:30, no check-out: minimum from arrival", worked(at("21:30:00")), 180],
    ["in and out before start: the minimum from start", worked(at("16:00:00"), at("17:00:00")), 180],
    ["a started minute is billed (late by 30 s)", worked(at("18:00:30"), at("22:00:00")), 240],
    ["a started minute is billed (out 1 s late)", worked(at("18:00:00"), at("22:00:01")), 241],
    ["worked over midnight", worked(at("18:00:00"), at("01:00:00", "2026-03-11")), 420],
  ])("%s", (_name, record, minutes) => {
    const result = invoice({ ...TUESDAY, worked: [record, NO_SHOW] });
    expect(result.billedMinutesPerPosition).toEqual([minutes, 0]);
    expect(describeLines(result.lines)).toEqual([
      `labor officer regular ${minutes}m × 6411 = ${Math.round((6411 * minutes) / 60)}`,
      `admin_fee ${minutes}m × 640 = ${Math.round((640 * minutes) / 60)}`,
    ]);
  });

  it("bills nothing for positions nobody checked in to: no lines, all totals 0", () => {
    expect(invoice({ ...TUESDAY, vehicles: 2, worked: [NO_SHOW, NO_SHOW] })).toEqual({
      lines: [],
      laborCents: 0,
      vehicleCents: 0,
      adminFeeCents: 0,
      totalCents: 0,
      billedMinutesPerPosition: [0, 0],
    });
  });

  it("a no-show adds no labor, no admin fee: half the fully worked shift", () => {
    const full = invoice({ ...TUESDAY, worked: [worked(at("18:00:00")), worked(at("18:00:00"))] });
    const half = invoice({ ...TUESDAY, worked: [worked(at("18:00:00")), NO_SHOW] });
    expect(describeLines(full.lines)).toEqual([
      "labor officer regular 480m × 6411 = 51288",
      "admin_fee 480m × 640 = 5120",
    ]);
    expect(full.totalCents).toBe(56408);
    expect(half.totalCents).toBe(25644 + 2560);
  });
});

describe("vehicles and the vehicle extension", () => {
  const withCar = { ...TUESDAY, vehicles: 1 };
  it.each([
    [
      "both as scheduled: +30 min each, the car with position 1",
      [worked(at("18:00:00")), worked(at("18:00:00"))],
      [270, 270],
      [
        "labor officer regular 540m × 6411 = 57699",
        "vehicle 270m × 1500 = 6750",
        "admin_fee 540m × 640 = 5760",
      ],
    ],
    [
      "position 1 a no-show: the car comes with the first worked position",
      [NO_SHOW, worked(at("18:00:00"))],
      [0, 270],
      [
        "labor officer regular 270m × 6411 = 28850",
        "vehicle 270m × 1500 = 6750",
        "admin_fee 270m × 640 = 2880",
      ],
    ],
    [
      "the car's officer held over to 23:00: the car too, to 23:30",
      [worked(at("18:00:00"), at("23:00:00")), worked(at("18:00:00"))],
      [330, 270],
      [
        "labor officer regular 600m × 6411 = 64110",
        "vehicle 330m × 1500 = 8250",
        "admin_fee 600m × 640 = 6400",
      ],
    ],
    [
      "left at 19:00: 19:30 is under the minimum, billed 180",
      [worked(at("18:00:00"), at("19:00:00")), NO_SHOW],
      [180, 0],
      [
        "labor officer regular 180m × 6411 = 19233",
        "vehicle 180m × 1500 = 4500",
        "admin_fee 180m × 640 = 1920",
      ],
    ],
  ])("%s", (_name, records, billed, lines) => {
    const result = invoice({ ...withCar, worked: records });
    expect(result.billedMinutesPerPosition).toEqual(billed);
    expect(describeLines(result.lines)).toEqual(lines);
  });

  it("bills no more vehicles than worked positions", () => {
    const result = invoice({ ...TUESDAY, vehicles: 2, worked: [worked(at("18:00:00")), NO_SHOW] });
    expect(describeLines(result.lines)).toContain("vehicle 270m × 1500 = 6750");
  });

  // Rockport: 3 officers, 2 cars moving 12.5 miles each, 22:00 Nov 26 – 03:00 Nov 27 (both holidays).
  const rockportNight = {
    agency: "rockport-tx-pd",
    start: "2026-11-26T22:00:00-06:00",
    end: "2026-11-27T03:00:00-06:00",
    officers: 3,
    vehicles: 2,
    vehicleMiles: 12.5,
  } as const;
  const onTime = worked("2026-11-26T22:00:00-06:00");

  it("charges mileage per billed vehicle, carried by the first worked positions (Rockport)", () => {
    const oneMissing = invoice({ ...rockportNight, worked: [NO_SHOW, onTime, onTime] });
    expect(oneMissing.billedMinutesPerPosition).toEqual([0, 300, 300]);
    expect(describeLines(oneMissing.lines)).toEqual([
      "labor officer holiday 600m × 6780 = 67800",
      "vehicle 600m × 1839 = 18390",
      "mileage 25mi × 63 = 1575",
    ]);
    const twoMissing = invoice({ ...rockportNight, worked: [NO_SHOW, NO_SHOW, onTime] });
    expect(describeLines(twoMissing.lines)).toEqual([
      "labor officer holiday 300m × 6780 = 33900",
      "vehicle 300m × 1839 = 9195",
      "mileage 12.5mi × 63 = 788", // 787.5 rounded half up
    ]);
    expect(twoMissing.totalCents).toBe(33900 + 9195 + 788);
  });
});

describe("rate of each minute, as in a quote", () => {
  const christmasEveEve = {
    agency: "tucson-az-pd",
    requestedAt: "2026-12-01T09:00:00-07:00",
    start: "2026-12-23T22:00:00-07:00",
    end: "2026-12-24T02:00:00-07:00",
    officers: 1,
  } as const;

  it.each([
    [
      "as scheduled: 2 h before midnight, 2 h on Christmas Eve",
      worked("2026-12-23T22:00:00-07:00"),
      ["labor officer regular 120m × 6411 = 12822", "labor officer holiday 120m × 9617 = 19234"],
    ],
    [
      "a hold-over to 03:00 is billed at the holiday rate",
      worked("2026-12-23T22:00:00-07:00", "2026-12-24T03:00:00-07:00"),
      ["labor officer regular 120m × 6411 = 12822", "labor officer holiday 180m × 9617 = 28851"],
    ],
    [
      "arrived 23:30: the 3-hour minimum from arrival, to 02:30",
      worked("2026-12-23T23:30:00-07:00"),
      [
        "labor officer regular 30m × 6411 = 3206", // 3205.5 rounded half up
        "labor officer holiday 150m × 9617 = 24043", // 24042.5
      ],
    ],
  ])("%s", (_name, record, labor) => {
    const result = invoice({ ...christmasEveEve, worked: [record] });
    expect(describeLines(result.lines.filter((line) => line.kind === "labor"))).toEqual(labor);
  });

  it("rates minutes by their own start: a late arrival's minimum runs into the holiday (Rockport)", () => {
    const result = invoice({
      agency: "rockport-tx-pd",
      start: "2026-11-25T22:00:00-06:00",
      end: "2026-11-26T01:00:00-06:00",
      officers: 1,
      worked: [worked("2026-11-25T23:30:00-06:00")],
    });
    expect(result.billedMinutesPerPosition).toEqual([120]); // 23:30 + 2 h minimum = 01:30
    expect(describeLines(result.lines)).toEqual([
      "labor officer regular 30m × 5650 = 2825",
      "labor officer holiday 90m × 6780 = 10170",
    ]);
  });

  it("applies emergency rates from the request's lead time (requested 24 h ahead)", () => {
    const result = invoice({
      ...TUESDAY,
      requestedAt: at("18:00:00", "2026-03-09"),
      worked: [worked(at("18:00:00"), at("19:00:00")), worked(at("18:00:00"), at("19:00:00"))],
    });
    expect(describeLines(result.lines)).toEqual([
      "labor officer emergency 360m × 9617 = 57702",
      "admin_fee 360m × 640 = 3840",
    ]);
    expect(result.totalCents).toBe(61542);
  });

  it("prices each rank at its own rate: a commander's holiday beats emergency (critical need)", () => {
    const records = Array.from({ length: 16 }, () => NO_SHOW);
    records[14] = worked(null, null, "sergeant"); // a no-show still names its position's rank
    records[15] = worked("2026-12-25T10:00:00-07:00", null, "commander");
    const result = invoice({
      agency: "tucson-az-pd",
      requestedAt: "2026-12-24T10:00:00-07:00",
      start: "2026-12-25T10:00:00-07:00",
      end: "2026-12-25T14:00:00-07:00",
      officers: 16,
      category: "critical_need",
      worked: records,
    });
    expect(describeLines(result.lines)).toEqual([
      "labor commander holiday 240m × 14260 = 57040",
      "admin_fee 240m × 640 = 2560",
    ]);
  });

  it("counts elapsed minutes across a daylight-saving change (Rockport, Nov 1 2026)", () => {
    const result = invoice({
      agency: "rockport-tx-pd",
      start: "2026-11-01T00:00:00-05:00",
      end: "2026-11-01T03:00:00-06:00",
      officers: 1,
      worked: [worked("2026-11-01T00:00:00-05:00")],
    });
    expect(result.billedMinutesPerPosition).toEqual([240]);
    expect(describeLines(result.lines)).toEqual(["labor officer regular 240m × 5650 = 22600"]);
  });

  it("bills the same as the quote when every position works exactly as scheduled", () => {
    const asScheduled = Array.from({ length: 5 }, (_, index) =>
      worked(QUOTE_EXAMPLE.start, QUOTE_EXAMPLE.end, index === 4 ? "sergeant" : "officer"),
    );
    const result = invoice({ ...QUOTE_EXAMPLE, worked: asScheduled });
    const quote = quoteRequest(QuoteRequestSchema.parse(QUOTE_EXAMPLE), tucson);
    expect(result.lines).toEqual(quote.lines);
    expect(result.totalCents).toBe(297215);
    expect(result.billedMinutesPerPosition).toEqual([330, 330, 330, 330, 330]);
  });
});

describe("priceWorkedHours guards", () => {
  it("throws when the request was not checked against its agency", () => {
    const wrongRank = InvoiceRequestSchema.parse({
      ...TUESDAY,
      worked: [worked(at("18:00:00"), null, "sergeant"), NO_SHOW],
    });
    expect(() => priceWorkedHours(wrongRank, tucson)).toThrow(/worked.0.rank: must be officer/);
    const tooLong = InvoiceRequestSchema.parse({
      ...TUESDAY,
      worked: [worked(at("18:00:00"), at("18:30:00", "2026-03-11")), NO_SHOW],
    });
    expect(() => priceWorkedHours(tooLong, tucson)).toThrow(/at most 24 hours/);
    expect(() =>
      priceWorkedHours(InvoiceRequestSchema.parse({ ...TUESDAY, worked: [NO_SHOW, NO_SHOW] }), rockport),
    ).toThrow(/request is for tucson-az-pd/);
  });

  it("accepts exactly 24 hours billed for a position", () => {
    const result = invoice({
      ...TUESDAY,
      worked: [worked(at("18:00:00"), at("18:00:00", "2026-03-11")), NO_SHOW],
    });
    expect(result.billedMinutesPerPosition).toEqual([1440, 0]);
  });
});
