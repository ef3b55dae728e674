// Fault: Redis (the queues) restarts, empty, while customers are texting. Nothing may be lost:
// every inbound message stored once, every turn's replies sent once, none left "recorded".
// The database is the record and the recovery sweep (workers/jobs/recover-stranded.ts) re-queues
// what the lost queues carried, so this test runs it every second and may wait for it (its
// threshold is 20 s). The sweep reads every row of the database, so this app gets a database
// of its own and cannot pick up (and send) other test files' messages.
//
// A worker process killed in the middle of a job (completed once after a restart) is covered by
// test/integration/workers/worker-crash.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { splitSms } from "../../../core/messages/index.ts";
import { dropPrivateDatabase, privateDatabaseUrl } from "../../support/private-database.ts";
import { type PrivateRedis, startPrivateRedis } from "../../support/redis-server.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import {
  type DeliveryLog,
  deliverLikeTwilio,
  makeInboundSms,
  newCustomerPhone,
  sandboxSmsTo,
  SMS_INTAKE,
  waitUntilActedOn,
} from "../../support/twilio-sms.ts";
import { sleep, waitFor } from "../../support/wait-for.ts";


const SCRIPT = SMS_INTAKE.slice(0, 6);
/** Customers who text their whole script just before Redis goes away: their replies are still queued. */
const EARLY_CUSTOMERS = 6;
/** Customers who text through the outage and after it. */
const LATE_CUSTOMERS = 8;
/**
 * Outbound SMS per second per agency number (production's default is 3): all customers text the
 * same number, so replies back up in the queue, as they do under load, and the restart loses some.
 */
const SMS_RATE = "10";
/** Redis stays down this long (ms). */
const OUTAGE_MS = 2_500;
/** The sweep re-queues work older than 20 s; give it that, a few sweeps and the sends. */
const RECOVERY_WAIT_MS = 40_000;

