import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../../config/logger.ts";
import { createHttpApp } from "../../../bots/server.ts";
import { createSmsFastPath } from "../../../bots/twilio/sms-fast-path.ts";
import { createSmsRoutes, type SmsRouteDeps } from "../../../bots/twilio/sms-routes.ts";
import { loadAgencies } from "../../../agencies/load-agencies.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import { postSignedTwilioForm } from "../../support/twilio-webhook.ts";

const AUTH_TOKEN = "test-twilio-auth-token";
const PUBLIC_BASE = "https://detaildesk.example.org";
const AGENCY_NUMBER = "+15205550100";
const ACCOUNT_SID = `AC${"1".repeat(32)}`;

const newSid = () => `SM${randomBytes(16).toString("hex")}`;
const sms = (overrides: Record<string, string> = {}) => ({
  MessageSid: newSid(),
  AccountSid: ACCOUNT_SID,
  From: `+1520555${String(2000 + Math.floor(Math.random() * 7999))}`,
  To: AGENCY_NUMBER,
  Body: "I need 2 officers Saturday 6-11pm at 4500 E Broadway",
  NumMedia: "0",
  ...overrides,
});

describe("POST /twilio/sms on the fast path (node:http ahead of express)", () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await startTestApp("sms-fast", {
      PUBLIC_BASE_URL: PUBLIC_BASE,
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_API_BASE_URL: "http://127.0.0.1:9",
    });
    // Jobs stay in the queue, so the test can count them.
    await test.app.queues.inbound.pause();
  });
  afterAll(async () => {
    await test.app.queues.inbound.obliterate({ force: true });
    await test.close();
  });

  /** Posts to `path` (the fast path's /twilio/sms, or a spelling only express routes), signed for it. */
  const post = (params: Record<string, string>, options: { path?: string; signature?: string } = {}) => {
    const path = options.path ?? "/twilio/sms";
    return postSignedTwilioForm(`${test.base}${path}`, `${PUBLIC_BASE}${path}`, AUTH_TOKEN, params, { signature: options.signature });
  };
  const storedCount = (sid: string) => test.app.prisma.inboundSms.count({ where: { providerId: sid } });

  it("stores a signed message once and queues it once, however often Twilio retries it", async () => {
    const message = sms();
    const answers = await Promise.all([post(message), post(message), post(message)]);
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.headers.get("content-type")).toBe("text/xml; charset=utf-8");
      expect(await answer.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    }
    expect(await storedCount(message.MessageSid)).toBe(1);
    const job = await test.app.queues.inbound.getJob(`inbound-${message.MessageSid}`);
    expect(job?.data).toEqual({ providerId: message.MessageSid, agencyId: expect.any(String), from: message.From });
  });

  it("queues every one of many messages arriving together (coalesced into batches), each once", async () => {
    const messages = Array.from({ length: 30 }, () => sms());
    const answers = await Promise.all([...messages, ...messages].map((message) => post(message)));
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
    const sids = messages.map((message) => message.MessageSid);
    expect(await test.app.prisma.inboundSms.count({ where: { providerId: { in: sids } } })).toBe(30);
    const jobs = await Promise.all(sids.map((sid) => test.app.queues.inbound.getJob(`inbound-${sid}`)));
    expect(jobs.filter((job) => job !== undefined)).toHaveLength(30);
  });

  it("answers a bad or missing signature 403 and stores nothing", async () => {
    const message = sms();
    const forged = await post(message, { signature: "bm90IGEgc2lnbmF0dXJl" });
    expect(forged.status).toBe(403);
    expect(await forged.json()).toEqual({ error: "invalid_signature", message: expect.any(String) });
    const unsigned = await fetch(`${test.base}/twilio/sms`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(message),
    });
    expect(unsigned.status).toBe(403);
    expect(await storedCount(message.MessageSid)).toBe(0);
  });

  it("answers as the express route does, for every refusal", async () => {
    const cases: [string, Record<string, string>][] = [
      ["unknown number", sms({ To: "+15005550000" })],
      ["missing From", (({ From: _, ...rest }) => rest)(sms())],
    ];
    for (const [label, params] of cases) {
      // /twilio/sms/ (trailing slash) is not the fast path's: express's route answers it.
      const fast = await post(params);
      const viaExpress = await post(params, { path: "/twilio/sms/" });
      expect({ label, status: fast.status, body: await fast.json() }).toEqual({
        label,
        status: viaExpress.status,
        body: await viaExpress.json(),
      });
    }
    const unknown = await post(sms({ To: "+15005550000" }));
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: "unknown_number" });
    const missing = await post((({ MessageSid: _, ...rest }) => rest)(sms()));
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: "missing_field" });
  });

  it("refuses a repeated field 400, as the express route does", async () => {
    const message = sms();
    const body = `${new URLSearchParams(message).toString()}&Body=again`;
    const signed = { ...message };
    // Signed over the repeated field as a replay tool would; the check refuses it after the signature.
    const { default: twilio } = await import("twilio");
    const signature = twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${PUBLIC_BASE}/twilio/sms`, {
      ...signed,
      Body: [message.Body, "again"] as unknown as string,
    });
    const answer = await fetch(`${test.base}/twilio/sms`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature },
      body,
    });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ error: "repeated_field" });
    expect(await storedCount(message.MessageSid)).toBe(0);
  });

  it("refuses a body over 64 kB with 413 and stores nothing", async () => {
    const message = sms({ Body: "x".repeat(70_000) });
    const answer = await post(message);
    expect(answer.status).toBe(413);
    expect(await answer.json()).toMatchObject({ error: "payload_too_large" });
    expect(await storedCount(message.MessageSid)).toBe(0);
  });

  it("leaves what it does not read plainly (gzip, JSON) to express", async () => {
    const json = await fetch(`${test.base}/twilio/sms`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-twilio-signature": "x" },
      body: JSON.stringify(sms()),
    });
    expect(json.status).toBe(403);
    const health = await fetch(`${test.base}/healthz`);
    expect(health.status).toBe(200);
  });
});

describe("the fast path when storing or queueing fails", () => {
  let server: Server;
  let base: string;
  const agencies = [...loadAgencies().values()];

  beforeAll(async () => {
    const deps: SmsRouteDeps = {
      settings: {
        mode: "live",
        accountSid: ACCOUNT_SID,
        authToken: AUTH_TOKEN,
        publicBaseUrl: () => PUBLIC_BASE,
        apiBaseUrl: () => null,
      },
      logger: createLogger({ level: "silent" }),
      agencyByNumber: (phone) => agencies.find((agency) => agency.phoneNumbers.includes(phone)),
      storeInbound: async () => undefined,
      enqueueInbound: async () => {
        throw new Error("Redis is down");
      },
      recordDeliveryStatus: async () => undefined,
    };
    const http = createHttpApp({
      logger: deps.logger,
      mode: {},
      probes: { database: async () => undefined, redis: async () => undefined },
      routers: [createSmsRoutes(deps)],
      fastRoutes: [createSmsFastPath(deps)],
    });
    server = http.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("answers 503, so Twilio retries (the retry is deduplicated by MessageSid)", async () => {
    const answer = await postSignedTwilioForm(`${base}/twilio/sms`, `${PUBLIC_BASE}/twilio/sms`, AUTH_TOKEN, sms());
    expect(answer.status).toBe(503);
    expect(await answer.json()).toEqual({ error: "unavailable", message: "Temporarily unavailable; please retry." });
  });
});
