// Fault: Twilio delivers the same webhook more than once — concurrently (a retry racing the
// original after a slow answer) and again much later (a replay). Each must be processed once:
// one stored message, one conversation, one set of replies.
// test/integration/twilio/sms-webhook.test.ts already covers a sequential retry of one SMS; this
// file adds the concurrent race, the late replay, a first message (which opens the conversation)
// and the voice line.
// The SMS webhook only stores the message (once per MessageSid) and queues it; a worker acts on it.
// So each check first waits until the messages were acted on (waitUntilActedOn), then asserts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { splitSms } from "../../../core/messages/index.ts";
import { first, listSays, parseTwiml } from "../../support/parse-twiml.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import {
  createTwilioPoster,
  makeInboundSms,
  newCallSid,
  newCustomerPhone,
  sandboxSmsTo,
  TUCSON_NUMBER,
  waitUntilActedOn,
} from "../../support/twilio-sms.ts";
import { sleep, waitFor } from "../../support/wait-for.ts";


describe("duplicate and replayed Twilio webhooks", () => {
  let test: TestApp;
  let post: ReturnType<typeof createTwilioPoster>;

  beforeAll(async () => {
    test = await startTestApp("faults-duplicates", { SMS_RATE_PER_SENDER: "0" });
    post = createTwilioPoster(test);
  });
  afterAll(async () => {
    await test?.close();
  });

  /** Outbound SMS rows of a phone's conversations, oldest first. */
  const outboundTo = (phone: string) =>
    test.app.prisma.message.findMany({
      where: { to: phone, direction: "outbound", channel: "sms" },
      orderBy: { createdAt: "asc" },
    });

  /**
   * Waits (up to 10 s in all, replies normally go out within a second) until every recorded reply
   * to these phones went out, then a little longer for strays; returns what each one got.
   */
  async function settle(phones: string[]) {
    await waitFor(
      async () => {
        const rows = await test.app.prisma.message.findMany({
          where: { to: { in: phones }, direction: "outbound", channel: "sms" },
          select: { providerId: true },
        });
        return rows.every((m) => m.providerId !== null);
      },
      (done) => done,
      10_000,
    );
    await sleep(400);
    return Promise.all(
      phones.map(async (phone) => {
        const rows = await outboundTo(phone);
        return {
          phone,
          rows,
          sent: sandboxSmsTo(test, phone),
          expected: rows.flatMap((m) => splitSms(m.body)),
        };
      }),
    );
  }
  const FIRST_TEXT = "Hi, I need 2 officers next Saturday 6-11pm at 4500 E Broadway";

  /** Customers who already texted once and got the whole answer. */
  async function customersWithConversation(count: number): Promise<string[]> {
    const phones = Array.from({ length: count }, () => newCustomerPhone());
    const firsts = phones.map((phone) => makeInboundSms(phone, FIRST_TEXT));
    for (const params of firsts) expect((await post("/twilio/sms", params)).status).toBe(200);
    await waitUntilActedOn(
      test.app.prisma,
      firsts.map((params) => params.MessageSid ?? ""),
    );
    for (const { rows, sent, expected } of await settle(phones)) {
      expect(rows.length).toBeGreaterThan(0);
      expect(sent).toEqual(expected);
    }
    return phones;
  }

  it("sends the replies of an SMS delivered twice at the same time, once and promptly", async () => {
    // Several customers, so a race between the two copies has many chances to show.
    const customers = await customersWithConversation(10);
    const before = await Promise.all(customers.map(async (phone) => (await outboundTo(phone)).length));
    // Three turns, each delivered twice at once: every turn is a chance for the race to show. A
    // reply left unsent would go out with the next turn's, so each turn is checked on its own.
    const turns = ["store security", "no", "no"].map((text) =>
      customers.map((phone) => makeInboundSms(phone, text)),
    );
    const unsentAfterTurn: { turn: number; to: string; body: string }[] = [];
    for (const [index, turn] of turns.entries()) {
      const answers = await Promise.all(
        turn.flatMap((params) => [post("/twilio/sms", params), post("/twilio/sms", params)]),
      );
      expect(answers.map((r) => r.status)).toEqual(answers.map(() => 200));
      for (const answer of answers) expect(await answer.text()).toContain("<Response/>");
      // The turn is taken by a worker: once it was (replies recorded and queued), they go out promptly.
      await waitUntilActedOn(
        test.app.prisma,
        turn.map((params) => params.MessageSid ?? ""),
      );
      const rows = await waitFor(
        () => test.app.prisma.message.findMany({ where: { to: { in: customers }, direction: "outbound" } }),
        (list) => list.every((m) => m.providerId !== null),
        3_000,
      );
      for (const m of rows.filter((row) => row.providerId === null)) {
        unsentAfterTurn.push({ turn: index + 1, to: m.to, body: m.body.slice(0, 30) });
      }
    }
    // Every turn's replies went out promptly (none left "recorded" for a sweep half a minute later)...
    expect(unsentAfterTurn).toEqual([]);
    const settled = await settle(customers);
    const outcomes = settled.map(({ phone, rows, sent, expected }, index) => ({
      phone,
      // ...each turn's replies were recorded...
      newReplies: rows.length >= (before[index] ?? 0) + turns.length,
      unsent: rows
        .filter((m) => !["queued", "sent", "delivered"].includes(m.status))
        .map((m) => m.body.slice(0, 30)),
      // ...and each sent exactly once.
      sentOnce: JSON.stringify(sent) === JSON.stringify(expected),
    }));
    for (const [index, params] of turns.flat().entries()) {
      expect(
        await test.app.prisma.message.count({ where: { providerId: params.MessageSid } }),
        String(index),
      ).toBe(1);
    }
    expect(outcomes).toEqual(
      customers.map((phone) => ({ phone, newReplies: true, unsent: [], sentOnce: true })),
    );
  });

  it("opens one conversation when a customer's first SMS is delivered twice at the same time", async () => {
    const customers = Array.from({ length: 12 }, () => newCustomerPhone());
    const firsts = customers.map((phone) => makeInboundSms(phone, FIRST_TEXT));
    const answers = await Promise.all(
      firsts.flatMap((params) => [post("/twilio/sms", params), post("/twilio/sms", params)]),
    );
    expect(answers.map((r) => r.status)).toEqual(answers.map(() => 200));
    await waitUntilActedOn(
      test.app.prisma,
      firsts.map((params) => params.MessageSid ?? ""),
    );
    for (const params of firsts) {
      expect(await test.app.prisma.inboundSms.count({ where: { providerId: params.MessageSid ?? "" } })).toBe(1);
      expect(await test.app.prisma.message.count({ where: { providerId: params.MessageSid ?? "" } })).toBe(1);
    }
    // A second conversation would hold a fresh state and could take the customer's next message.
    const conversations = await Promise.all(
      customers.map((phone) => test.app.prisma.conversation.count({ where: { participant: phone } })),
    );
    expect.soft(conversations).toEqual(customers.map(() => 1));

    // The conversation goes on where it was: the next answer is taken as the job, not a new start.
    for (const phone of customers) {
      const repliesBefore = (await outboundTo(phone)).map((m) => m.id);
      const next = makeInboundSms(phone, "store security");
      expect((await post("/twilio/sms", next)).status).toBe(200);
      await waitUntilActedOn(test.app.prisma, next.MessageSid ?? "");
      const latest = await test.app.prisma.conversation.findFirstOrThrow({
        where: { participant: phone },
        orderBy: { lastMessageAt: "desc" },
      });
      const slots = (latest.state as { slots: { officers: number | null; category: string | null } }).slots;
      expect(slots.officers, phone).toBe(2);
      const newReplies = (await outboundTo(phone))
        .filter((m) => !repliesBefore.includes(m.id))
        .map((m) => m.body);
      expect(newReplies.length, phone).toBeGreaterThan(0);
      expect(newReplies.join("\n"), phone).not.toMatch(/Hi! This is the/);
    }
  });

  it("stores and sends nothing new for a replay of an SMS long after it was answered", async () => {
    const customers = Array.from({ length: 3 }, () => newCustomerPhone());
    const originals = customers.map((phone) => makeInboundSms(phone, FIRST_TEXT));
    for (const params of originals) expect((await post("/twilio/sms", params)).status).toBe(200);
    const sids = originals.map((params) => params.MessageSid ?? "");
    await waitUntilActedOn(test.app.prisma, sids);
    const settled = await settle(customers);
    for (const { rows, sent, expected } of settled) {
      expect(rows.length).toBeGreaterThan(0);
      expect(sent).toEqual(expected);
    }
    const inboxBefore = await test.app.prisma.inboundSms.findMany({
      where: { providerId: { in: sids } },
      orderBy: { seq: "asc" },
    });
    const states = await Promise.all(
      customers.map(
        async (phone) =>
          (await test.app.prisma.conversation.findFirstOrThrow({ where: { participant: phone } })).state,
      ),
    );

    await sleep(1_000);
    // The replay, twice at once and once more after.
    const replays = await Promise.all(
      originals.flatMap((params) => [post("/twilio/sms", params), post("/twilio/sms", params)]),
    );
    replays.push(...(await Promise.all(originals.map((params) => post("/twilio/sms", params)))));
    expect(replays.map((r) => r.status)).toEqual(replays.map(() => 200));
    // Stored once: no new inbox row, and the one there is still marked acted on when it was.
    expect(
      await test.app.prisma.inboundSms.findMany({ where: { providerId: { in: sids } }, orderBy: { seq: "asc" } }),
    ).toEqual(inboxBefore);
    // A worker that took a replay would act within this (replies normally go out within a second).
    await sleep(1_500);
    expect(
      await test.app.prisma.inboundSms.findMany({ where: { providerId: { in: sids } }, orderBy: { seq: "asc" } }),
    ).toEqual(inboxBefore);
    for (const [index, phone] of customers.entries()) {
      expect(
        await test.app.prisma.message.count({ where: { providerId: originals[index]?.MessageSid ?? "" } }),
      ).toBe(1);
      expect(await test.app.prisma.message.count({ where: { from: phone, direction: "inbound" } })).toBe(1);
      expect(await test.app.prisma.message.count({ where: { to: phone, direction: "outbound" } })).toBe(
        settled[index]?.rows.length,
      );
      expect(sandboxSmsTo(test, phone)).toEqual(settled[index]?.sent);
      expect(
        (await test.app.prisma.conversation.findFirstOrThrow({ where: { participant: phone } })).state,
      ).toEqual(states[index]);
    }
  });

  it("processes a voice turn once when Twilio posts it twice at the same time and replays it later", async () => {
    const caller = newCustomerPhone();
    const callSid = newCallSid();
    const call = {
      CallSid: callSid,
      AccountSid: test.app.twilio.accountSid,
      From: caller,
      To: TUCSON_NUMBER,
    };

    // The call's first webhook (the concurrent first-message race is the SMS test's above).
    const opening = await post("/twilio/voice", call);
    expect(opening.status).toBe(200);
    expect(listSays(first(parseTwiml(await opening.text()), "Gather")).join(" ")).toContain(
      "Tucson Police Department",
    );
    expect(await test.app.prisma.message.count({ where: { providerId: `${callSid}-0` } })).toBe(1);

    const answer = {
      ...call,
      SpeechResult: "I need two officers Saturday from 6 to 11 pm at 4500 East Broadway",
    };
    const voiceReplies = () =>
      test.app.prisma.message.count({ where: { to: caller, direction: "outbound", channel: "voice" } });
    const repliesBefore = await voiceReplies();
    const turn = await Promise.all([
      post("/twilio/voice/gather?turn=1", answer),
      post("/twilio/voice/gather?turn=1", answer),
    ]);
    expect(turn.map((r) => r.status)).toEqual([200, 200]);
    const turnTwiml = await Promise.all(turn.map(async (r) => parseTwiml(await r.text())));
    // Both answers keep the call going towards the next turn; exactly one of them carries the question.
    for (const twiml of turnTwiml) expect(first(twiml, "Gather")["@action"]).toMatch(/turn=2$/);
    expect(
      turnTwiml.filter((twiml) => /What is the job/.test(listSays(first(twiml, "Gather")).join(" "))),
    ).toHaveLength(1);
    expect(await test.app.prisma.message.count({ where: { providerId: `${callSid}-1` } })).toBe(1);
    const repliesAfterTurn = await voiceReplies();
    expect(repliesAfterTurn).toBeGreaterThan(repliesBefore);

    // A late replay of turn 1: answered, nothing stored, the state not stepped again.
    const stateBefore = (
      await test.app.prisma.conversation.findFirstOrThrow({ where: { participant: caller } })
    ).state;
    const replay = await post("/twilio/voice/gather?turn=1", answer);
    expect(replay.status).toBe(200);
    expect(first(parseTwiml(await replay.text()), "Gather")["@action"]).toMatch(/turn=2$/);
    expect(await test.app.prisma.message.count({ where: { providerId: `${callSid}-1` } })).toBe(1);
    expect(await voiceReplies()).toBe(repliesAfterTurn);
    const stateAfter = (
      await test.app.prisma.conversation.findFirstOrThrow({ where: { participant: caller } })
    ).state;
    expect(stateAfter).toEqual(stateBefore);
    // A replay of the call's first webhook does not greet or store again either.
    const reopening = await post("/twilio/voice", call);
    expect(reopening.status).toBe(200);
    expect(first(parseTwiml(await reopening.text()), "Gather")["@action"]).toMatch(/turn=1$/);
    expect(await test.app.prisma.message.count({ where: { providerId: `${callSid}-0` } })).toBe(1);
    expect(await voiceReplies()).toBe(repliesAfterTurn);
    expect(
      await test.app.prisma.conversation.count({ where: { participant: caller, channel: "voice" } }),
    ).toBe(1);
    expect(await test.app.prisma.message.count({ where: { from: caller, direction: "inbound" } })).toBe(2);
    // Voice replies are spoken in the call, never texted.
    expect(sandboxSmsTo(test, caller)).toEqual([]);
  });
});
