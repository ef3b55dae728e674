// Bot replies per conversation per minute (BOT_REPLIES_PER_CONVERSATION_PER_MINUTE): a burst of
// texts is answered at the cap's pace; the messages beyond it wait and are acted on once the
// minute frees, in order, none dropped. Signed webhooks, sandbox Twilio stand-in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import {
  createTwilioPoster,
  makeInboundSms,
  newCustomerPhone,
  SMS_INTAKE,
  waitUntilActedOn,
} from "../../support/twilio-sms.ts";
import { sleep } from "../../support/wait-for.ts";

const CAP = 3;

describe("bot replies per conversation per minute", () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await startTestApp("limits-replies", {
      SMS_RATE_PER_SENDER: "0",
      BOT_REPLIES_PER_CONVERSATION_PER_MINUTE: String(CAP),
      // A "minute" of 10 s: the window passes within the test.
      ABUSE_LIMIT_MINUTE_MS: "10000",
    });
  });
  afterAll(async () => {
    await test?.close();
  });

  it("stops near the cap, then answers the rest after the minute, in order", {
    timeout: 90_000,
  }, async () => {
    const post = createTwilioPoster(test);
    const phone = newCustomerPhone();
    const lines = SMS_INTAKE.slice(0, 4);
    const sids: string[] = [];
    for (const line of lines) {
      const params = makeInboundSms(phone, line);
      expect((await post("/twilio/sms", params)).status).toBe(200);
      sids.push(params.MessageSid ?? "");
    }
    const { prisma } = test.app;
    await waitUntilActedOn(prisma, sids.slice(0, 1));
    await sleep(2_000);
    // A turn may take the count past the cap by its own replies (at most two), never further.
    const early = await prisma.message.count({ where: { to: phone, direction: "outbound" } });
    expect(early).toBeGreaterThan(0);
    expect(early).toBeLessThanOrEqual(CAP + 1);
    expect(await prisma.inboundSms.count({ where: { from: phone, processedAt: null } })).toBeGreaterThan(0);

    await waitUntilActedOn(prisma, sids, 60_000);
    const handled = await prisma.message.findMany({
      where: { from: phone, direction: "inbound" },
      orderBy: { handledAt: "asc" },
    });
    expect(handled.map((m) => m.body)).toEqual([...lines]);
  });
});
