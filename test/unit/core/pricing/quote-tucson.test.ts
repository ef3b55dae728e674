import { describe, expect, it } from "vitest";
import { quoteRequest } from "../../../../core/pricing/index.ts";
import type { QuoteRequestInput } from "../../../../core/requests/index.ts";
import { describeLines } from "../../../builders/describe-lines.ts";
import { getTestAgency, makeQuoteRequest } from "../../../builders/quote-request.ts";

// America/Phoenix is UTC−7 all year, so offsets can be written literally.
const tucson = getTestAgency("tucson-az-pd");
const PLAIN_DAY = { start: "2026-03-10T18:00:00-07:00", end: "2026-03-10T21:00:00-07:00" }; // 3 h, a Tuesday
const CHRISTMAS = { start: "2026-12-25T10:00:00-07:00", end: "2026-12-25T13:00:00-07:00" };
const HOUR_MS = 3_600_000;

function quote(overrides: Partial<QuoteRequestInput>) {
  return quoteRequest(makeQuoteRequest({ ...PLAIN_DAY, ...overrides }), tucson);
}

/** requestedAt `hours` (may be fractional) before `start`. */
function requestedBefore(start: string, hours: number): string {
  return new Date(Date.parse(start) - hours * HOUR_MS).toISOString();
}

describe("Tucson ranks", () => {
  it.each([
    [1, { officer: 1, sergeant: 0, commander: 0 }],
    [4, { officer: 4, sergeant: 0, commander: 0 }],
    [5, { officer: 4, sergeant: 1, commander: 0 }],
    [15, { officer: 14, sergeant: 1, commander: 0 }],
    [16, { officer: 14, sergeant: 1, commander: 1 }],
    [17, { officer: 15, sergeant: 1, commander: 1 }],
    [100, { officer: 98, sergeant: 1, commander: 1 }],
  ])("%i positions → %j", (officers, positions) => {
    expect(quote({ officers }).positions).toEqual(positions);
  });
});

describe("Tucson rate card (16 positions, 3 hours)", () => {
  const lines = (overrides: Partial<QuoteRequestInput>) =>
    describeLines(quote({ officers: 16, ...overrides }).lines.filter((line) => line.kind === "labor"));

  it.each([
    [
      "regular",
      [
        "labor officer regular 2520m × 6411 = 269262",
        "labor sergeant regular 180m × 7248 = 21744",
        "labor commander regular 180m × 8084 = 24252",
      ],
    ],
    [
      "major_event",
      [
        "labor officer regular 2520m × 7248 = 304416",
        "labor sergeant regular 180m × 8084 = 24252",
        "labor commander regular 180m × 8920 = 26760",
      ],
    ],
    [
      "critical_need",
      [
        "labor officer regular 2520m × 7805 = 327810",
        "labor sergeant regular 180m × 8641 = 25923",
        "labor commander regular 180m × 9478 = 28434",
      ],
    ],
  ] as const)("regular rates, %s column", (category, expected) => {
    expect(lines({ category })).toEqual(expected);
  });

  it.each([
    [
      "regular",
      [
        "labor officer holiday 2520m × 9617 = 403914",
        "labor sergeant holiday 180m × 10871 = 32613",
        "labor commander holiday 180m × 12126 = 36378",
      ],
    ],
    [
      "major_event",
      [
        "labor officer holiday 2520m × 10871 = 456582",
        "labor sergeant holiday 180m × 12126 = 36378",
        "labor commander holiday 180m × 13380 = 40140",
      ],
    ],
    [
      "critical_need",
      [
        "labor officer holiday 2520m × 11708 = 491736",
        "labor sergeant holiday 180m × 12962 = 38886",
        "labor commander holiday 180m × 14260 = 42780",
      ],
    ],
  ] as const)("holiday rates on Christmas Day, %s column", (category, expected) => {
    expect(lines({ category, ...CHRISTMAS })).toEqual(expected);
  });

  it.each([
    [
      "regular",
      [
        "labor officer emergency 2520m × 9617 = 403914",
        "labor sergeant emergency 180m × 10871 = 32613",
        "labor commander emergency 180m × 12126 = 36378",
      ],
    ],
    [
      "major_event",
      [
        "labor officer emergency 2520m × 10871 = 456582",
        "labor sergeant emergency 180m × 12126 = 36378",
        "labor commander emergency 180m × 13380 = 40140",
      ],
    ],
    [
      "critical_need",
      [
        "labor officer emergency 2520m × 11708 = 491736",
        "labor sergeant emergency 180m × 12962 = 38886",
        "labor commander emergency 180m × 14216 = 42648",
      ],
    ],
  ] as const)("emergency rates with 24 hours' notice, %s column", (category, expected) => {
    expect(lines({ category, requestedAt: requestedBefore(PLAIN_DAY.start, 24) })).toEqual(expected);
  });

  it("counts a minute that is both holiday and emergency as holiday when the rates tie", () => {
    const result = quote({ officers: 5, ...CHRISTMAS, requestedAt: requestedBefore(CHRISTMAS.start, 24) });
    expect(describeLines(result.lines)).toEqual([
      "labor officer holiday 720m × 9617 = 115404",
      "labor sergeant holiday 180m × 10871 = 32613",
      "admin_fee 900m × 640 = 9600",
    ]);
  });

  it("bills the commander's critical-need holiday at 142.60, above the 142.16 emergency rate", () => {
    // 22:00 Dec 23 → 02:00 Dec 24 with 24 h notice: 2 emergency hours, then 2 Christmas Eve hours.
    const result = quote({
      officers: 16,
      category: "critical_need",
      start: "2026-12-23T22:00:00-07:00",
      end: "2026-12-24T02:00:00-07:00",
      requestedAt: "2026-12-22T22:00:00-07:00",
    });
    expect(describeLines(result.lines)).toEqual([
      "labor officer holiday 1680m × 11708 = 327824",
      "labor officer emergency 1680m × 11708 = 327824",
      "labor sergeant holiday 120m × 12962 = 25924",
      "labor sergeant emergency 120m × 12962 = 25924",
      "labor commander holiday 120m × 14260 = 28520",
      "labor commander emergency 120m × 14216 = 28432",
      "admin_fee 3840m × 640 = 40960",
    ]);
    expect(result.totalCents).toBe(327824 * 2 + 25924 * 2 + 28520 + 28432 + 40960);
  });
});

