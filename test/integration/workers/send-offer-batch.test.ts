// The batch send of a wave's offers (workers/jobs/send-offer-batch.ts) against the real twilio
// client and a fake Twilio: a retried batch sends only what is left, it never races send-sms into
// a double text, and a message the provider already has is never sent again.
import { randomBytes } from "node:crypto";
import type { Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTwilioClient } from "../../../bots/twilio/create-twilio-client.ts";
import { createLogger } from "../../../config/logger.ts";
import { getAgency } from "../../../agencies/load-agencies.ts";
import { createDatabase, type PrismaClient } from "../../../prisma/client.ts";
import { buildWorkerDeps } from "../../../workers/build-worker-deps.ts";
import { sendOfferBatchJob } from "../../../workers/jobs/send-offer-batch.ts";
import { sendBulkSmsJob, sendSmsJob } from "../../../workers/jobs/send-sms.ts";
import { createQueueSet, type QueueSet } from "../../../workers/queue-set.ts";
import { createRedisConnection, type RedisConnection } from "../../../workers/redis-connection.ts";
import type { WorkerDeps } from "../../../workers/registry.ts";
import { createSenderRateLimiter } from "../../../workers/sender-rate-limit.ts";
import { startWorkers } from "../../../workers/start-workers.ts";
import { startFakeTwilio } from "../../fakes/fake-twilio-server.ts";
import { waitFor } from "../../support/wait-for.ts";

const AGENCY = "tucson-az-pd";

