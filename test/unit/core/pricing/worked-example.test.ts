import { describe, expect, it } from "vitest";
import { quoteRequest } from "../../../../core/pricing/index.ts";
import { QuoteRequestSchema } from "../../../../core/requests/index.ts";
import { getTestAgency } from "../../../builders/quote-request.ts";

// The request and quote of policy.md's "Quote contract", verbatim.
const REQUEST = {
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
};

describe("policy.md worked example", () => {
  it("quotes 297215 cents with exactly the published lines", () => {
    const quote = quoteRequest(QuoteRequestSchema.parse(REQUEST), getTestAgency("tucson-az-pd"));
    expect(quote).toEqual({
      agency: "tucson-az-pd",
      currency: "USD",
      positions: { officer: 4, sergeant: 1, commander: 0 },
      billableMinutesPerPosition: 330,
      lines: [
        {
          kind: "labor",
          rank: "officer",
          rateKind: "holiday",
          minutes: 1320,
          unitCents: 9617,
          amountCents: 211574,
        },
        {
          kind: "labor",
          rank: "sergeant",
          rateKind: "holiday",
          minutes: 330,
          unitCents: 10871,
          amountCents: 59791,
        },
        { kind: "vehicle", minutes: 330, unitCents: 1500, amountCents: 8250 },
        { kind: "admin_fee", minutes: 1650, unitCents: 640, amountCents: 17600 },
      ],
      laborCents: 271365,
      vehicleCents: 8250,
      adminFeeCents: 17600,
      totalCents: 297215,
      screening: { decision: "allow", approver: null, reasons: [] },
    });
  });

  it("serialises with the contract's field names in the contract's order", () => {
    const quote = quoteRequest(QuoteRequestSchema.parse(REQUEST), getTestAgency("tucson-az-pd"));
    const json = JSON.parse(JSON.stringify(quote)) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      "agency",
      "currency",
      "positions",
      "billableMinutesPerPosition",
      "lines",
      "laborCents",
      "vehicleCents",
      "adminFeeCents",
      "totalCents",
      "screening",
    ]);
    expect(Object.keys((json.lines as object[])[0] ?? {})).toEqual([
      "kind",
      "rank",
      "rateKind",
      "minutes",
      "unitCents",
      "amountCents",
    ]);
  });
});
