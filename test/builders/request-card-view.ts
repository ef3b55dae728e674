import type { ApprovalView, RequestCardView } from "../../bots/slack/slack-views.ts";
import { type Quote, quoteRequest } from "../../core/pricing/index.ts";
import type { QuoteRequestInput } from "../../core/requests/index.ts";
import { getTestAgency, makeQuoteRequest, WORKED_EXAMPLE_REQUEST } from "./quote-request.ts";

/**
 * policy.md's worked example (Tucson, 5 officers on Christmas Eve 20:00–01:00, one vehicle),
 * requested on Dec 1: 4 officers + 1 sergeant at holiday rates, $2,972.15. `overrides` go on
 * the request, so `{ flags: { alcoholPrincipalBusiness: true } }` gives a chief sign-off.
 */
export const CARD_REQUEST: QuoteRequestInput = WORKED_EXAMPLE_REQUEST;

/** A real quote of the worked example, priced and screened by core/pricing. */
export function makeCardQuote(overrides: Partial<QuoteRequestInput> = {}): Quote {
  return quoteRequest(makeQuoteRequest({ ...CARD_REQUEST, ...overrides }), getTestAgency("tucson-az-pd"));
}

/** An undecided supervisor approval, with `overrides`. */
export function makeApproval(overrides: Partial<ApprovalView> = {}): ApprovalView {
  return {
    role: "supervisor",
    decision: "pending",
    decidedBy: null,
    decidedAt: null,
    reason: null,
    ...overrides,
  };
}

/** The approval card of request #1001 (the worked example) waiting for its supervisor, with `overrides`. */
export function makeRequestCardView(overrides: Partial<RequestCardView> = {}): RequestCardView {
  return {
    requestId: "req_01HZYX8J4N3Q",
    number: 1001,
    agencyName: "Tucson Police Department",
    timeZone: "America/Phoenix",
    status: "pending_approval",
    customer: {
      name: "Dana Whitfield",
      organization: "Rillito Holiday Market",
      contact: "+15205550123",
      channel: "sms",
    },
    start: new Date("2026-12-24T20:00:00-07:00"),
    end: new Date("2026-12-25T01:00:00-07:00"),
    requestedAt: new Date("2026-12-01T09:00:00-07:00"),
    address: { line1: "1 S Church Ave", city: "Tucson", state: "AZ" },
    eventType: "holiday market traffic control",
    vehicles: 1,
    vehicleMiles: 0,
    quote: makeCardQuote(),
    approvals: [makeApproval()],
    staffing: null,
    officers: [],
    siteContact: null,
    cancelledAt: null,
    cancelledBy: null,
    ...overrides,
  };
}
