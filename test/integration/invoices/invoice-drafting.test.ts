import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { priceWorkedHours } from "../../../core/pricing/index.ts";
import { createInvoiceRequestSchema } from "../../../core/requests/index.ts";
import { createPrismaClient, type PrismaClient } from "../../../prisma/client.ts";
import {
  closeBillingCycles,
  draftRequestInvoice,
  issueInvoice,
  markInvoicePaid,
  voidInvoice,
} from "../../../prisma/repositories/invoices/index.ts";
import { createFinishedRequest } from "../../builders/finished-request.ts";
import { getTestAgency } from "../../builders/quote-request.ts";

const TUCSON = getTestAgency("tucson-az-pd");
const ROCKPORT = getTestAgency("rockport-tx-pd");
const run = randomBytes(3).toString("hex");
const at = (iso: string) => new Date(iso);
const FLAGS = { armedPrivateSecurity: false, civilLegalService: false, bodyguardOrBouncer: false, alcoholPrincipalBusiness: false };

/** Tucson, Sat Jan 9 2027 6–10 PM (MST = UTC−7), booked two weeks ahead: regular rates. */
function tucsonShift(officers: number, day = "2027-01-09") {
  return {
    requestedAt: "2026-12-20T10:00:00-07:00",
    start: `${day}T18:00:00-07:00`,
    end: `${day}T22:00:00-07:00`,
    officers,
    vehicles: 0,
    eventType: "store security",
    address: { line1: "1 S Church Ave", city: "Tucson", state: "AZ" },
    flags: FLAGS,
  };
}

