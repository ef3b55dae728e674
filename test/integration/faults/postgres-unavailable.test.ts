// Fault: PostgreSQL goes away under the app (a TCP proxy between them is cut, or stalls like a
// network partition). A webhook must then answer 503 within a few seconds, so Twilio retries it
// later, and nothing may be left half-written: the retry (same MessageSid) is processed once.
// The SMS webhook only stores the message (InboundSms) and queues it; a worker acts on it. So a
// cut either fails that INSERT (503, nothing stored, Twilio retries) or hits the worker's job
// (the webhook answered 200 already), which fails and is retried by BullMQ (backoff 1 s, 2 s,
// 4 s, ...) until the database is back; either way the message is acted on exactly once.
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { splitSms } from "../../../core/messages/index.ts";
import { createPrismaClient, type PrismaClient } from "../../../prisma/client.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import { startTcpProxy, type TcpProxy } from "../../support/tcp-proxy.ts";
import {
  createTwilioPoster,
  deliverLikeTwilio,
  makeInboundSms,
  newCustomerPhone,
  sandboxSmsTo,
  SMS_INTAKE,
  waitUntilActedOn,
} from "../../support/twilio-sms.ts";
import { sleep, waitFor } from "../../support/wait-for.ts";


/** Twilio waits 15 s for a webhook; an answer should come well before, so it can retry. */
/** Well inside Twilio's 15 s webhook timeout (the app's deadline is 6 s). */
const PROMPT_MS = 8_000;
/**
 * How long a message cut off in the worker may take to be acted on once the database is back:
 * BullMQ retries its job after 1 s, 2 s, 4 s, 8 s (so by 15 s in all), plus the turn itself.
 */
const RECOVERY_MS = 30_000;


