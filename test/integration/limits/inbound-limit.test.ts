// Abuse limits on inbound SMS (README, "Security"): one number texting in a loop must not make
// the bot text back in a loop, and nothing it sent may be dropped. Probed over the signed
// webhook, in sandbox mode (the Twilio stand-in records every SMS sent).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import {
  createTwilioPoster,
  makeInboundSms,
  newCustomerPhone,
  sandboxSmsTo,
  SMS_INTAKE,
  waitUntilActedOn,
} from "../../support/twilio-sms.ts";
import { sleep, waitFor } from "../../support/wait-for.ts";

const NOTICE = /We got your messages and will reply shortly/;

describe("inbound limit per sender (defaults: 20 per 10 minutes, 10 replies per minute)", () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await startTestApp("limits-defaults", { SMS_RATE_PER_SENDER: "0" });
  });
  afterAll(async () => {
    await test?.close();
  });

  it("answers 50 × HELP with a handful of texts, tells the sender once, and keeps the rest waiting", {
    timeout: 60_000,
  }, async () => {
    const post = createTwilioPoster(test);
    const phone = newCustomerPhone();
    const sids: string[] = [];
    for (let i = 0; i < 50; i += 1) {
      const params = makeInboundSms(phone, "HELP");
      expect((await post("/twilio/sms", params)).status).toBe(200);
      sids.push(params.MessageSid ?? "");
    }
    // The first 20 are acted on at once; the other 30 stay stored for later, none dropped.
    await waitUntilActedOn(test.app.prisma, sids.slice(0, 20), 30_000);
    const { prisma } = test.app;
    const stored = await prisma.inboundSms.findMany({ where: { from: phone }, orderBy: { seq: "asc" } });
    expect(stored).toHaveLength(50);
    await sleep(1_000);
    expect(await prisma.inboundSms.count({ where: { from: phone, processedAt: null } })).toBe(30);
    // Their turn is queued for when the window frees, not dropped.
    const delayed = await test.app.queues.inbound.getJobs(["delayed"]);
    expect(delayed.some((job) => job.data.from === phone)).toBe(true);

    const outbound = await waitFor(
      () =>
        prisma.message.findMany({
          where: { to: phone, direction: "outbound" },
          orderBy: { createdAt: "asc" },
        }),
      (rows) => rows.length > 0 && rows.every((m) => m.providerId !== null),
    );
    const texts = sandboxSmsTo(test, phone);
    // HELP is answered once (2 texts: the help and the question), plus the one notice.
    expect(texts.filter((t) => NOTICE.test(t))).toHaveLength(1);
    expect(texts.length).toBeLessThanOrEqual(4);
    expect(outbound.length).toBeLessThanOrEqual(4);
    expect(texts[0]).toMatch(/I take requests for off-duty officers/);
    // The limit is on record for staff (audit trail).
    expect(await prisma.auditEvent.count({ where: { action: "inbound.limited", entityId: phone } })).toBe(1);
  });

  it("never holds back an officer on the roster", { timeout: 60_000 }, async () => {
    const post = createTwilioPoster(test);
    // An officer other tests do not text (the last of the seeded Tucson roster).
    const { phone: officer } = await test.app.prisma.officer.findFirstOrThrow({
      where: { agencyId: "tucson-az-pd", active: true },
      orderBy: { phone: "desc" },
    });
    const sids: string[] = [];
    for (let i = 0; i < 24; i += 1) {
      const params = makeInboundSms(officer, "SHIFTS");
      expect((await post("/twilio/sms", params)).status).toBe(200);
      sids.push(params.MessageSid ?? "");
    }
    await waitUntilActedOn(test.app.prisma, sids, 30_000);
  });
});

describe("held-back messages are acted on later, in order (limit 3 per minute)", () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await startTestApp("limits-window", {
      SMS_RATE_PER_SENDER: "0",
      INBOUND_LIMIT_PER_SENDER: "3",
      INBOUND_LIMIT_WINDOW_MINUTES: "1",
      // A "minute" of 10 s: the window frees within the test.
      ABUSE_LIMIT_MINUTE_MS: "10000",
    });
  });
  afterAll(async () => {
    await test?.close();
  });

  it("acts on the first 3, tells the sender once, and the rest once the window frees", {
    timeout: 90_000,
  }, async () => {
    const post = createTwilioPoster(test);
    const phone = newCustomerPhone();
    const lines = SMS_INTAKE.slice(0, 6);
    const sids: string[] = [];
    for (const line of lines) {
      const params = makeInboundSms(phone, line);
      expect((await post("/twilio/sms", params)).status).toBe(200);
      sids.push(params.MessageSid ?? "");
    }
    const { prisma } = test.app;
    await waitUntilActedOn(prisma, sids.slice(0, 3));
    await waitFor(
      () => sandboxSmsTo(test, phone),
      (texts) => texts.some((t) => NOTICE.test(t)),
    );
    expect(await prisma.inboundSms.count({ where: { from: phone, processedAt: null } })).toBe(3);

    // A minute after the first were acted on, the rest are, oldest first.
    await waitUntilActedOn(prisma, sids, 60_000);
    const handled = await prisma.message.findMany({
      where: { from: phone, direction: "inbound" },
      orderBy: { handledAt: "asc" },
    });
    expect(handled.map((m) => m.body)).toEqual([...lines]);
    const texts = await waitFor(
      () => sandboxSmsTo(test, phone),
      (list) => list.some((t) => /What is your name|name/i.test(t)),
    );
    expect(texts.filter((t) => NOTICE.test(t))).toHaveLength(1);
    // The intake went on as if nothing had happened: it now asks for the name.
    const conversation = await prisma.conversation.findFirstOrThrow({ where: { participant: phone } });
    expect(conversation.stateName).toBe("collecting");
  });
});
