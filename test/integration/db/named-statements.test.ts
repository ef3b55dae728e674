// The hot-path statements of a turn, a send and the sender lock are named (pg prepares each once
// per connection and PostgreSQL skips parsing and planning after that): the same statement with
// other values must still answer for those values, and a replaced connection prepares it again.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { makeInboundSmsMessage } from "../../builders/inbound-sms-message.ts";
import { AdvisoryLocks } from "../../../prisma/advisory-locks.ts";
import { createDatabase, type PrismaClient, poolOf } from "../../../prisma/client.ts";
import { claimConversationSends } from "../../../prisma/repositories/offer-batch-sends.ts";
import { PrismaIntakeStore } from "../../../prisma/repositories/prisma-intake-store.ts";
import { SenderUsageRepository } from "../../../prisma/repositories/sender-usage.ts";

const AGENCY = "tucson-az-pd";
const LIMITS = { windowMinutes: 10, take: 20, minuteMs: 60_000 };

describe("named hot-path statements", () => {
  let prisma: PrismaClient;
  const phone = () => `+1520664${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`;
  const inbound = (from: string, text: string) => makeInboundSmsMessage(from, text);

  beforeAll(() => {
    // One connection: every call below reuses the statements the first one prepared.
    prisma = createDatabase(inject("databaseUrl"), { max: 1 }).prisma;
  });
  afterAll(async () => {
    await prisma.$disconnect();
  });

  const prepared = async () =>
    (await poolOf(prisma).query<{ name: string }>(`SELECT "name" FROM pg_prepared_statements`)).rows.map((row) => row.name);

  it("answers each call for its own values on the connection that prepared them", async () => {
    const store = new PrismaIntakeStore(prisma);
    const usage = new SenderUsageRepository(prisma);
    const [a, b] = [phone(), phone()];
    const first = await store.beginTurn({ agencyId: AGENCY, channel: "sms", participant: a }, inbound(a, "hello"), { repliesAsOf: new Date() });
    const second = await store.beginTurn({ agencyId: AGENCY, channel: "sms", participant: b }, inbound(b, "hi"), { repliesAsOf: new Date() });
    expect(first.conversation.id).not.toBe(second.conversation.id);
    expect(second.recorded.duplicate).toBe(false);
    const again = await store.beginTurn({ agencyId: AGENCY, channel: "sms", participant: a }, inbound(a, "again"), { repliesAsOf: null });
    expect(again.conversation.id).toBe(first.conversation.id);

    const [forA, forB] = [
      await usage.readWithPending(AGENCY, a, { ...LIMITS, now: new Date() }),
      await usage.readWithPending(AGENCY, b, { ...LIMITS, now: new Date() }),
    ];
    expect(forA.pending).toEqual([]);
    expect(forB.record.officer).toBe(false);

    const [claimedA] = await claimConversationSends(poolOf(prisma), [first.conversation.id], new Date(), new Date(Date.now() - 60_000));
    const [claimedB] = await claimConversationSends(poolOf(prisma), [second.conversation.id], new Date(), new Date(Date.now() - 60_000));
    expect(claimedA?.conversationId).toBe(first.conversation.id);
    expect(claimedB?.conversationId).toBe(second.conversation.id);
    expect(await prepared()).toEqual(expect.arrayContaining(["intake-begin-turn", "sender-read-with-pending", "claim-conversation-sends"]));
  });

  it("prepares them again on a connection that replaced a dropped one", async () => {
    const from = phone();
    const store = new PrismaIntakeStore(prisma);
    await store.beginTurn({ agencyId: AGENCY, channel: "sms", participant: from }, inbound(from, "one"), { repliesAsOf: null });
    const killer = createDatabase(inject("databaseUrl"), { max: 1 });
    const pid = (await poolOf(prisma).query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]?.pid;
    await killer.pool.query("SELECT pg_terminate_backend($1)", [pid]);
    await killer.prisma.$disconnect();
    // The pool notices the dropped connection on its next use, which may fail once.
    await poolOf(prisma).query("SELECT 1").catch(() => undefined);
    const next = await store.beginTurn({ agencyId: AGENCY, channel: "sms", participant: from }, inbound(from, "two"), { repliesAsOf: null });
    expect(next.recorded.duplicate).toBe(false);
  });

  it("takes and frees the sender lock with its named statements, on any of the lock pool's connections", async () => {
    const locks = new AdvisoryLocks(inject("databaseUrl"), { maxHeld: 2 });
    try {
      const keys = ["named-a", "named-b", "named-a", "named-c"];
      const done = await Promise.all(keys.map((key) => locks.withLock(key, async () => key)));
      expect(done).toEqual(keys);
    } finally {
      await locks.close();
    }
  });
});
