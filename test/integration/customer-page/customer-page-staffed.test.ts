import { makeTestOfficer } from "../../builders/test-officer.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendStaffingNotices } from "../../../workers/jobs/request-staffed.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import { newCustomerPhone, sandboxSmsTo } from "../../support/twilio-sms.ts";
import { waitFor } from "../../support/wait-for.ts";

const AGENCY = "tucson-az-pd";
const HOUR = 3_600_000;
const PAGE_LINK = /^Your bookings, officers and invoices are on your page \(valid 30 days; text LINK for a new one\): http:\/\/localhost:\d+\/c\/\S+$/;

describe("the page link after a request is fully staffed (request-staffed, sandbox links on)", () => {
  let test: TestApp;

  beforeAll(async () => {
    // The sandbox signs customer links with its own secret: pages are on.
    test = await startTestApp("customer-page-staffed", { SMS_RATE_PER_SENDER: "0" });
  });
  afterAll(async () => {
    await test?.close();
  });

  /** A Tucson request booked by SMS, every position filled, as an accepted last offer leaves it. */
  async function makeStaffedRequest() {
    const { prisma } = test.app;
    const phone = newCustomerPhone();
    const customer = await prisma.customer.create({ data: { agencyId: AGENCY, contact: phone, name: "Lena Ortiz" } });
    const conversation = await prisma.conversation.create({ data: { agencyId: AGENCY, channel: "sms", participant: phone } });
    const officers = [await makeTestOfficer(prisma, AGENCY), await makeTestOfficer(prisma, AGENCY)];
    // Far enough ahead that the reminder and no-show timers it schedules never fire in this test.
    const start = new Date(Date.now() + 10 * 24 * HOUR);
    const end = new Date(start.getTime() + 4 * HOUR);
    const request = await prisma.request.create({
      data: {
        agencyId: AGENCY,
        customerId: customer.id,
        conversationId: conversation.id,
        status: "staffed",
        start,
        end,
        officers: officers.length,
        eventType: "store security",
        address: { line1: "4500 E Broadway", city: "Tucson", state: "AZ" },
        positions: {
          create: officers.map((officer, index) => ({
            index: index + 1,
            rank: "officer" as const,
            status: "filled" as const,
            assignments: { create: { officerId: officer.id, status: "assigned" as const, start, end } },
          })),
        },
      },
    });
    return { request, phone, conversation };
  }

  it("texts the customer their page link once, however often the job runs", async () => {
    const { prisma, queues, workerDeps } = test.app;
    const { request, phone, conversation } = await makeStaffedRequest();

    await queues.enqueueRequestStaffed(request.id);
    const texts = await waitFor(
      () => sandboxSmsTo(test, phone),
      (list) => list.length > 0,
    );
    expect(texts[0]).toMatch(PAGE_LINK);

    // Retried and duplicate runs, two of them at once: the marker holds them to the one text.
    await Promise.all([sendStaffingNotices(workerDeps, request.id), sendStaffingNotices(workerDeps, request.id)]);
    await sendStaffingNotices(workerDeps, request.id);
    const markers = await prisma.auditEvent.count({ where: { action: "customer_page.link_sent", entityType: "Request", entityId: request.id } });
    expect(markers).toBe(1);
    const recorded = await prisma.message.findMany({ where: { conversationId: conversation.id, direction: "outbound" } });
    expect(recorded.filter((m) => m.body.includes("/c/"))).toHaveLength(1);
    expect(sandboxSmsTo(test, phone).filter((body) => PAGE_LINK.test(body))).toHaveLength(1);

    // The link opens this customer's page with this request on it.
    const url = new URL((texts[0] as string).split(": ").at(-1) as string);
    const page = await fetch(`${test.base}${url.pathname}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Lena Ortiz");
    expect(html).toContain(`Request #${request.number}`);
  });

  it("sends no link while a position is still open", async () => {
    const { prisma, workerDeps } = test.app;
    const { request, phone } = await makeStaffedRequest();
    await prisma.position.updateMany({ where: { requestId: request.id, index: 2 }, data: { status: "open" } });
    await sendStaffingNotices(workerDeps, request.id);
    expect(await prisma.auditEvent.count({ where: { action: "customer_page.link_sent", entityId: request.id } })).toBe(0);
    expect(sandboxSmsTo(test, phone)).toEqual([]);
  });
});