describe("send-offer-batch", () => {
  const prefix = `${inject("redisPrefix")}:offer-batch`;
  let prisma: PrismaClient;
  let redis: RedisConnection;
  let queues: QueueSet;
  let fake: Awaited<ReturnType<typeof startFakeTwilio>>;
  let deps: WorkerDeps;
  let nextPhone = 1000 + Math.floor(Math.random() * 8000);

  beforeAll(async () => {
    prisma = createDatabase(inject("databaseUrl")).prisma;
    redis = createRedisConnection(inject("redisUrl"));
    await redis.connect();
    queues = createQueueSet(redis, prefix);
    fake = await startFakeTwilio();
    deps = buildWorkerDeps({
      prisma,
      getAgency,
      logger: createLogger({ level: "silent" }),
      queues,
      twilio: {
        client: createTwilioClient({
          mode: "live",
          accountSid: `AC${"8".repeat(32)}`,
          authToken: "offer-batch-test",
          publicBaseUrl: () => "https://offer-batch.example.org",
          apiBaseUrl: () => fake.url,
        }),
        statusCallbackUrl: () => "https://offer-batch.example.org/twilio/status",
      },
      slack: null,
      smsRateLimiter: createSenderRateLimiter(redis, prefix, 0),
      workerLockMs: 30_000,
    });
  });
  afterAll(async () => {
    await Promise.all(queues.all.map((queue) => queue.obliterate({ force: true }).catch(() => undefined)));
    await queues.close();
    redis.disconnect();
    await prisma.$disconnect();
    await fake.close();
  });

  /** Officer conversations with one recorded offer text each (what a wave's recordOfferBatch writes). */
  async function recordOffers(count: number): Promise<{ conversationIds: string[]; phones: string[] }> {
    const phones = Array.from(
      { length: count },
      (_, i) => `+1520556${String((nextPhone + i) % 10_000).padStart(4, "0")}`,
    );
    nextPhone += count;
    const conversationIds: string[] = [];
    for (const phone of phones) {
      const conversation = await prisma.conversation.create({
        data: { agencyId: AGENCY, channel: "sms", role: "officer", participant: phone },
      });
      await recordText(conversation.id, phone);
      conversationIds.push(conversation.id);
    }
    return { conversationIds, phones };
  }
  const recordText = (
    conversationId: string,
    phone: string,
    extra: { status?: "queued" | "sending"; providerId?: string } = {},
  ) =>
    prisma.message.create({
      data: {
        conversationId,
        direction: "outbound",
        channel: "sms",
        from: "bot",
        to: phone,
        body: `Shift offer ${randomBytes(3).toString("hex")}: reply YES`,
        status: extra.status ?? "recorded",
        providerId: extra.providerId ?? null,
        ...(extra.status === "sending" ? { statusUpdatedAt: new Date(Date.now() - 3_600_000) } : {}),
      },
    });
  const textsTo = (phones: string[]) => fake.messages.filter((m) => phones.includes(m.to));
  const run = (conversationIds: string[], attempt = 1) =>
    sendOfferBatchJob.run({
      payload: { conversationIds, key: `test-${randomBytes(4).toString("hex")}` },
      deps,
      attempt,
    });

  it("after a 429 halfway through, fails the job and its retry sends only what is left", async () => {
    const { conversationIds, phones } = await recordOffers(10);
    fake.failAfter(5, 5, 429);
    await expect(run(conversationIds)).rejects.toThrow(/20429/);
    expect(textsTo(phones)).toHaveLength(5);
    const afterFirst = await prisma.message.findMany({ where: { conversationId: { in: conversationIds } } });
    expect(afterFirst.filter((m) => m.status === "queued" && m.providerId !== null)).toHaveLength(5);
    expect(
      afterFirst.filter((m) => m.status === "recorded" && m.providerId === null && m.errorCode === "20429"),
    ).toHaveLength(5);

    await expect(run(conversationIds, 2)).resolves.toEqual({ sent: 5 });
    expect(textsTo(phones)).toHaveLength(10);
    expect(new Set(textsTo(phones).map((m) => m.to)).size).toBe(10);
    const afterRetry = await prisma.message.findMany({ where: { conversationId: { in: conversationIds } } });
    expect(afterRetry.every((m) => m.status === "queued" && m.providerId?.startsWith("SM"))).toBe(true);
    // A third run (a re-delivered job) finds nothing to send.
    await expect(run(conversationIds, 3)).resolves.toEqual({ sent: 0 });
    expect(textsTo(phones)).toHaveLength(10);
  });

  it("never doubles a text when send-sms runs for the same conversations at the same time", async () => {
    const { conversationIds, phones } = await recordOffers(6);
    // Slow answers, so the two jobs' claims and sends overlap.
    fake.setDelay(150);
    try {
      const results = await Promise.allSettled([
        run(conversationIds),
        ...conversationIds.map((conversationId) =>
          sendSmsJob.run({ payload: { conversationId, lane: "broadcast" }, deps, attempt: 1 }),
        ),
      ]);
      // A loser is told to retry ("still being sent"): run the retries until nothing is left.
      expect(
        results
          .filter((r) => r.status === "rejected")
          .every((r) => /still being sent/.test(String(r.reason))),
      ).toBe(true);
      for (const conversationId of conversationIds) {
        await sendSmsJob.run({ payload: { conversationId, lane: "broadcast" }, deps, attempt: 2 });
      }
    } finally {
      fake.setDelay(0);
    }
    expect(
      textsTo(phones)
        .map((m) => m.to)
        .sort(),
    ).toEqual([...phones].sort());
    const messages = await prisma.message.findMany({ where: { conversationId: { in: conversationIds } } });
    expect(messages.every((m) => m.status === "queued" && m.providerId !== null)).toBe(true);
  });

  it("never sends again a message that has a provider id, whatever its status says", async () => {
    const { conversationIds, phones } = await recordOffers(3);
    const [first, second, third] = conversationIds as [string, string, string];
    // Handed over already (the first run's write came back), or handed over and left "sending" by a dead run.
    await prisma.message.updateMany({
      where: { conversationId: first },
      data: { status: "queued", providerId: `SM${randomBytes(16).toString("hex")}` },
    });
    await prisma.message.updateMany({
      where: { conversationId: second },
      data: {
        status: "sending",
        providerId: `SM${randomBytes(16).toString("hex")}`,
        statusUpdatedAt: new Date(Date.now() - 3_600_000),
      },
    });
    await expect(run(conversationIds)).resolves.toEqual({ sent: 1 });
    expect(textsTo(phones).map((m) => m.to)).toEqual([phones[2]]);
    expect((await prisma.message.findFirstOrThrow({ where: { conversationId: third } })).status).toBe(
      "queued",
    );
  });

  it("sends a re-offer to the same officers in the same wave at once, not after the recovery sweep", async () => {
    const workers: Worker[] = startWorkers({
      connection: redis,
      prefix,
      logger: deps.logger,
      deps,
      definitions: [sendOfferBatchJob, sendBulkSmsJob],
    });
    try {
      const { conversationIds, phones } = await recordOffers(2);
      const key = `offer-${randomBytes(4).toString("hex")}-1`;
      await queues.enqueueOfferSends([conversationIds], key);
      expect(
        await waitFor(
          () => textsTo(phones).length,
          (n) => n >= 2,
          15_000,
        ),
      ).toBe(2);
      // The first batch is done (kept as completed); its offers lapse and the refill offers again.
      await waitFor(
        () => queues.outboundBulk.getJobCounts("active", "waiting", "prioritized"),
        (counts) => (counts.active ?? 0) + (counts.waiting ?? 0) + (counts.prioritized ?? 0) === 0,
      );
      for (const [i, conversationId] of conversationIds.entries())
        await recordText(conversationId, phones[i]!);
      await queues.enqueueOfferSends([conversationIds], key);
      expect(
        await waitFor(
          () => textsTo(phones).length,
          (n) => n >= 4,
          10_000,
        ),
      ).toBe(4);
    } finally {
      await Promise.all(workers.map((worker) => worker.close()));
    }
  });
});
