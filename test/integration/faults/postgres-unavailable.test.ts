// Fault: PostgreSQL goes away under the app (a TCP proxy between them is cut, or stalls like a
// network partition). A webhook must then answer 503 within a few seconds, so Twilio retries it
// later, and nothing may be left half-written: the retry (same MessageSid) is processed once.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
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
} from "../../support/twilio-sms.ts";
import { sleep, waitFor } from "../../support/wait-for.ts";


/** Twilio waits 15 s for a webhook; an answer should come well before, so it can retry. */
/** Well inside Twilio's 15 s webhook timeout (the app's deadline is 6 s). */
const PROMPT_MS = 8_000;


describe("PostgreSQL unavailable", () => {
  let proxy: TcpProxy;
  let test: TestApp;
  /** Straight to the database, past the proxy: what is really stored. */
  let db: PrismaClient;
  let post: ReturnType<typeof createTwilioPoster>;

  beforeAll(async () => {
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
  afterAll(async () => {
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

  /** Walks a customer to the quote summary that awaits YES. */
  async function customerAtConfirmation(): Promise<string> {
    const phone = newCustomerPhone();
    for (const line of SMS_INTAKE)
      expect((await post("/twilio/sms", makeInboundSms(phone, line))).status).toBe(200);
    const conversation = await db.conversation.findFirstOrThrow({ where: { participant: phone } });
    expect(conversation.stateName).toBe("confirming");
    // Its replies out of the way first, so a cut later meets no send in flight from before.
    const [settled] = await settle([phone]);
    expect(settled?.sent).toEqual(settled?.expected);
    return phone;
  }

  it("answers 503 at once while the database is cut, reports it on /healthz, and takes Twilio's retry once", async () => {
    // A warm pool first: the cut must also break connections the app already holds.
    const warm = newCustomerPhone();
    expect((await post("/twilio/sms", makeInboundSms(warm, "hello"))).status).toBe(200);

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
    expect(await db.message.count({ where: { providerId: params.MessageSid } })).toBe(1);
    expect(await db.message.count({ where: { from: phone, direction: "inbound" } })).toBe(1);
    const [settled] = await settle([phone]);
    expect(settled?.rows.length).toBeGreaterThan(0);
    expect(settled?.rows.every((m) => ["queued", "sent", "delivered"].includes(m.status))).toBe(true);
    expect(settled?.sent).toEqual(settled?.expected);
  });

  it("finishes a turn whose commit the cut interrupted when Twilio retries it (nothing half-written)", async () => {
    const phone = await customerAtConfirmation();
    const yes = makeInboundSms(phone, "YES");
    // Cut exactly when the turn's transaction inserts the request: the inbound message is stored
    // by then, the request, its quote and the replies are not.
    const cutDone = proxy.cutWhen((chunk) => chunk.includes('INSERT INTO "public"."Request"'));
    try {
      const first = await timedPost("/twilio/sms", yes);
      await Promise.race([cutDone, sleep(2_000)]);
      expect(proxy.state()).toBe("cut");
      expect(first.status).toBe(503);
      expect(first.ms).toBeLessThan(PROMPT_MS);
    } finally {
      proxy.restore();
    }
    expect(await db.request.count({ where: { conversation: { participant: phone } } })).toBe(0);

    const retried = await deliverLikeTwilio(test, yes, {
      retryDelayMs: 200,
      timeoutMs: PROMPT_MS,
      giveUpAfterMs: 15_000,
    });
    expect(retried.attempts.at(-1)).toBe(200);
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
    // All confirm at once; the database goes away a few milliseconds in, for a second.
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

    const settled = await settle(customers, 20_000);
    for (const [index, phone] of customers.entries()) {
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
    expect(await db.message.count({ where: { providerId: params.MessageSid } })).toBe(1);
  });
});
