// The SMS webhook answers once a message is stored and queued; workers act on it later, up to ten
// jobs at a time. A customer who texts quickly must still be understood in the order they wrote:
// these messages are answers to questions asked one after the other.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import {
  createTwilioPoster,
  makeInboundSms,
  newCustomerPhone,
  SMS_INTAKE,
  waitUntilActedOn,
} from "../../support/twilio-sms.ts";

describe("inbound SMS of one sender, acted on in arrival order", () => {
  let test: TestApp;
  let post: ReturnType<typeof createTwilioPoster>;

  beforeAll(async () => {
    test = await startTestApp("sms-order", { SMS_RATE_PER_SENDER: "0" });
    post = createTwilioPoster(test);
  });
  afterAll(async () => {
    await test?.close();
  });

  it("takes a whole intake texted back to back, before any answer, like one texted turn by turn", async () => {
    const phone = newCustomerPhone();
    const sids: string[] = [];
    for (const line of SMS_INTAKE) {
      const params = makeInboundSms(phone, line);
      sids.push(params.MessageSid as string);
      expect((await post("/twilio/sms", params)).status).toBe(200);
    }
    await waitUntilActedOn(test.app.prisma, sids, 30_000);

    const conversation = await test.app.prisma.conversation.findFirstOrThrow({ where: { participant: phone } });
    const state = conversation.state as { phase: string; slots: Record<string, unknown> };
    // Every answer landed on its own question: the bot is at the summary awaiting YES.
    expect(state.phase).toBe("confirming");
    expect(state.slots).toMatchObject({ customerName: "Maria Lopez", organization: "Desert Bloom Events" });
    const inbound = await test.app.prisma.message.findMany({
      where: { conversationId: conversation.id, direction: "inbound" },
      orderBy: { createdAt: "asc" },
    });
    expect(inbound.map((m) => m.body)).toEqual([...SMS_INTAKE]);
    expect(inbound.every((m) => m.handledAt !== null)).toBe(true);
    const replies = await test.app.prisma.message.findMany({
      where: { conversationId: conversation.id, direction: "outbound" },
      orderBy: { createdAt: "asc" },
    });
    expect(replies.at(-1)?.body).toMatch(/Quote: \$[\d,]+\.\d\d total/);
  });

  it("acts on messages of different senders at the same time, each sender's in order", async () => {
    const phones = [newCustomerPhone(), newCustomerPhone(), newCustomerPhone()];
    const lines = SMS_INTAKE.slice(0, 3);
    const sids: string[] = [];
    for (const line of lines) {
      await Promise.all(
        phones.map(async (phone) => {
          const params = makeInboundSms(phone, line);
          sids.push(params.MessageSid as string);
          expect((await post("/twilio/sms", params)).status).toBe(200);
        }),
      );
    }
    await waitUntilActedOn(test.app.prisma, sids, 30_000);
    for (const phone of phones) {
      const inbound = await test.app.prisma.message.findMany({
        where: { from: phone, direction: "inbound" },
        orderBy: { createdAt: "asc" },
      });
      expect(inbound.map((m) => m.body)).toEqual([...lines]);
    }
  });
});