describe("invoices as records: drafting, numbering, cycles, voids", () => {
  let prisma: PrismaClient;
  let customerCount = 0;

  beforeAll(() => {
    prisma = createPrismaClient(inject("databaseUrl"));
  });
  afterAll(async () => {
    await prisma.$disconnect();
  });

  async function makeCustomer(agencyId: string, billingCycle: "per_request" | "weekly" | "monthly" = "per_request") {
    customerCount += 1;
    return prisma.customer.create({
      data: { agencyId, contact: `web-invoices-${run}-${customerCount}`, name: `Customer ${customerCount}`, billingCycle },
    });
  }

  it("drafts the hours actually worked (a hold-over and a no-show), numbered TUC-<year>-<six digits>, once", async () => {
    const customer = await makeCustomer(TUCSON.id);
    const worked = [
      { checkIn: at("2027-01-09T17:50:00-07:00"), checkOut: at("2027-01-09T23:10:00-07:00") },
      { checkIn: null, checkOut: null },
    ];
    const request = await createFinishedRequest(prisma, { agency: TUCSON, customerId: customer.id, request: tucsonShift(2), worked });
    const drafted = await draftRequestInvoice(prisma, TUCSON, request.id, at("2027-01-10T09:00:00-07:00"));
    if (drafted.kind !== "drafted") throw new Error(`not drafted: ${JSON.stringify(drafted)}`);
    expect(drafted.invoice.number).toMatch(/^TUC-2027-\d{6}$/);

    // The same contract the `invoice` CLI prices, built by hand from what the officers did.
    const expected = priceWorkedHours(
      createInvoiceRequestSchema(new Map([[TUCSON.id, TUCSON]])).parse({
        agency: TUCSON.id,
        ...tucsonShift(2),
        worked: [
          { rank: "officer", checkIn: "2027-01-09T17:50:00-07:00", checkOut: "2027-01-09T23:10:00-07:00" },
          { rank: "officer", checkIn: null, checkOut: null },
        ],
      }),
      TUCSON,
    );
    const invoice = await prisma.invoice.findUniqueOrThrow({ where: { id: drafted.invoice.id }, include: { items: true } });
    expect(invoice).toMatchObject({ status: "draft", kind: "request", customerId: customer.id, totalCents: expected.totalCents });
    expect(invoice.items).toHaveLength(1);
    expect(invoice.items[0]).toMatchObject({ requestId: request.id, kind: "worked_hours", totalCents: expected.totalCents, billedMinutes: [310, 0] });
    expect(invoice.items[0]?.lines).toEqual(expected.lines);
    expect(await prisma.auditEvent.count({ where: { entityId: invoice.id, action: "invoice.drafted" } })).toBe(1);

    const again = await draftRequestInvoice(prisma, TUCSON, request.id, at("2027-01-10T09:05:00-07:00"));
    expect(again).toEqual({ kind: "exists", invoiceId: invoice.id, number: invoice.number });
    expect(await prisma.invoiceItem.count({ where: { requestId: request.id } })).toBe(1);
  });

  it("numbers concurrent drafts from two connections without sharing a number or leaving a gap", async () => {
    // A year of its own (2031) so other files' invoices cannot interleave with this count.
    const other = createPrismaClient(inject("databaseUrl"));
    try {
      const customer = await makeCustomer(ROCKPORT.id);
      const shift = (i: number) => ({
        requestedAt: "2031-01-01T10:00:00-06:00",
        start: `2031-02-${String(3 + i).padStart(2, "0")}T08:00:00-06:00`,
        end: `2031-02-${String(3 + i).padStart(2, "0")}T12:00:00-06:00`,
        officers: 1,
        eventType: "traffic control",
        address: { line1: "1 Main St", city: "Rockport", state: "TX" },
        flags: FLAGS,
      });
      const requests = [];
      for (let i = 0; i < 12; i += 1) {
        requests.push(
          await createFinishedRequest(prisma, {
            agency: ROCKPORT,
            customerId: customer.id,
            request: shift(i),
            worked: [{ checkIn: at(`2031-02-${String(3 + i).padStart(2, "0")}T08:00:00-06:00`), checkOut: null }],
          }),
        );
      }
      const when = at("2031-03-01T12:00:00-06:00");
      // Each request is drafted twice at once (from both connections): one wins, one finds it.
      const outcomes = await Promise.all(
        requests.flatMap((request, i) => [
          draftRequestInvoice(i % 2 === 0 ? prisma : other, ROCKPORT, request.id, when),
          draftRequestInvoice(i % 2 === 0 ? other : prisma, ROCKPORT, request.id, when),
        ]),
      );
      expect(outcomes.filter((o) => o.kind === "drafted")).toHaveLength(12);
      expect(outcomes.filter((o) => o.kind === "exists")).toHaveLength(12);
      const invoices = await prisma.invoice.findMany({ where: { agencyId: ROCKPORT.id, year: 2031 }, orderBy: { sequence: "asc" } });
      expect(invoices.map((i) => i.sequence)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      expect(new Set(invoices.map((i) => i.number)).size).toBe(12);
      expect(invoices[0]?.number).toBe("ROC-2031-000001");
    } finally {
      await other.$disconnect();
    }
  });

  it("drafts a cancellation fee from the cancellation contract, and nothing for a free cancellation", async () => {
    const customer = await makeCustomer(TUCSON.id);
    const late = await createFinishedRequest(prisma, { agency: TUCSON, customerId: customer.id, request: tucsonShift(2, "2027-01-16"), worked: [{ checkIn: null, checkOut: null }, { checkIn: null, checkOut: null }] });
    // Cancelled two hours before the start: inside Tucson's window, so labor is owed.
    await prisma.request.update({ where: { id: late.id }, data: { status: "cancelled", cancelledAt: at("2027-01-16T16:00:00-07:00"), cancellationFeeCents: null } });
    const { computeCancellationFee } = await import("../../../core/pricing/index.ts");
    const fee = computeCancellationFee(
      { ...(await import("../../../core/requests/index.ts")).CancellationRequestSchema.parse({ agency: TUCSON.id, ...tucsonShift(2, "2027-01-16"), approvedAt: "2026-12-20T10:00:00-07:00", cancelledAt: "2027-01-16T16:00:00-07:00" }) },
      TUCSON,
    );
    expect(fee.feeCents).toBeGreaterThan(0);
    await prisma.request.update({ where: { id: late.id }, data: { cancellationFeeCents: fee.feeCents, approvedAt: at("2026-12-20T10:00:00-07:00") } });
    const drafted = await draftRequestInvoice(prisma, TUCSON, late.id, at("2027-01-16T17:00:00-07:00"));
    if (drafted.kind !== "drafted") throw new Error(`not drafted: ${JSON.stringify(drafted)}`);
    const invoice = await prisma.invoice.findUniqueOrThrow({ where: { id: drafted.invoice.id }, include: { items: true } });
    expect(invoice).toMatchObject({ kind: "cancellation", totalCents: fee.feeCents });
    expect(invoice.items[0]).toMatchObject({ kind: "cancellation_fee", lines: fee.lines });

    const free = await createFinishedRequest(prisma, { agency: TUCSON, customerId: customer.id, request: tucsonShift(1, "2027-01-23"), worked: [{ checkIn: null, checkOut: null }] });
    await prisma.request.update({ where: { id: free.id }, data: { status: "cancelled", cancelledAt: at("2027-01-02T10:00:00-07:00"), cancellationFeeCents: 0 } });
    expect((await draftRequestInvoice(prisma, TUCSON, free.id, at("2027-01-02T11:00:00-07:00"))).kind).toBe("skipped");
  });

  it("puts an account's month on one invoice at the cycle close, once, and a late finisher on the next", async () => {
    const account = await makeCustomer(TUCSON.id, "monthly");
    const full = [{ checkIn: at("2027-01-09T18:00:00-07:00"), checkOut: null }];
    const first = await createFinishedRequest(prisma, { agency: TUCSON, customerId: account.id, request: tucsonShift(1, "2027-01-09"), worked: full });
    const second = await createFinishedRequest(prisma, {
      agency: TUCSON,
      customerId: account.id,
      request: tucsonShift(1, "2027-01-30"),
      worked: [{ checkIn: at("2027-01-30T18:00:00-07:00"), checkOut: null }],
    });
    expect(await draftRequestInvoice(prisma, TUCSON, first.id, at("2027-01-09T23:00:00-07:00"))).toEqual({ kind: "on_cycle", cycle: "monthly" });

    // Feb 1, 00:30 in Tucson: January has closed.
    const close = await closeBillingCycles(prisma, TUCSON, at("2027-02-01T00:30:00-07:00"));
    const mine = close.drafted.filter((d) => d.customerId === account.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.requests).toBe(2);
    const invoice = await prisma.invoice.findUniqueOrThrow({ where: { id: mine[0]!.invoiceId }, include: { items: true } });
    expect(invoice).toMatchObject({ kind: "cycle", cycleKey: "monthly:2027-01", periodStart: at("2027-01-01T00:00:00-07:00"), periodEnd: at("2027-02-01T00:00:00-07:00") });
    expect(invoice.items.map((i) => i.requestId).sort()).toEqual([first.id, second.id].sort());
    expect(invoice.totalCents).toBe(invoice.items.reduce((sum, i) => sum + i.totalCents, 0));

    // Closing again (the repeatable job runs hourly) changes nothing.
    const again = await closeBillingCycles(prisma, TUCSON, at("2027-02-01T01:30:00-07:00"));
    expect(again.drafted.filter((d) => d.customerId === account.id)).toHaveLength(0);
    expect(await prisma.invoice.count({ where: { customerId: account.id } })).toBe(1);

    // A January shift that completes after the close goes on February's invoice.
    const late = await createFinishedRequest(prisma, {
      agency: TUCSON,
      customerId: account.id,
      request: tucsonShift(1, "2027-01-31"),
      worked: [{ checkIn: at("2027-01-31T18:00:00-07:00"), checkOut: null }],
    });
    const march = await closeBillingCycles(prisma, TUCSON, at("2027-03-01T00:30:00-07:00"));
    const feb = march.drafted.filter((d) => d.customerId === account.id);
    expect(feb).toHaveLength(1);
    const febInvoice = await prisma.invoice.findUniqueOrThrow({ where: { id: feb[0]!.invoiceId }, include: { items: true } });
    expect(febInvoice.cycleKey).toBe("monthly:2027-02");
    expect(febInvoice.items.map((i) => i.requestId)).toEqual([late.id]);
  });

  it("issues, refuses what its status does not allow, voids with a corrected redraft, and marks paid with a reference", async () => {
    const customer = await makeCustomer(TUCSON.id);
    const request = await createFinishedRequest(prisma, {
      agency: TUCSON,
      customerId: customer.id,
      request: tucsonShift(1, "2027-02-06"),
      worked: [{ checkIn: at("2027-02-06T18:00:00-07:00"), checkOut: at("2027-02-06T21:00:00-07:00") }],
    });
    const drafted = await draftRequestInvoice(prisma, TUCSON, request.id, at("2027-02-07T09:00:00-07:00"));
    if (drafted.kind !== "drafted") throw new Error("not drafted");
    const base = { invoiceId: drafted.invoice.id, agencyId: TUCSON.id, by: "U0SUPER", at: at("2027-02-07T10:00:00-07:00") };

    expect(await markInvoicePaid(prisma, { ...base, reference: "CHK 1001" })).toMatchObject({ kind: "refused", status: "draft" });
    expect(await issueInvoice(prisma, { ...base, agencyId: ROCKPORT.id })).toEqual({ kind: "not_found" });
    const issued = await issueInvoice(prisma, base);
    expect(issued).toMatchObject({ kind: "done", invoice: { status: "issued", issuedBy: "U0SUPER" } });
    expect(await issueInvoice(prisma, base)).toMatchObject({ kind: "refused", status: "issued" });

    // The officer actually stayed until 10 PM: fix the record, void, redraft.
    await prisma.assignment.updateMany({ where: { position: { requestId: request.id } }, data: { checkedOutAt: at("2027-02-06T22:00:00-07:00") } });
    const voided = await voidInvoice(prisma, TUCSON, { ...base, reason: "check-out was 10 PM", redraft: true });
    if (voided.kind !== "done" || !voided.replacement) throw new Error(`not voided with a replacement: ${JSON.stringify(voided)}`);
    expect(voided.invoice).toMatchObject({ status: "void", voidedBy: "U0SUPER", voidReason: "check-out was 10 PM" });
    const replacement = await prisma.invoice.findUniqueOrThrow({ where: { id: voided.replacement.id } });
    expect(replacement).toMatchObject({ status: "draft", correctsId: drafted.invoice.id });
    expect(replacement.number).not.toBe(drafted.invoice.number);
    expect(replacement.totalCents).toBeGreaterThan(drafted.invoice.totalCents);
    // The voided invoice keeps its amount: amounts are never edited.
    expect((await prisma.invoice.findUniqueOrThrow({ where: { id: drafted.invoice.id } })).totalCents).toBe(drafted.invoice.totalCents);
    expect(await voidInvoice(prisma, TUCSON, { ...base, reason: "again", redraft: false })).toMatchObject({ kind: "refused", status: "void" });

    const next = { ...base, invoiceId: replacement.id };
    await issueInvoice(prisma, next);
    const paid = await markInvoicePaid(prisma, { ...next, reference: "  ACH 20270210  " });
    expect(paid).toMatchObject({ kind: "done", invoice: { status: "paid", paymentReference: "ACH 20270210", paidBy: "U0SUPER" } });
    expect(await voidInvoice(prisma, TUCSON, { ...next, reason: "no", redraft: false })).toMatchObject({ kind: "refused", status: "paid" });
    const trail = await prisma.auditEvent.findMany({ where: { entityType: "Invoice", entityId: { in: [drafted.invoice.id, replacement.id] } }, orderBy: { id: "asc" } });
    expect(trail.map((e) => e.action)).toEqual(["invoice.drafted", "invoice.issued", "invoice.void", "invoice.drafted", "invoice.issued", "invoice.paid"]);
  });
});