describe("PostgreSQL unavailable", () => {
  let proxy: TcpProxy;
  let test: TestApp;
  /** Straight to the database, past the proxy: what is really stored. */
  let db: PrismaClient;
  let post: ReturnType<typeof createTwilioPoster>;
  /**
   * Exceptions nothing caught while a test ran. The app runs in this process; in production
   * (`npm start` serves the webhooks and runs the workers) any of them would end it.
   */
  const uncaught: Error[] = [];
  const monitor = (error: Error) => uncaught.push(error);

  beforeAll(async () => {
    process.on("uncaughtExceptionMonitor", monitor);
    const direct = new URL(inject("databaseUrl"));
    proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const proxied = new URL(direct);
    proxied.port = String(proxy.port);
    test = await startTestApp("faults-postgres", {
      DATABASE_URL: proxied.toString(),
      SMS_RATE_PER_SENDER: "0",
      // A send whose claim the cut left in doubt ("sending") is taken again after 2 × this.
      WORKER_LOCK_MS: "1500",
    });
    db = createPrismaClient(direct.toString());
    post = createTwilioPoster(test);
  });
  afterEach(() => {
    const messages = uncaught.splice(0).map((error) => error.message);
    expect(messages, "an uncaught exception would have ended the app's process").toEqual([]);
  });
  afterAll(async () => {
    process.off("uncaughtExceptionMonitor", monitor);
    proxy?.restore();
    await test?.close();
    await db?.$disconnect();
    await proxy?.close();
  });

  /** Posts and measures; a request with no answer after PROMPT_MS + 1 s counts as a hang. */
  async function timedPost(path: string, params: Record<string, string>) {
    const started = Date.now();
    try {
      const response = await post(path, params, { timeoutMs: PROMPT_MS + 1_000 });
      return {
        status: response.status as number | "hang",
        ms: Date.now() - started,
        body: await response.text(),
      };
    } catch {
      return { status: "hang" as const, ms: Date.now() - started, body: "" };
    }
  }

  const healthz = async () => {
    const response = await fetch(`${test.base}/healthz`, { signal: AbortSignal.timeout(10_000) });
    return { status: response.status, body: (await response.json()) as { database: string; redis: string } };
  };

  /** Waits until every recorded reply to these phones went out; returns what each got and should have got. */
  async function settle(phones: string[], timeoutMs = 10_000) {
    await waitFor(
      async () =>
        (
          await db.message.findMany({
            where: { to: { in: phones }, direction: "outbound" },
            select: { providerId: true },
          })
        ).every((m) => m.providerId !== null),
      (done) => done,
      timeoutMs,
    );
    await sleep(400);
    return Promise.all(
      phones.map(async (phone) => {
        const rows = await db.message.findMany({
          where: { to: phone, direction: "outbound" },
          orderBy: { createdAt: "asc" },
        });
        return {
          phone,
          rows,
          sent: sandboxSmsTo(test, phone),
          expected: rows.flatMap((m) => splitSms(m.body)),
        };
      }),
    );
  }

  /** The BullMQ job acting on an inbound SMS (one per MessageSid: the webhook and Twilio's retries share it). */
  const inboundJob = (sid: string) => test.app.queues.inbound.getJob(`inbound-${sid}`);

  /** Walks a customer to the quote summary that awaits YES. */
  async function customerAtConfirmation(): Promise<string> {
    const phone = newCustomerPhone();
    const lines = SMS_INTAKE.map((line) => makeInboundSms(phone, line));
    for (const params of lines) expect((await post("/twilio/sms", params)).status).toBe(200);
    await waitUntilActedOn(
      db,
      lines.map((params) => params.MessageSid ?? ""),
    );
    const conversation = await db.conversation.findFirstOrThrow({ where: { participant: phone } });
    expect(conversation.stateName).toBe("confirming");
    // Its replies out of the way first, so a cut later meets no send in flight from before.
    const [settled] = await settle([phone]);
    expect(settled?.sent).toEqual(settled?.expected);
    return phone;
  }

  it("answers 503 at once while the database is cut, reports it on /healthz, and takes Twilio's retry once", async () => {
    // A warm pool first: the cut must also break connections the app already holds.
    const warm = makeInboundSms(newCustomerPhone(), "hello");
    expect((await post("/twilio/sms", warm)).status).toBe(200);
    // Acted on before the cut, so the cut meets no job of it in flight.
    await waitUntilActedOn(db, warm.MessageSid ?? "");

    const phone = newCustomerPhone();
    const params = makeInboundSms(phone, "Hi, I need 2 officers next Saturday 6-11pm at 4500 E Broadway");
    proxy.cut();
    try {
      const attempts = [await timedPost("/twilio/sms", params), await timedPost("/twilio/sms", params)];
      expect(attempts.map((a) => a.status)).toEqual([503, 503]);
      for (const attempt of attempts) expect(attempt.ms).toBeLessThan(PROMPT_MS);
      const health = await healthz();
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ database: "down", redis: "up" });
      // Nothing stored, not even in the inbox, and nothing queued to act on.
      expect(await db.inboundSms.count({ where: { providerId: params.MessageSid } })).toBe(0);
      expect(await inboundJob(params.MessageSid ?? "")).toBeUndefined();
      expect(await db.message.count({ where: { providerId: params.MessageSid } })).toBe(0);
      expect(await db.conversation.count({ where: { participant: phone } })).toBe(0);
    } finally {
      proxy.restore();
    }

    // Twilio's retry, with the same MessageSid, goes through once the database is back.
    const retried = await deliverLikeTwilio(test, params, {
      retryDelayMs: 200,
      timeoutMs: PROMPT_MS,
      giveUpAfterMs: 15_000,
    });
    expect(retried.attempts.at(-1)).toBe(200);
    expect(retried.body).toContain("<Response/>");
    expect((await healthz()).status).toBe(200);
    // A worker acts on the stored retry, once.
    await waitUntilActedOn(db, params.MessageSid ?? "");
    expect(await db.inboundSms.count({ where: { providerId: params.MessageSid } })).toBe(1);
    expect(await db.message.count({ where: { providerId: params.MessageSid } })).toBe(1);
    expect(await db.message.count({ where: { from: phone, direction: "inbound" } })).toBe(1);
    const [settled] = await settle([phone]);
    expect(settled?.rows.length).toBeGreaterThan(0);
    expect(settled?.rows.every((m) => ["queued", "sent", "delivered"].includes(m.status))).toBe(true);
    expect(settled?.sent).toEqual(settled?.expected);
  });

  it("finishes a turn whose commit the cut interrupted once the database is back (nothing half-written)", async () => {
    const phone = await customerAtConfirmation();
    const repliesBefore = await db.message.count({ where: { to: phone, direction: "outbound" } });
    const yes = makeInboundSms(phone, "YES");
    // Cut exactly when the turn's transaction inserts the request: the inbound message is stored
    // by then, the request, its quote and the replies are not. The turn runs in a worker: the
    // webhook stored the message and answered before.
    const cutDone = proxy.cutWhen((chunk) => chunk.includes('INSERT INTO "public"."Request"'));
    try {
      const first = await timedPost("/twilio/sms", yes);
      expect(first.status).toBe(200);
      expect(first.ms).toBeLessThan(PROMPT_MS);
      await Promise.race([cutDone, sleep(10_000)]);
      expect(proxy.state()).toBe("cut");
      // Nothing of the turn's commit is written: no request, no reply, the state unchanged; the
      // message waits in the inbox, not acted on.
      expect(await db.request.count({ where: { conversation: { participant: phone } } })).toBe(0);
      expect(await db.message.count({ where: { to: phone, direction: "outbound" } })).toBe(repliesBefore);
      expect((await db.conversation.findFirstOrThrow({ where: { participant: phone } })).stateName).toBe(
        "confirming",
      );
      expect(await db.inboundSms.findUniqueOrThrow({ where: { providerId: yes.MessageSid } })).toMatchObject({
        processedAt: null,
      });
      // The inbound Message row written before the commit is not marked handled without it.
      expect(await db.message.findUniqueOrThrow({ where: { providerId: yes.MessageSid } })).toMatchObject({
        handledAt: null,
      });
      // Down long enough for BullMQ's first retry (after 1 s) to fail too.
      await sleep(1_500);
      expect(await db.request.count({ where: { conversation: { participant: phone } } })).toBe(0);
    } finally {
      proxy.restore();
    }

    // BullMQ retries the job until the database is back; then the turn is taken, once.
    await waitUntilActedOn(db, yes.MessageSid ?? "", RECOVERY_MS);
    // It was the job that failed (at the cut, and again at its first retry) and was retried.
    const job = await waitFor(
      async () => {
        const found = await inboundJob(yes.MessageSid ?? "");
        return { state: await found?.getState(), attemptsMade: found?.attemptsMade ?? 0 };
      },
      (seen) => seen.state === "completed",
      5_000,
    );
    expect(job.state).toBe("completed");
    expect(job.attemptsMade).toBeGreaterThan(1);
    // A late Twilio retry of the same MessageSid (had the 200 been lost) changes nothing.
    expect((await post("/twilio/sms", yes)).status).toBe(200);
    expect(await db.inboundSms.count({ where: { providerId: yes.MessageSid } })).toBe(1);
    expect(await db.message.count({ where: { providerId: yes.MessageSid } })).toBe(1);
    // The retry did the turn: one request with its quote, and the customer is told its number.
    const requests = await db.request.findMany({
      where: { conversation: { participant: phone } },
      include: { quotes: true },
    });
    expect(requests).toHaveLength(1);
    expect(requests[0]?.quotes).toHaveLength(1);
    const [settled] = await settle([phone]);
    expect(settled?.rows.filter((m) => /Request #\d+ is submitted/.test(m.body))).toHaveLength(1);
    expect(settled?.sent).toEqual(settled?.expected);
    expect((await db.conversation.findFirstOrThrow({ where: { participant: phone } })).stateName).toBe(
      "submitted",
    );
  });

  it("never leaves a request half-written when the cut lands while several customers confirm", {
    timeout: 90_000,
  }, async () => {
    const customers = await Promise.all(Array.from({ length: 6 }, () => customerAtConfirmation()));
    const yeses = customers.map((phone) => makeInboundSms(phone, "YES"));
    // All confirm at once; the database goes away a few milliseconds in, for a second: it fails
    // some webhooks' INSERT (503, Twilio retries) and some workers' turns (BullMQ retries).
    const deliveries = yeses.map((params) =>
      deliverLikeTwilio(test, params, { retryDelayMs: 300, timeoutMs: PROMPT_MS }),
    );
    await sleep(5);
    proxy.cut();
    await sleep(1_000);
    proxy.restore();
    const logs = await Promise.all(deliveries);
    for (const log of logs) expect(log.attempts.at(-1)).toBe(200);
    // Only 200 and 503 were answered, never a 500 or a hang.
    expect(logs.flatMap((log) => log.attempts).filter((s) => s !== 200 && s !== 503)).toEqual([]);

    await waitUntilActedOn(
      db,
      yeses.map((params) => params.MessageSid ?? ""),
      RECOVERY_MS,
    );
    const settled = await settle(customers, 20_000);
    for (const [index, phone] of customers.entries()) {
      expect(await db.inboundSms.count({ where: { providerId: yeses[index]?.MessageSid ?? "" } })).toBe(1);
      expect(await db.message.count({ where: { providerId: yeses[index]?.MessageSid ?? "" } })).toBe(1);
      const requests = await db.request.findMany({
        where: { conversation: { participant: phone } },
        include: { quotes: true },
      });
      // Every request row has its quote snapshot (one transaction), and each YES made exactly one.
      expect(
        requests.map((r) => r.quotes.length),
        phone,
      ).toEqual([1]);
      const outcome = settled[index];
      expect(
        outcome?.rows.filter((m) => /Request #\d+ is submitted/.test(m.body)),
        phone,
      ).toHaveLength(1);
      expect(
        outcome?.rows.filter((m) => m.providerId === null),
        phone,
      ).toEqual([]);
      // Every reply went out. (One whose send the cut interrupted after Twilio took it may go out
      // twice: the worker cannot know, and a duplicate beats a lost text. Nothing else is sent.)
      expect(new Set(outcome?.sent), phone).toEqual(new Set(outcome?.expected));
    }
  });

  it("answers 503 within a few seconds when the database stops answering (network partition), not hang", async () => {
    const phone = newCustomerPhone();
    const params = makeInboundSms(phone, "Hi, I need 2 officers next Saturday 6-11pm at 4500 E Broadway");
    proxy.stall();
    let attempt: Awaited<ReturnType<typeof timedPost>>;
    try {
      const health = await healthz();
      expect(health.status).toBe(503);
      expect(health.body.database).toBe("down");
      attempt = await timedPost("/twilio/sms", params);
      // Not stored: Twilio's retry is the message's only way in.
      expect(await db.inboundSms.count({ where: { providerId: params.MessageSid } })).toBe(0);
    } finally {
      proxy.restore();
    }
    // Soft, so the recovery below is checked either way.
    expect
      .soft({ status: attempt.status, prompt: attempt.ms < PROMPT_MS })
      .toEqual({ status: 503, prompt: true });
    const retried = await deliverLikeTwilio(test, params, {
      retryDelayMs: 200,
      timeoutMs: PROMPT_MS,
      giveUpAfterMs: 15_000,
    });
    expect(retried.attempts.at(-1)).toBe(200);
    await waitUntilActedOn(db, params.MessageSid ?? "");
    expect(await db.inboundSms.count({ where: { providerId: params.MessageSid } })).toBe(1);
    expect(await db.message.count({ where: { providerId: params.MessageSid } })).toBe(1);
  });
});