describe("Tucson billable time", () => {
  it.each([
    [PLAIN_DAY.start, PLAIN_DAY.end, 0, 180],
    [PLAIN_DAY.start, PLAIN_DAY.end, 1, 210], // + 30-minute vehicle extension
    [PLAIN_DAY.start, "2026-03-10T20:00:00-07:00", 0, 180], // 2 h → 3 h minimum
    [PLAIN_DAY.start, "2026-03-10T20:00:00-07:00", 1, 180], // 2 h + 30 min → still the minimum
    [PLAIN_DAY.start, "2026-03-10T20:45:00-07:00", 1, 195],
    [PLAIN_DAY.start, "2026-03-11T18:00:00-07:00", 1, 1470], // 24 h + extension
  ])("%s → %s with %i vehicles bills %i minutes per position", (start, end, vehicles, minutes) => {
    expect(quote({ start, end, vehicles }).billableMinutesPerPosition).toBe(minutes);
  });

  it("bills vehicles over the extended interval and the admin fee over all officer-minutes", () => {
    const result = quote({ officers: 3, vehicles: 2, vehicleMiles: 40 });
    expect(describeLines(result.lines)).toEqual([
      "labor officer regular 630m × 6411 = 67316", // 67315.5 → 67316
      "vehicle 420m × 1500 = 10500",
      "admin_fee 630m × 640 = 6720",
    ]);
    expect(result.vehicleCents).toBe(10500); // no mileage rate: vehicleMiles ignored
  });
});

