// A customer turn's statements run on pg, not through Prisma (see prisma-intake-store.ts,
// sender-usage.ts, inbound-sms-inbox.ts): these pin down what the Prisma calls they replaced did.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { makeInboundSmsMessage } from "../../builders/inbound-sms-message.ts";
import { newMessageSid } from "../../support/twilio-sms.ts";
import { createIntakeState } from "../../../core/intake/index.ts";
import { createDatabase, type PrismaClient, poolOf } from "../../../prisma/client.ts";
import { InboundSmsInbox } from "../../../prisma/repositories/inbound-sms-inbox.ts";
import { PrismaIntakeStore } from "../../../prisma/repositories/prisma-intake-store.ts";
import { SenderUsageRepository } from "../../../prisma/repositories/sender-usage.ts";

const AGENCY = "tucson-az-pd";
const LIMITS = { windowMinutes: 10, take: 20, minuteMs: 60_000 };

describe("a customer turn's statements on pg", () => {
  let prisma: PrismaClient;
  let store: PrismaIntakeStore;
  let usage: SenderUsageRepository;
  const phone = () => `+1520665${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`;
  const sid = newMessageSid;
  const inbound = (from: string, providerId: string | null, text = "I need 2 officers Saturday") =>
    makeInboundSmsMessage(from, text, {
      providerId,
      media: [{ url: "https://api.twilio.com/media/ME1", contentType: "image/jpeg" }],
      receivedAt: new Date("2026-11-23T17:00:00.123Z"),
    });

  beforeAll(() => {
    prisma = createDatabase(inject("databaseUrl")).prisma;
    store = new PrismaIntakeStore(prisma);
    usage = new SenderUsageRepository(prisma);
  });
  afterAll(async () => {
    await prisma.$disconnect();
  });

  it("knows the pg pool beneath every client createDatabase built", async () => {
    const other = createDatabase(inject("databaseUrl"));
    expect(poolOf(other.prisma)).toBe(other.pool);
    expect(poolOf(prisma)).not.toBe(other.pool);
    await other.prisma.$disconnect();
  });

  it("records an inbound message once per provider id, as sent; a retry finds it, and whether its turn was committed", async () => {
    const from = phone();
    const conversation = await store.openConversation({ agencyId: AGENCY, channel: "sms", participant: from });
    const message = inbound(from, sid());
    const first = await store.recordInbound(conversation.id, message);
    expect(first.duplicate).toBe(false);
    const row = await prisma.message.findUniqueOrThrow({ where: { id: first.messageId as string } });
    expect(row).toMatchObject({
      conversationId: conversation.id,
      direction: "inbound",
      channel: "sms",
      from,
      to: message.to,
      body: message.text,
      media: message.media,
      providerId: message.providerId,
      status: "received",
      createdAt: message.receivedAt,
      handledAt: null,
    });

    expect(await store.recordInbound(conversation.id, { ...message, text: "a retry changes nothing" })).toEqual({
      duplicate: true,
      messageId: first.messageId,
      handled: false,
    });
    await store.commitTurn(conversation, { state: createIntakeState(), effects: [], replies: [] }, new Date(), first.messageId as string);
    expect(await store.recordInbound(conversation.id, message)).toEqual({ duplicate: true, messageId: first.messageId, handled: true });
    expect(await prisma.message.count({ where: { conversationId: conversation.id } })).toBe(1);
  });

  it("records every message without a provider id (none to tell a retry by)", async () => {
    const from = phone();
    const conversation = await store.openConversation({ agencyId: AGENCY, channel: "sms", participant: from });
    const a = await store.recordInbound(conversation.id, inbound(from, null, "one"));
    const b = await store.recordInbound(conversation.id, inbound(from, null, "two"));
    expect([a.duplicate, b.duplicate]).toEqual([false, false]);
    expect(a.messageId).not.toBe(b.messageId);
  });

  it("lists a customer's requests by their contact, newest first; none for a stranger", async () => {
    const from = phone();
    expect(await store.listCustomerRequests(AGENCY, from)).toEqual([]);
    const customer = await prisma.customer.create({ data: { agencyId: AGENCY, contact: from, name: "Dana" } });
    const start = new Date("2026-12-05T01:00:00Z");
    for (const officers of [1, 2]) {
      await prisma.request.create({
        data: {
          agencyId: AGENCY,
          customerId: customer.id,
          status: "submitted",
          start,
          end: new Date(start.getTime() + 4 * 3600_000),
          officers,
          quotes: { create: { totalCents: 100 * officers, decision: "allow", quote: {}, requestData: { officers } } },
        },
      });
    }
    const listed = await store.listCustomerRequests(AGENCY, from);
    expect(listed.map((r) => r.request)).toEqual([{ officers: 2 }, { officers: 1 }]);
    expect(listed[0]!.number).toBeGreaterThan(listed[1]!.number);
    expect(await store.listCustomerRequests("rockport-tx-pd", from)).toEqual([]);
  });

  it("reads back the bot's recent replies: unsent ones and those of the last minute, not older ones or inbound", async () => {
    const from = phone();
    const conversation = await store.openConversation({ agencyId: AGENCY, channel: "sms", participant: from });
    const now = new Date();
    const base = { conversationId: conversation.id, channel: "sms" as const, from: "bot", to: from };
    await prisma.message.createMany({
      data: [
        { ...base, direction: "outbound", body: "unsent", status: "recorded", createdAt: new Date(now.getTime() - 10 * 60_000) },
        { ...base, direction: "outbound", body: "just sent", status: "queued", createdAt: new Date(now.getTime() - 30_000) },
        {
          ...base,
          direction: "outbound",
          body: "delivered late",
          status: "delivered",
          createdAt: new Date(now.getTime() - 10 * 60_000),
          statusUpdatedAt: new Date(now.getTime() - 10_000),
        },
        { ...base, direction: "outbound", body: "long ago", status: "delivered", createdAt: new Date(now.getTime() - 10 * 60_000) },
        { ...base, direction: "outbound", body: "yesterday, unsent", status: "recorded", createdAt: new Date(now.getTime() - 25 * 3600_000) },
        { ...base, direction: "inbound", body: "inbound", status: "received", createdAt: now },
      ],
    });
    expect((await usage.recentReplyBodies(conversation.id, now)).sort()).toEqual(["delivered late", "just sent", "unsent"]);
  });

  it("reads a sender's record: known once a message of theirs was acted on, officer only while active on the roster", async () => {
    const from = phone();
    const now = new Date();
    expect(await usage.read(AGENCY, from, { ...LIMITS, now })).toEqual({ actedAt: [], repliedAt: [], known: false, officer: false });
    const acted = new Date(now.getTime() - 60_000);
    await prisma.inboundSms.createMany({
      data: [
        { providerId: sid(), agencyId: AGENCY, from, to: "+15205550100", body: "a", receivedAt: acted, processedAt: acted },
        { providerId: sid(), agencyId: AGENCY, from, to: "+15205550100", body: "b", receivedAt: now },
      ],
    });
    const officer = await prisma.officer.create({
      data: {
        agencyId: AGENCY,
        badgeNumber: `TS${from.slice(-4)}`,
        firstName: "Turn",
        lastName: "Statements",
        phone: from,
        rank: "officer",
        seniorityDate: new Date("2010-01-01T00:00:00Z"),
      },
    });
    expect(await usage.read(AGENCY, from, { ...LIMITS, now })).toMatchObject({ actedAt: [acted], known: true, officer: true });
    await prisma.officer.update({ where: { id: officer.id }, data: { active: false } });
    expect(await usage.read(AGENCY, from, { ...LIMITS, now })).toMatchObject({ officer: false });
  });

  it("reads a sender's waiting messages with their record in one statement, as listPending and read give them", async () => {
    const from = phone();
    const now = new Date();
    const inbox = new InboundSmsInbox(prisma, poolOf(prisma));
    const acted = new Date(now.getTime() - 60_000);
    await prisma.inboundSms.create({
      data: { providerId: sid(), agencyId: AGENCY, from, to: "+15205550100", body: "done", receivedAt: acted, processedAt: acted },
    });
    for (const text of ["first", "second ñ \"quoted\""]) {
      await inbox.store({ ...inbound(from, sid(), text), receivedAt: new Date(now.getTime() - (text === "first" ? 2_000 : 1_000)), providerId: sid() });
    }
    const counted = countStatements(prisma);
    const both = await usage.readWithPending(AGENCY, from, { ...LIMITS, now });
    expect(counted.stop()).toBe(1);
    expect(both.record).toEqual(await usage.read(AGENCY, from, { ...LIMITS, now }));
    expect(both.pending).toEqual(await inbox.listPending(AGENCY, from));
    expect(both.pending.map((p) => p.message.text)).toEqual(["first", 'second ñ "quoted"']);
    expect(both.pending[0]?.message.media).toEqual(inbound(from, null).media);
    expect(await usage.readWithPending(AGENCY, phone(), { ...LIMITS, now })).toEqual({
      record: { actedAt: [], repliedAt: [], known: false, officer: false },
      pending: [],
    });
  });

  it("begins a turn in one statement: opens the conversation, stores the message once, nothing else to read for a stranger", async () => {
    const from = phone();
    const key = { agencyId: AGENCY, channel: "sms" as const, participant: from };
    const message = inbound(from, sid());
    const counted = countStatements(prisma);
    const start = await store.beginTurn(key, message, { repliesAsOf: new Date() });
    expect(counted.stop()).toBe(1);
    expect(start).toMatchObject({ recorded: { duplicate: false }, requests: [], recentReplies: [], awaitingApprovers: false });
    expect(start.conversation).toEqual(await store.openConversation(key));
    const row = await prisma.message.findUniqueOrThrow({ where: { id: start.recorded.messageId as string } });
    expect(row).toMatchObject({
      conversationId: start.conversation.id,
      direction: "inbound",
      channel: "sms",
      from,
      to: message.to,
      body: message.text,
      media: message.media,
      providerId: message.providerId,
      status: "received",
      createdAt: message.receivedAt,
      handledAt: null,
    });

    // A retried delivery: the same conversation, the stored message, whether its turn committed.
    const retry = await store.beginTurn(key, { ...message, text: "a retry changes nothing" }, { repliesAsOf: null });
    expect(retry).toMatchObject({ conversation: { id: start.conversation.id }, recentReplies: null });
    expect(retry.recorded).toEqual({ duplicate: true, messageId: start.recorded.messageId, handled: false });
    await store.commitTurn(start.conversation, { state: createIntakeState(), effects: [], replies: [{ text: "hi" }] }, new Date(), start.recorded.messageId as string);
    const again = await store.beginTurn(key, message, { repliesAsOf: new Date() });
    expect(again.recorded).toEqual({ duplicate: true, messageId: start.recorded.messageId, handled: true });
    expect(again.recentReplies).toEqual(["hi"]);
    expect(await prisma.message.count({ where: { conversationId: start.conversation.id, direction: "inbound" } })).toBe(1);
    expect(await prisma.conversation.count({ where: { agencyId: AGENCY, participant: from } })).toBe(1);
  });

  it("begins a turn with what listCustomerRequests and recentReplyBodies read", async () => {
    const from = phone();
    const key = { agencyId: AGENCY, channel: "sms" as const, participant: from };
    const conversation = await store.openConversation(key);
    const customer = await prisma.customer.create({ data: { agencyId: AGENCY, contact: from, name: "Dana" } });
    const start = new Date("2026-12-05T01:00:00Z");
    for (const officers of [1, 2]) {
      await prisma.request.create({
        data: {
          agencyId: AGENCY,
          customerId: customer.id,
          status: "submitted",
          start,
          end: new Date(start.getTime() + 4 * 3600_000),
          officers,
          quotes: { create: { totalCents: 100 * officers, decision: "allow", quote: {}, requestData: { officers } } },
        },
      });
    }
    const now = new Date();
    const base = { conversationId: conversation.id, channel: "sms" as const, from: "bot", to: from, direction: "outbound" as const };
    await prisma.message.createMany({
      data: [
        { ...base, body: "unsent", status: "recorded", createdAt: new Date(now.getTime() - 10 * 60_000) },
        { ...base, body: "just sent", status: "queued", createdAt: new Date(now.getTime() - 30_000) },
        { ...base, body: "long ago", status: "delivered", createdAt: new Date(now.getTime() - 10 * 60_000) },
      ],
    });
    const begun = await store.beginTurn(key, inbound(from, null, "status?"), { repliesAsOf: now });
    expect(begun.conversation.id).toBe(conversation.id);
    expect(begun.requests).toEqual(await store.listCustomerRequests(AGENCY, from));
    expect(begun.requests).toHaveLength(2);
    expect(begun.recentReplies?.sort()).toEqual((await usage.recentReplyBodies(conversation.id, now)).sort());
    expect(begun.recentReplies?.sort()).toEqual(["just sent", "unsent"]);
    expect(begun.awaitingApprovers).toBe(false);

    // A request of this conversation on the approvers' card: its customer's messages are relayed.
    const latest = await prisma.request.findFirstOrThrow({ where: { customerId: customer.id }, orderBy: { number: "desc" } });
    await prisma.request.update({ where: { id: latest.id }, data: { conversationId: conversation.id, status: "pending_approval" } });
    try {
      expect((await store.beginTurn(key, inbound(from, null, "ok"), { repliesAsOf: null })).awaitingApprovers).toBe(false);
      await prisma.request.update({ where: { id: latest.id }, data: { slackMessageTs: "1700000000.000100" } });
      expect((await store.beginTurn(key, inbound(from, null, "ok"), { repliesAsOf: null })).awaitingApprovers).toBe(true);
    } finally {
      // Its quote is a stub: left pending, it would be on every other test's approvers' lists.
      await prisma.request.update({ where: { id: latest.id }, data: { status: "submitted", slackMessageTs: null } });
    }
  });

  it("begins a turn of two first messages at once in one conversation", async () => {
    const from = phone();
    const key = { agencyId: AGENCY, channel: "sms" as const, participant: from };
    const starts = await Promise.all([1, 2, 3].map((n) => store.beginTurn(key, inbound(from, sid(), `m${n}`), { repliesAsOf: null })));
    expect(new Set(starts.map((s) => s.conversation.id)).size).toBe(1);
    expect(starts.every((s) => !s.recorded.duplicate)).toBe(true);
  });
});

/** Counts the statements every pg client runs until stopped. */
function countStatements(prisma: PrismaClient): { stop(): number } {
  const pool = poolOf(prisma);
  const query = pool.query.bind(pool);
  let count = 0;
  pool.query = ((...args: Parameters<typeof pool.query>) => {
    count += 1;
    return (query as (...a: unknown[]) => unknown)(...args);
  }) as typeof pool.query;
  return {
    stop() {
      pool.query = query;
      return count;
    },
  };
}
