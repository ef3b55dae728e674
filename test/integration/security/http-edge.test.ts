// The HTTP edge as the internet sees it: every error answer is JSON with a code and a sentence and
// never a stack (whatever NODE_ENV), a validly signed webhook that repeats a field is refused
// before anything is stored, and the admin login cannot be guessed at forever.
import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeTwilio } from "../../fakes/fake-twilio-server.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import { makeInboundSms, newCallSid, newCustomerPhone, TUCSON_NUMBER } from "../../support/twilio-sms.ts";

const STACK = /\bat [\w.<]+ \(|node_modules|\.ts:\d+/;

/** Posts a form signed as Twilio signs one, with `repeat` fields sent (and signed) twice. */
async function postSignedRepeated(test: TestApp, path: string, params: Record<string, string>, repeat: Record<string, string>) {
  const signed: Record<string, string | string[]> = { ...params };
  const body = new URLSearchParams(params);
  for (const [key, value] of Object.entries(repeat)) {
    signed[key] = [params[key] ?? "", value];
    body.append(key, value);
  }
  const url = `${test.app.twilio.publicBaseUrl()}${path}`;
  const signature = twilio.getExpectedTwilioSignature(test.app.twilio.authToken, url, signed as Record<string, string>);
  expect(twilio.validateRequest(test.app.twilio.authToken, signature, url, signed as Record<string, string>)).toBe(true);
  return fetch(`${test.base}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature },
    body,
  });
}

describe("HTTP edge (NODE_ENV=development, live Twilio on fake APIs)", () => {
  let test: TestApp;
  let fake: Awaited<ReturnType<typeof startFakeTwilio>>;

  beforeAll(async () => {
    fake = await startFakeTwilio();
    test = await startTestApp("http-edge", {
      NODE_ENV: "development",
      TWILIO_ACCOUNT_SID: `AC${"8".repeat(32)}`,
      TWILIO_AUTH_TOKEN: "http-edge-token",
      TWILIO_API_BASE_URL: fake.url,
      ADMIN_PASSWORD: "edge-admin-password",
      ADMIN_LOGIN_ATTEMPTS: "3",
    });
  });
  afterAll(async () => {
    await test?.close();
    await fake?.close();
  });

  it("answers an oversized body 413 in JSON without a stack", async () => {
    const response = await fetch(`${test.base}/twilio/sms`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `Body=${"x".repeat(200_000)}`,
    });
    expect(response.status).toBe(413);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    const text = await response.text();
    expect(text).not.toMatch(STACK);
    expect(JSON.parse(text)).toEqual({ error: "payload_too_large", message: expect.any(String) });
  });

  it("answers an unsupported encoding or charset 415 in JSON without a stack", async () => {
    for (const headers of <Record<string, string>[]>[
      { "content-type": "application/x-www-form-urlencoded", "content-encoding": "compress" },
      { "content-type": "application/x-www-form-urlencoded; charset=klingon" },
    ]) {
      const response = await fetch(`${test.base}/twilio/sms`, { method: "POST", headers, body: "Body=hi" });
      expect(response.status).toBe(415);
      const text = await response.text();
      expect(text).not.toMatch(STACK);
      expect(JSON.parse(text)).toMatchObject({ error: expect.stringMatching(/^unsupported_/), message: expect.any(String) });
    }
  });

  it("answers malformed JSON and unknown paths in JSON", async () => {
    const malformed = await fetch(`${test.base}/sandbox/sms`, { method: "POST", headers: { "content-type": "application/json" }, body: "{" });
    expect(malformed.status).toBe(404);
    const missing = await fetch(`${test.base}/nowhere`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "not_found", message: expect.any(String) });
  });

  it("refuses a signed SMS webhook with Body twice (400) and stores nothing", async () => {
    const params = makeInboundSms(newCustomerPhone(), "first body");
    const response = await postSignedRepeated(test, "/twilio/sms", params, { Body: "second body" });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "repeated_field", message: expect.stringContaining("Body") });
    expect(await test.app.prisma.inboundSms.count({ where: { providerId: params.MessageSid } })).toBe(0);
  });

  it("refuses a signed SMS webhook with From twice (400): nothing stored, nobody texted", async () => {
    const from = newCustomerPhone();
    const params = makeInboundSms(from, "I need 2 officers");
    const response = await postSignedRepeated(test, "/twilio/sms", params, { From: newCustomerPhone() });
    expect(response.status).toBe(400);
    expect(await test.app.prisma.inboundSms.count({ where: { providerId: params.MessageSid } })).toBe(0);
    expect(await test.app.prisma.conversation.count({ where: { participant: { startsWith: "{" } } })).toBe(0);
  });

  it("refuses a signed voice webhook with a repeated field (400)", async () => {
    const params = { CallSid: newCallSid(), AccountSid: `AC${"8".repeat(32)}`, From: newCustomerPhone(), To: TUCSON_NUMBER, CallStatus: "ringing" };
    const response = await postSignedRepeated(test, "/twilio/voice", params, { From: newCustomerPhone() });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "repeated_field" });
  });

  it("locks an address out of the admin login after repeated wrong passwords, even with the right one", async () => {
    const login = (password: string) =>
      fetch(`${test.base}/admin/queues`, { headers: { authorization: `Basic ${Buffer.from(`admin:${password}`).toString("base64")}` } });
    for (let attempt = 0; attempt < 3; attempt += 1) expect((await login(`wrong-${attempt}`)).status).toBe(401);
    const locked = await login("edge-admin-password");
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await locked.json()).toMatchObject({ error: "too_many_attempts" });
  });
});