describe("Tucson lead time", () => {
  it.each([
    [80, "regular", "allow", []],
    [72, "regular", "allow", []], // exactly 72 h is not "under 72 hours"
    [72 - 1 / 60, "regular", "needs_approval", ["late_request"]],
    [48, "regular", "needs_approval", ["late_request"]], // exactly 48 h: no emergency rate
    [48 - 1 / 60, "emergency", "needs_approval", ["late_request"]],
    [1, "emergency", "needs_approval", ["late_request"]],
  ])("%d hours' notice → %s rate, %s %j", (hours, rateKind, decision, codes) => {
    const result = quote({ requestedAt: requestedBefore(PLAIN_DAY.start, hours) });
    expect(result.lines[0]).toMatchObject({ rank: "officer", rateKind });
    expect(result.screening.decision).toBe(decision);
    expect(result.screening.reasons.map((reason) => reason.code)).toEqual(codes);
  });

  it("asks a supervisor to approve a late request", () => {
    const result = quote({ requestedAt: requestedBefore(PLAIN_DAY.start, 50) });
    expect(result.screening).toEqual({
      decision: "needs_approval",
      approver: "supervisor",
      reasons: [
        {
          code: "late_request",
          decision: "needs_approval",
          approver: "supervisor",
          message:
            "The shift starts less than 72 hours after the request. This needs approval from a police supervisor.",
        },
      ],
    });
  });

  it("applies no lead-time rule without requestedAt", () => {
    const result = quote({ requestedAt: undefined });
    expect(result.lines[0]).toMatchObject({ rateKind: "regular" });
    expect(result.screening.decision).toBe("allow");
  });

  it.each([0, -5])(
    "rejects a start %i hours from the request with start_in_past alone, still priced at emergency rates",
    (hours) => {
      const result = quote({
        requestedAt: requestedBefore(PLAIN_DAY.start, hours),
        flags: { armedPrivateSecurity: true, alcoholPrincipalBusiness: true },
        vehicles: 1,
      });
      expect(result.screening.decision).toBe("reject");
      expect(result.screening.approver).toBeNull();
      expect(result.screening.reasons).toHaveLength(1);
      expect(result.screening.reasons[0]).toMatchObject({
        code: "start_in_past",
        decision: "reject",
        approver: null,
      });
      expect(describeLines(result.lines)).toEqual([
        "labor officer emergency 420m × 9617 = 67319",
        "vehicle 210m × 1500 = 5250",
        "admin_fee 420m × 640 = 4480",
      ]);
    },
  );
});

describe("Tucson prohibited work", () => {
  it.each([
    ["armedPrivateSecurity", "armed_private_security", "reject", null],
    ["civilLegalService", "civil_legal_service", "reject", null],
    ["bodyguardOrBouncer", "bodyguard_or_bouncer", "reject", null],
    ["alcoholPrincipalBusiness", "alcohol_principal_business", "needs_approval", "chief"],
  ] as const)("%s → %s (%s, approver %s)", (flag, code, decision, approver) => {
    const result = quote({ flags: { [flag]: true } });
    expect(result.screening.decision).toBe(decision);
    expect(result.screening.approver).toBe(approver);
    expect(result.screening.reasons).toEqual([{ code, decision, approver, message: expect.any(String) }]);
    expect(result.totalCents).toBeGreaterThan(0); // still priced
  });

  it("needs the chief when alcohol and a late request both need sign-off", () => {
    const result = quote({
      flags: { alcoholPrincipalBusiness: true },
      requestedAt: requestedBefore(PLAIN_DAY.start, 60),
    });
    expect(result.screening.decision).toBe("needs_approval");
    expect(result.screening.approver).toBe("chief");
    expect(result.screening.reasons.map((reason) => [reason.code, reason.approver])).toEqual([
      ["late_request", "supervisor"],
      ["alcohol_principal_business", "chief"],
    ]);
  });

  it("rejects when any reason rejects, with no approver, listing every reason", () => {
    const result = quote({ flags: { alcoholPrincipalBusiness: true, bodyguardOrBouncer: true } });
    expect(result.screening.decision).toBe("reject");
    expect(result.screening.approver).toBeNull();
    expect(result.screening.reasons.map((reason) => reason.code)).toEqual([
      "bodyguard_or_bouncer",
      "alcohol_principal_business",
    ]);
  });

  it("words reasons in the customer's language", () => {
    const english = quote({ flags: { alcoholPrincipalBusiness: true } }).screening.reasons[0]?.message;
    const spanish = quote({ flags: { alcoholPrincipalBusiness: true }, language: "es" }).screening.reasons[0]
      ?.message;
    expect(english).toBe(
      "Selling alcoholic beverages is the principal business at this location. This needs the express permission of the chief of police or their designee.",
    );
    expect(spanish).toBe(
      "La venta de bebidas alcohólicas es el negocio principal en este lugar. Esto requiere el permiso expreso del jefe de policía o de su designado.",
    );
  });
});
