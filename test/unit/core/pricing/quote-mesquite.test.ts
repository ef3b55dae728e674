import { describe, expect, it } from "vitest";
import { quoteRequest } from "../../../../core/pricing/index.ts";
import type { QuoteRequestInput } from "../../../../core/requests/index.ts";
import { describeLines } from "../../../builders/describe-lines.ts";
import { getTestAgency, makeQuoteRequest } from "../../../builders/quote-request.ts";

const mesquite = getTestAgency("mesquite-tx-pd");
const MESQUITE_ADDRESS = { line1: "1515 N Galloway Ave", city: "Mesquite", state: "TX" };
const DALLAS_ADDRESS = { line1: "1500 Marilla St", city: "Dallas", state: "TX" };

function quote(overrides: Partial<QuoteRequestInput>) {
  return quoteRequest(
    makeQuoteRequest({
      agency: "mesquite-tx-pd",
      start: "2026-03-10T18:00:00-05:00",
      end: "2026-03-10T21:00:00-05:00",
      officers: 1,
      ...overrides,
    }),
    mesquite,
  );
}

describe("Mesquite quotes", () => {
  it("prices an officer without a car at $55.00/h and with one at $55.00 + $15.00 vehicle-hour", () => {
    expect(describeLines(quote({}).lines)).toEqual(["labor officer regular 180m × 5500 = 16500"]);
    const withCar = quote({ vehicles: 1, address: MESQUITE_ADDRESS });
    expect(describeLines(withCar.lines)).toEqual([
      "labor officer regular 180m × 5500 = 16500",
      "vehicle 180m × 1500 = 4500",
    ]);
    expect(withCar.totalCents).toBe(7000 * 3); // the published $70.00 per hour with a car
  });

  it("honours the 2-hour minimum with no vehicle extension", () => {
    const result = quote({ end: "2026-03-10T18:30:00-05:00", vehicles: 1 });
    expect(result.billableMinutesPerPosition).toBe(120);
  });

  it("has no holidays, emergency rate, admin fee or lead-time rule", () => {
    const result = quote({
      start: "2026-12-25T10:00:00-06:00",
      end: "2026-12-25T13:00:00-06:00",
      requestedAt: "2026-12-25T09:00:00-06:00",
      category: "critical_need",
    });
    expect(describeLines(result.lines)).toEqual(["labor officer regular 180m × 5500 = 16500"]);
    expect(result.screening.decision).toBe("allow");
  });

  it("allows a request without vehicles wherever it is", () => {
    expect(quote({ address: DALLAS_ADDRESS }).screening).toEqual({
      decision: "allow",
      approver: null,
      reasons: [],
    });
  });

  it.each([
    ["no address yet", undefined],
    ["Mesquite", MESQUITE_ADDRESS],
    ["mesquite, padded and lower case", { ...MESQUITE_ADDRESS, city: "  mesquite " }],
    ["MESQUITE", { ...MESQUITE_ADDRESS, city: "MESQUITE" }],
  ])("asks a supervisor to approve a police car (%s)", (_label, address) => {
    const result = quote({ vehicles: 2, officers: 2, address });
    expect(result.screening).toEqual({
      decision: "needs_approval",
      approver: "supervisor",
      reasons: [
        {
          code: "vehicle_requires_approval",
          decision: "needs_approval",
          approver: "supervisor",
          message: "The request includes a police car. This needs approval from a police supervisor.",
        },
      ],
    });
  });

  it("rejects a police car outside the city and offers to continue without one", () => {
    const result = quote({ vehicles: 1, address: DALLAS_ADDRESS });
    expect(result.screening.decision).toBe("reject");
    expect(result.screening.approver).toBeNull();
    expect(result.screening.reasons).toEqual([
      expect.objectContaining({
        code: "vehicle_requires_approval",
        decision: "needs_approval",
        approver: "supervisor",
      }),
      {
        code: "vehicle_outside_city",
        decision: "reject",
        approver: null,
        message:
          "Police cars can only be used for jobs inside the city of Mesquite, and this address is in Dallas. We can continue without a police car if you like.",
      },
    ]);
    const spanish = quote({ vehicles: 1, address: DALLAS_ADDRESS, language: "es" }).screening.reasons[1]
      ?.message;
    expect(spanish).toContain("podemos continuar sin patrulla");
  });
});
