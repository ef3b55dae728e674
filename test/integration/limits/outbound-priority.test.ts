// Outbound priority in the per-sender budget (SMS_RATE_PER_SENDER, 3 a second): a customer's
// reply goes ahead of a wave of shift offers queued on the same agency number, instead of
// waiting behind all of them. Real twilio client against a fake Twilio API, signed webhooks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApprovalRepository } from "../../../prisma/repositories/approval-repository.ts";
import { createSubmittedRequest } from "../../builders/submitted-request.ts";
import { startFakeTwilio } from "../../fakes/fake-twilio-server.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import { newCustomerPhone, newMessageSid, SMS_INTAKE, waitUntilActedOn } from "../../support/twilio-sms.ts";
import { postSignedTwilioForm } from "../../support/twilio-webhook.ts";
import { waitFor } from "../../support/wait-for.ts";

const AUTH_TOKEN = "test-priority-auth-token";
const PUBLIC_BASE = "https://priority.example.org";
const AGENCY_NUMBER = "+15205550100";
const REQUESTS = 4;

describe("outbound priority: replies before broadcast offers", () => {
  let test: TestApp;
  let fake: Awaited<ReturnType<typeof startFakeTwilio>>;

  beforeAll(async () => {
    fake = await startFakeTwilio();
    test = await startTestApp("limits-priority", {
      PUBLIC_BASE_URL: PUBLIC_BASE,
      TWILIO_ACCOUNT_SID: `AC${"7".repeat(32)}`,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_API_BASE_URL: fake.url,
      SMS_RATE_PER_SENDER: "3",
    });
  });
  afterAll(async () => {
    await test?.close();
    await fake?.close();
  });

  async function text(from: string, body: string): Promise<string> {
    const sid = newMessageSid();
    const response = await postSignedTwilioForm(
      `${test.base}/twilio/sms`,
      `${PUBLIC_BASE}/twilio/sms`,
      AUTH_TOKEN,
      {
        MessageSid: sid,
        From: from,
        To: AGENCY_NUMBER,
        Body: body,
      },
    );
    expect(response.status).toBe(200);
    return sid;
  }
  const sentTo = (phone: string) => fake.messages.filter((m) => m.to === phone);

  it("hands a customer's reply to the provider within seconds while a wave of offers waits", {
    timeout: 90_000,
  }, async () => {
    const { prisma, queues } = test.app;
    // A customer mid-intake, answered before the offers start.
    const customer = newCustomerPhone();
    await waitUntilActedOn(prisma, await text(customer, SMS_INTAKE[0]));
    await waitFor(
      () => sentTo(customer),
      (list) => list.length >= 1,
    );
    const written = await prisma.message.count({ where: { to: customer, direction: "outbound" } });
    const before = await waitFor(
      async () => sentTo(customer).length,
      (n) => n >= written,
    );

    // Approved requests whose first waves offer each shift to ten officers: ~40 offers, ~13 s of budget.
    const approvals = new ApprovalRepository(prisma);
    const requests = [];
    for (let i = 0; i < REQUESTS; i += 1) {
      const { request } = await createSubmittedRequest(prisma, { officers: 2, daysAhead: 20 + i });
      await queues.enqueueOpenApprovals(request.number);
      await waitFor(
        () => prisma.request.findUniqueOrThrow({ where: { id: request.id } }),
        (r) => r.status === "pending_approval",
      );
      const decided = await approvals.decide({
        requestId: request.id,
        role: "supervisor",
        decision: "approved",
        by: "U0TUCSSUP1",
        reason: null,
        at: new Date(),
      });
      expect(decided.kind).toBe("approved");
      requests.push(request);
    }
    const isOffer = (body: string) => /off-duty shift: .* Reply YES/.test(body);
    await Promise.all(requests.map((request) => queues.enqueueBroadcastWave(request.id, 0, 0)));
    const offersRecorded = await waitFor(
      () =>
        prisma.message.count({
          where: {
            direction: "outbound",
            body: { contains: "off-duty shift:" },
            conversation: { role: "officer" },
            createdAt: { gt: new Date(Date.now() - 60_000) },
          },
        }),
      (n) => n >= REQUESTS * 10,
    );
    expect(offersRecorded).toBeGreaterThanOrEqual(REQUESTS * 10);
    await waitFor(
      () => fake.messages.filter((m) => isOffer(m.body)).length,
      (n) => n >= 3,
    );

    // The customer answers the question while the offers drain at 3 a second.
    const askedAt = Date.now();
    await text(customer, SMS_INTAKE[1]);
    const answered = await waitFor(
      () => sentTo(customer).length,
      (n) => n > before,
      30_000,
    );
    const waitedMs = Date.now() - askedAt;
    const offersSentBeforeReply = fake.messages.filter((m) => isOffer(m.body)).length;
    expect(answered).toBeGreaterThan(before);
    // Behind every offer it would have waited ~12 s; ahead of them, about a second.
    expect(waitedMs).toBeLessThan(3_500);
    expect(offersSentBeforeReply).toBeLessThan(REQUESTS * 10 - 15);
  });
});