describe("Redis restarted while messages arrive", () => {
  let redis: PrivateRedis;
  let test: TestApp;
  const databaseUrl = privateDatabaseUrl("faults_redis");

  beforeAll(async () => {
    redis = await startPrivateRedis();
    test = await startTestApp("faults-redis", {
      REDIS_URL: redis.url,
      DATABASE_URL: databaseUrl,
      RECOVERY_INTERVAL_MS: "1000",
      SMS_RATE_PER_SENDER: SMS_RATE,
    });
    // The app's queues have no "error" listener, so BullMQ prints every failed reconnect to the
    // console (past the logger); listening here keeps the test's output readable.
    for (const queue of test.app.queues.all) queue.on("error", () => undefined);
  });
  afterAll(async () => {
    await redis?.start();
    await test?.close();
    await redis?.stop();
    await dropPrivateDatabase(databaseUrl);
  });

  /** One customer texting the script, each message delivered (and retried) the way Twilio does. */
  async function converse(phone: string, startAfterMs: number, pauseMs = 150) {
    await sleep(startAfterMs);
    const deliveries: { sid: string; log: DeliveryLog }[] = [];
    for (const line of SCRIPT) {
      const params = makeInboundSms(phone, line);
      const log = await deliverLikeTwilio(test, params, {
        retryDelayMs: 700,
        timeoutMs: 15_000,
        giveUpAfterMs: 60_000,
      });
      deliveries.push({ sid: params.MessageSid ?? "", log });
      await sleep(pauseMs + Math.floor(Math.random() * pauseMs));
    }
    return { phone, deliveries };
  }

  const outboundOf = (phone: string) =>
    test.app.prisma.message.findMany({
      where: { to: phone, direction: "outbound" },
      orderBy: { createdAt: "asc" },
    });

  it("stores every message once and sends every reply once", { timeout: 120_000 }, async () => {
    // A customer texting before anything goes wrong: what every conversation should look like.
    const control = await converse(newCustomerPhone(), 0);
    const controlReplies = await waitFor(
      () => outboundOf(control.phone),
      (rows) => rows.length > 0 && rows.every((m) => m.providerId !== null),
    );
    expect(controlReplies.length).toBeGreaterThanOrEqual(SCRIPT.length);
    const transcript = controlReplies.map((m) => m.body);

    // Early customers text fast and are done before Redis goes away, with replies still queued;
    // late ones start meanwhile and keep texting through the outage and after it.
    const early = Array.from({ length: EARLY_CUSTOMERS }, (_, index) =>
      converse(newCustomerPhone(), index * 50, 30),
    );
    const late = Array.from({ length: LATE_CUSTOMERS }, (_, index) =>
      converse(newCustomerPhone(), 300 + index * 150),
    );
    const earlyResults = await Promise.all(early);
    const queuedAtStop = await test.app.prisma.message.count({
      where: { to: { in: earlyResults.map((r) => r.phone) }, direction: "outbound", providerId: null },
    });
    const stoppedAt = Date.now();
    await redis.stop({ kill: true });
    await sleep(OUTAGE_MS);
    await redis.start();
    const restartedAt = Date.now();
    const results = [...earlyResults, ...(await Promise.all(late))];
    const phones = results.map((r) => r.phone);

    // The outage really hit: replies were waiting in the queue it wiped, and late customers' messages
    // arrived while Redis was away.
    expect(queuedAtStop).toBeGreaterThan(0);
    expect(restartedAt - stoppedAt).toBeGreaterThanOrEqual(OUTAGE_MS);
    const attempts = results.flatMap((r) => r.deliveries.map((d) => d.log.attempts));
    expect(attempts.length).toBe((EARLY_CUSTOMERS + LATE_CUSTOMERS) * SCRIPT.length);

    // Every webhook was eventually answered 200 (after Twilio-style retries where needed).
    expect(attempts.filter((a) => a.at(-1) !== 200)).toEqual([]);

    // Every inbound message is stored exactly once. The webhook answers once it has stored and
    // queued a message; a worker acts on it a moment later (after the recovery sweep, for jobs
    // the restart wiped), so wait for that before counting.
    const sids = results.flatMap((r) => r.deliveries.map((d) => d.sid));
    await waitUntilActedOn(test.app.prisma, sids, 60_000);
    const stored = await test.app.prisma.message.groupBy({
      by: ["providerId"],
      where: { providerId: { in: sids } },
      _count: { _all: true },
    });
    expect(stored).toHaveLength(sids.length);
    expect(stored.filter((s) => s._count._all !== 1)).toEqual([]);
    for (const phone of phones) {
      expect(await test.app.prisma.message.count({ where: { from: phone, direction: "inbound" } })).toBe(
        SCRIPT.length,
      );
      expect(await test.app.prisma.conversation.count({ where: { participant: phone } })).toBe(1);
    }

    // The sweep must still be running after the restart (its schedule lived in the Redis that went away).
    const maintenance = test.app.queues.all.find((queue) => queue.name === "maintenance");
    const sweepScheduled = (await maintenance?.getJobScheduler("recover-stranded")) != null;

    // Every reply goes out, including those whose queued job the restart wiped (the sweep's work).
    const settled = await waitFor(
      () => test.app.prisma.message.findMany({ where: { to: { in: phones }, direction: "outbound" } }),
      (rows) => rows.every((m) => m.providerId !== null),
      RECOVERY_WAIT_MS,
    );
    const unsent = settled.filter((m) => m.providerId === null);
    expect(
      unsent.map((m) => ({ to: m.to, status: m.status, body: m.body.slice(0, 40) })),
      `replies still unsent ${RECOVERY_WAIT_MS / 1000} s after the restart (recovery sweep scheduled after the restart: ${sweepScheduled})`,
    ).toEqual([]);
    expect(settled.filter((m) => !["queued", "sent", "delivered"].includes(m.status))).toEqual([]);

    await sleep(500);
    for (const phone of phones) {
      const rows = await outboundOf(phone);
      // Each turn answered once: the same replies as the undisturbed customer, no more, no fewer...
      expect(
        rows.map((m) => m.body),
        phone,
      ).toEqual(transcript);
      // ...and each sent exactly once. (Their order under a backlog is send-backlog.test.ts's concern.)
      const sent = sandboxSmsTo(test, phone);
      expect([...sent].sort(), phone).toEqual(rows.flatMap((m) => splitSms(m.body)).sort());
    }
  });
});
