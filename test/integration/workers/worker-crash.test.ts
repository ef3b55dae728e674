import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabase, type Database, type PrismaClient } from "../../../prisma/client.ts";
import { createQueueSet, type QueueSet } from "../../../workers/queue-set.ts";
import { InboundSmsInbox } from "../../../prisma/repositories/inbound-sms-inbox.ts";
import { startFakeOpenAiServer } from "../../fakes/fake-openai-server.ts";
import { startFakeTwilio } from "../../fakes/fake-twilio-server.ts";
import { type RunningProcess, spawnTs } from "../../support/spawn-process.ts";
import { newCustomerPhone, newMessageSid, TUCSON_NUMBER } from "../../support/twilio-sms.ts";
import { waitFor as waitUntil } from "../../support/wait-for.ts";

/** A killed worker's job waits for its lock to expire: wait longer than the default. */
const waitFor = <T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 60_000) =>
  waitUntil(read, ok, timeoutMs);

describe("a worker killed in the middle of a job", () => {
  const prefix = `${inject("redisPrefix")}:crash`;
  let prisma: PrismaClient;
  let database: Database;
  let redis: Redis;
  let queues: QueueSet;
  let fake: Awaited<ReturnType<typeof startFakeTwilio>>;
  let openai: Awaited<ReturnType<typeof startFakeOpenAiServer>>;
  const workers: RunningProcess[] = [];

  beforeAll(async () => {
    database = createDatabase(inject("databaseUrl"));
    prisma = database.prisma;
    redis = new Redis(inject("redisUrl"), { maxRetriesPerRequest: null });
    queues = createQueueSet(redis, prefix);
    fake = await startFakeTwilio();
    openai = await startFakeOpenAiServer({ kind: "malformed" });
  });
  afterAll(async () => {
    for (const worker of workers) await worker.stop();
    await queues.close();
    redis.disconnect();
    await prisma.$disconnect();
    await fake.close();
    await openai.close();
  });

  const startWorker = (env: Record<string, string> = {}) => {
    const worker = spawnTs("workers/main.ts", [], {
      DATABASE_URL: inject("databaseUrl"),
      REDIS_URL: inject("redisUrl"),
      REDIS_PREFIX: prefix,
      TWILIO_ACCOUNT_SID: `AC${"6".repeat(32)}`,
      TWILIO_AUTH_TOKEN: "crash-test",
      TWILIO_API_BASE_URL: fake.url,
      PUBLIC_BASE_URL: "https://crash.example.org",
      WORKER_LOCK_MS: "1500",
      SMS_RATE_PER_SENDER: "0",
      LOG_LEVEL: "warn",
      RECOVERY_INTERVAL_MS: "0",
      ...env,
    });
    workers.push(worker);
    return worker;
  };

  it("completes the job once after a restart: the reply is sent and recorded once", { timeout: 120_000 }, async () => {
    const phone = `+1520555${String(3000 + Math.floor(Math.random() * 6999))}`;
    const conversation = await prisma.conversation.create({
      data: { agencyId: "tucson-az-pd", channel: "sms", participant: phone },
    });
    const message = await prisma.message.create({
      data: {
        conversationId: conversation.id,
        direction: "outbound",
        channel: "sms",
        from: "bot",
        to: phone,
        body: `crash test ${randomBytes(3).toString("hex")}`,
        status: "recorded",
      },
    });

    fake.setDelay(60_000);
    const first = startWorker();
    await queues.enqueueSms(conversation.id, "crash");
    await waitFor(
      async () => fake.messages.filter((m) => m.to === phone).length,
      (n) => n >= 1,
    );
    first.child.kill("SIGKILL");
    await first.exited;
    expect((await prisma.message.findUniqueOrThrow({ where: { id: message.id } })).status).toBe("sending");

    fake.setDelay(0);
    startWorker();
    const sent = await waitFor(
      () => prisma.message.findUniqueOrThrow({ where: { id: message.id } }),
      (m) => m.providerId !== null,
    );
    expect(sent.status).toBe("queued");
    expect(sent.providerId).toMatch(/^SM/);
    const job = await queues.outbound.getJob(`sms-${conversation.id}-crash`);
    await waitFor(
      async () => job?.getState(),
      (state) => state === "completed",
    );
    expect(await job?.getState()).toBe("completed");
    // The provider saw the first, unanswered attempt and the one that went through: the message
    // row is one, with one provider id.
    expect(await prisma.message.count({ where: { conversationId: conversation.id, direction: "outbound" } })).toBe(1);
  });

  it("acts once on an inbound SMS whose worker died mid-turn (holding the sender's lock)", { timeout: 120_000 }, async () => {
    // Only the workers this test starts may take the job.
    for (const worker of workers.splice(0)) await worker.stop();
    const phone = newCustomerPhone();
    const sid = newMessageSid();
    const message = { agencyId: "tucson-az-pd", from: phone, to: TUCSON_NUMBER, providerId: sid };
    await new InboundSmsInbox(prisma, database.pool).store({
      ...message,
      channel: "sms",
      text: "I need 2 officers Saturday 6-11pm at 4500 E Broadway",
      media: [],
      receivedAt: new Date(),
    });
    // The language model never answers: the first worker is killed while it waits inside the turn.
    openai.setMode({ kind: "hang" });
    const llm = { OPENAI_API_KEY: "sk-crash-test", OPENAI_BASE_URL: openai.baseURL };
    const first = startWorker(llm);
    const asked = openai.requests.length;
    await queues.enqueueInboundSms(message);
    await waitFor(
      async () => openai.requests.length,
      (n) => n > asked,
    );
    first.child.kill("SIGKILL");
    await first.exited;
    const stored = await prisma.message.findUniqueOrThrow({ where: { providerId: sid } });
    expect(stored.handledAt).toBeNull();
    expect(await prisma.inboundSms.findUniqueOrThrow({ where: { providerId: sid } })).toMatchObject({ processedAt: null });

    // The next worker takes the stalled job over; the dead session's lock went with it.
    openai.setMode({ kind: "malformed" });
    startWorker(llm);
    const done = await waitFor(
      () => prisma.inboundSms.findUniqueOrThrow({ where: { providerId: sid } }),
      (row) => row.processedAt !== null,
    );
    expect(done.processedAt).not.toBeNull();
    expect(await prisma.message.count({ where: { providerId: sid } })).toBe(1);
    expect((await prisma.message.findUniqueOrThrow({ where: { providerId: sid } })).handledAt).not.toBeNull();
    // One turn: the greeting and the first question, sent once each.
    const replies = await waitFor(
      () => prisma.message.findMany({ where: { to: phone, direction: "outbound" } }),
      (rows) => rows.length > 0 && rows.every((m) => m.providerId !== null),
    );
    expect(replies.map((m) => m.status).every((status) => status === "queued")).toBe(true);
    const sent = fake.messages.filter((m) => m.to === phone);
    expect(sent.map((m) => m.body).sort()).toEqual(replies.map((m) => m.body).sort());
  });
});
