import { makeTestOfficer } from "../../builders/test-officer.ts";
import { randomInt } from "node:crypto";
import type { Prisma, PrismaClient } from "../../../prisma/client.ts";
import { newCustomerPhone } from "../../support/twilio-sms.ts";

const HOUR = 3_600_000;

/** A line as core/pricing prices it (cents per hour, minutes). */
const labor = (minutes: number, unitCents: number) => ({
  kind: "labor",
  rank: "officer",
  rateKind: "regular",
  minutes,
  unitCents,
  amountCents: Math.round((unitCents * minutes) / 60),
});

/**
 * A Tucson customer with a past request (worked, with a field note and a photo, invoiced) and a
 * future one (one officer assigned), made directly in the database as the invoice drafting and
 * staffing would leave them. Invoice numbers use year 1999 so they never meet the drafting's.
 */
export async function makeCustomerWithHistory(
  prisma: PrismaClient,
  input: { name: string; language?: "en" | "es"; postOrders?: string; now: Date },
) {
  const agencyId = "tucson-az-pd";
  const phone = newCustomerPhone();
  const customer = await prisma.customer.create({
    data: { agencyId, contact: phone, name: input.name, organization: "Desert Bloom Events", language: input.language ?? "en" },
  });
  const [first, second] = [await makeTestOfficer(prisma, agencyId), await makeTestOfficer(prisma, agencyId)];
  const pastStart = new Date(input.now.getTime() - 72 * HOUR);
  const futureStart = new Date(input.now.getTime() + 48 * HOUR);
  const makeRequest = (start: Date, status: "completed" | "staffed", data: Partial<Prisma.RequestUncheckedCreateInput> = {}) =>
    prisma.request.create({
      data: {
        agencyId,
        customerId: customer.id,
        status,
        start,
        end: new Date(start.getTime() + 4 * HOUR),
        officers: 1,
        eventType: "store security",
        address: { line1: "4500 E Broadway", city: "Tucson", state: "AZ" },
        siteContactName: "Ann Lee",
        postOrders: input.postOrders ?? null,
        quotes: { create: { totalCents: 30_000, decision: "approve", quote: {}, requestData: {} } },
        positions: { create: [{ index: 1, rank: "officer", status: "filled" }] },
        ...data,
      },
      include: { positions: true },
    });
  const past = await makeRequest(pastStart, "completed");
  const future = await makeRequest(futureStart, "staffed");
  // Worked from 5 minutes early to 20 minutes late: the 265 minutes the invoices bill.
  const workShift = (request: { start: Date; end: Date; positions: { id: string }[] }) =>
    prisma.assignment.create({
      data: {
        positionId: request.positions[0]!.id,
        officerId: first.id,
        status: "checked_out",
        start: request.start,
        end: request.end,
        checkedInAt: new Date(request.start.getTime() - 5 * 60_000),
        checkedOutAt: new Date(request.start.getTime() + 4 * HOUR + 20 * 60_000),
        minutesWorked: 265,
      },
    });
  const worked = await workShift(past);
  await prisma.fieldNote.create({
    data: {
      assignmentId: worked.id,
      officerId: first.id,
      body: "Quiet night, one trespasser <b>moved on</b>",
      media: [{ url: "https://media.example.org/photo-1.jpg", contentType: "image/jpeg" }],
      createdAt: new Date(pastStart.getTime() + HOUR),
    },
  });
  await prisma.assignment.create({
    data: { positionId: future.positions[0]!.id, officerId: second.id, status: "assigned", start: future.start, end: future.end },
  });
  // A request is on one live invoice at most: each but the first bills a request of its own.
  const invoice = async (status: "draft" | "issued" | "paid" | "void", totalCents: number, billed?: { id: string }) => {
    let request = billed;
    if (!request) {
      const earlier = await makeRequest(new Date(pastStart.getTime() - 7 * 24 * HOUR), "completed");
      await workShift(earlier);
      request = earlier;
    }
    const sequence = randomInt(1, 2_000_000_000);
    return prisma.invoice.create({
      data: {
        agencyId,
        number: `TUC-1999-${String(sequence).padStart(10, "0")}`,
        year: 1999,
        sequence,
        customerId: customer.id,
        kind: "request",
        status,
        totalCents,
        issuedAt: status === "draft" ? null : new Date(input.now.getTime() - 24 * HOUR),
        paidAt: status === "paid" ? input.now : null,
        voidedAt: status === "void" ? input.now : null,
        items: {
          create: [
            {
              requestId: request.id,
              kind: "worked_hours",
              input: {},
              lines: [labor(265, 6500), { kind: "admin_fee", minutes: 265, unitCents: 500, amountCents: 2208 }],
              billedMinutes: [265],
              totalCents,
              voided: status === "void",
            },
          ],
        },
      },
    });
  };
  const issued = await invoice("issued", 30_917, past);
  const paid = await invoice("paid", 12_345);
  const voided = await invoice("void", 99_999);
  const draft = await invoice("draft", 55_555);
  return { customer, phone, past, future, invoices: { issued, paid, voided, draft }, officers: { first, second } };
}
