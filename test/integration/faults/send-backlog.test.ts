// Fault: replies back up behind the per-number SMS rate limit (production's default is 3 a second
// per agency number, shared by every customer texting it), as they do under load or after an
// outage. Each customer must still get every reply once and in the order the bot wrote them:
// "What is your name?" before "What business is this for?".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { splitSms } from "../../../core/messages/index.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import {
  createTwilioPoster,
  makeInboundSms,
  newCustomerPhone,
  sandboxSmsTo,
  SMS_INTAKE,
} from "../../support/twilio-sms.ts";
import { sleep, waitFor } from "../../support/wait-for.ts";


const SCRIPT = SMS_INTAKE.slice(0, 6);

describe("replies backed up behind the SMS rate limit", () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await startTestApp("faults-backlog", { SMS_RATE_PER_SENDER: "3" });
  });
  afterAll(async () => {
    await test?.close();
  });

  it("sends each customer's replies once and in order", { timeout: 60_000 }, async () => {
    const post = createTwilioPoster(test);
    const phones = Array.from({ length: 4 }, () => newCustomerPhone());
    // Four customers answering quickly, as people do with yes/no questions they saw coming.
    await Promise.all(
      phones.map(async (phone, index) => {
        await sleep(index * 100);
        for (const line of SCRIPT) {
          expect((await post("/twilio/sms", makeInboundSms(phone, line))).status).toBe(200);
          await sleep(50);
        }
      }),
    );
    const rows = await waitFor(
      () =>
        test.app.prisma.message.findMany({
          where: { to: { in: phones }, direction: "outbound" },
          orderBy: { createdAt: "asc" },
        }),
      (list) => list.every((m) => m.providerId !== null),
      30_000,
    );
    expect(rows.filter((m) => m.providerId === null)).toEqual([]);
    await sleep(400);
    const outcomes = phones.map((phone) => ({
      phone,
      written: rows.filter((m) => m.to === phone).flatMap((m) => splitSms(m.body)),
      sent: sandboxSmsTo(test, phone),
    }));
    for (const { phone, written, sent } of outcomes) {
      expect(written.length, phone).toBeGreaterThanOrEqual(SCRIPT.length);
      // Once each...
      expect([...sent].sort(), phone).toEqual([...written].sort());
    }
    // ...and in the order written.
    expect(outcomes.map(({ phone, sent }) => ({ phone, sent }))).toEqual(
      outcomes.map(({ phone, written }) => ({ phone, sent: written })),
    );
  });
});
