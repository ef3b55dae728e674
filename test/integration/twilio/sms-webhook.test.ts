import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Application } from "../../../bots/application.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import { startFakeTwilio } from "../../fakes/fake-twilio-server.ts";
import { SMS_INTAKE, waitUntilActedOn } from "../../support/twilio-sms.ts";
import { postSignedTwilioForm } from "../../support/twilio-webhook.ts";
import { sleep, waitFor } from "../../support/wait-for.ts";

const AUTH_TOKEN = "test-twilio-auth-token";
const PUBLIC_BASE = "https://detaildesk.example.org";
const AGENCY_NUMBER = "+15205550100";
const ACCOUNT_SID = `AC${"1".repeat(32)}`;


describe("POST /twilio/sms (live mode against a fake Twilio API)", () => {
  let test: TestApp;
  let app: Application;
  let base: string;
  let fake: Awaited<ReturnType<typeof startFakeTwilio>>;

  beforeAll(async () => {
    fake = await startFakeTwilio();
    test = await startTestApp("sms", {
      PUBLIC_BASE_URL: PUBLIC_BASE,
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_API_BASE_URL: fake.url,
    });
    ({ app, base } = test);
  });

  afterAll(async () => {
    await test.close();
    await fake.close();
  });

  const newPhone = () => `+1520555${String(2000 + Math.floor(Math.random() * 7999))}`;
  const newSid = () => `SM${randomBytes(16).toString("hex")}`;
  const sms = (from: string, body: string) => ({
    MessageSid: newSid(),
    AccountSid: ACCOUNT_SID,
    From: from,
    To: AGENCY_NUMBER,
    Body: body,
    NumMedia: "0",
  });
  const post = (params: Record<string, string>, signature?: string) =>
    postSignedTwilioForm(`${base}/twilio/sms`, `${PUBLIC_BASE}/twilio/sms`, AUTH_TOKEN, params, { signature });

  /** Waits until the inbound queue has nothing left to run (any job a webhook queued has run). */
  async function waitForInboundQueueIdle(): Promise<void> {
    const pending = await waitFor(
      async () => {
        const counts = await app.queues.inbound.getJobCounts("waiting", "active", "delayed", "prioritized", "paused");
        return Object.values(counts).reduce((sum, n) => sum + n, 0);
      },
      (n) => n === 0,
    );
    expect(pending).toBe(0);
  }

  it("answers a signed SMS through the queue and the real twilio client, in order", async () => {
    const phone = newPhone();
    const response = await post(sms(phone, "hi, I need 2 officers Saturday 6-11pm at 4500 E Broadway"));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("<Response/>");
    const sent = await waitFor(
      async () => fake.messages.filter((m) => m.to === phone),
      (list) => list.length >= 2,
    );
    expect(sent.map((m) => m.from)).toEqual([AGENCY_NUMBER, AGENCY_NUMBER]);
    expect(sent[0]?.body).toMatch(/Tucson Police Department/);
    expect(sent[1]?.body).toMatch(/What is the job/);
    expect(sent[0]?.statusCallback).toBe(`${PUBLIC_BASE}/twilio/status`);
    expect(sent[0]?.authorization).toMatch(/^Basic /);
  });

  it("takes a whole customer intake by SMS and stores the submitted request", async () => {
    const phone = newPhone();
    const lines = [...SMS_INTAKE, "YES"];
    let expected = 0;
    for (const line of lines) {
      const params = sms(phone, line);
      expect((await post(params)).status).toBe(200);
      // A worker acts on the message; then every reply of its turn is stored (and queued).
      await waitUntilActedOn(app.prisma, params.MessageSid);
      const stored = await app.prisma.message.count({ where: { to: phone, direction: "outbound" } });
      expected = Math.max(expected + 1, stored);
      await waitFor(
        async () => fake.messages.filter((m) => m.to === phone).length,
        (n) => n >= expected,
      );
      expected = fake.messages.filter((m) => m.to === phone).length;
    }
    const bodies = fake.messages.filter((m) => m.to === phone).map((m) => m.body);
    expect(bodies.some((b) => /Quote: \$[\d,]+\.\d\d total/.test(b))).toBe(true);
    expect(bodies.at(-1)).toMatch(/Request #\d+ is submitted/);
    const request = await app.prisma.request.findFirstOrThrow({
      where: { conversation: { participant: phone } },
      include: { quotes: true },
    });
    expect(request).toMatchObject({ officers: 2, vehicles: 1 });
    // Submitting hands the request to its approvers (a queued job).
    const handedOff = await waitFor(
      () => app.prisma.request.findUniqueOrThrow({ where: { id: request.id } }),
      (r) => r.status === "pending_approval",
    );
    expect(handedOff.status).toBe("pending_approval");
    expect(request.quotes).toHaveLength(1);
  });

  it("rejects a bad or missing signature with 403 and stores nothing", async () => {
    const params = sms(newPhone(), "hello");
    expect((await post(params, "bm90LWEtc2lnbmF0dXJl")).status).toBe(403);
    const unsigned = await fetch(`${base}/twilio/sms`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(params),
    });
    expect(unsigned.status).toBe(403);
    const tampered = await postSignedTwilioForm(`${base}/twilio/sms`, `${PUBLIC_BASE}/twilio/sms`, "other-token", params);
    expect(tampered.status).toBe(403);
    // Nothing stored in the inbox, so nothing for a worker to act on later.
    expect(await app.prisma.inboundSms.count({ where: { providerId: params.MessageSid } })).toBe(0);
    expect(await app.prisma.message.count({ where: { providerId: params.MessageSid } })).toBe(0);
  });

  it("processes a retried webhook with the same MessageSid once", async () => {
    const phone = newPhone();
    const params = sms(phone, "HELP");
    // A retry that arrives before a worker acted on the first delivery...
    expect((await post(params)).status).toBe(200);
    expect((await post(params)).status).toBe(200);
    await waitUntilActedOn(app.prisma, params.MessageSid);
    expect(await app.prisma.inboundSms.count({ where: { providerId: params.MessageSid } })).toBe(1);
    expect(await app.prisma.message.count({ where: { providerId: params.MessageSid } })).toBe(1);
    const outbound = await app.prisma.message.count({ where: { to: phone, direction: "outbound" } });
    expect(outbound).toBeGreaterThan(0);
    await waitFor(
      async () => fake.messages.filter((m) => m.to === phone).length,
      (n) => n >= outbound,
    );
    // ...and one that arrives after the turn was acted on and its replies sent.
    expect((await post(params)).status).toBe(200);
    await waitForInboundQueueIdle();
    // Give a wrongly duplicated turn or send the time to show up before counting.
    await sleep(300);
    await waitForInboundQueueIdle();
    // Exactly one turn's replies: the retries added neither a stored reply nor a send.
    expect(await app.prisma.message.count({ where: { to: phone, direction: "outbound" } })).toBe(outbound);
    expect(fake.messages.filter((m) => m.to === phone)).toHaveLength(outbound);
    expect(await app.prisma.message.count({ where: { from: phone, direction: "inbound" } })).toBe(1);
    expect(await app.prisma.inboundSms.count({ where: { providerId: params.MessageSid } })).toBe(1);
  });

  it("retries a send after a 500 from Twilio and sends it once", async () => {
    const phone = newPhone();
    fake.failNext(1, 500);
    expect((await post(sms(phone, "STATUS"))).status).toBe(200);
    const sent = await waitFor(
      async () => fake.messages.filter((m) => m.to === phone),
      (list) => list.length >= 1,
    );
    expect(sent).toHaveLength(1);
    // The provider answers before the worker stores its SID: wait for the row, not the request.
    const stored = await waitFor(
      () => app.prisma.message.findFirst({ where: { to: phone, direction: "outbound" } }),
      (m) => m?.providerId != null,
    );
    expect(stored?.providerId).toMatch(/^SM/);
    expect(stored?.attempts).toBe(2);
  });

  it("never moves a message back to an earlier status on a late callback", async () => {
    const phone = newPhone();
    await post(sms(phone, "HELP"));
    const stored = await waitFor(
      () => app.prisma.message.findFirst({ where: { to: phone, direction: "outbound", providerId: { not: null } } }),
      (m) => m !== null,
    );
    const callback = (status: string) =>
      postSignedTwilioForm(`${base}/twilio/status`, `${PUBLIC_BASE}/twilio/status`, AUTH_TOKEN, {
        MessageSid: stored?.providerId ?? "",
        MessageStatus: status,
      });
    expect((await callback("delivered")).status).toBe(204);
    expect((await callback("sent")).status).toBe(204);
    expect((await callback("delivered")).status).toBe(204);
    const after = await app.prisma.message.findUniqueOrThrow({ where: { id: stored?.id ?? "" } });
    expect(after.status).toBe("delivered");
  });

  it("does not send to an opted-out number", async () => {
    const phone = newPhone();
    const stop = sms(phone, "STOP");
    const after = sms(phone, "I need 2 officers tomorrow at 4500 E Broadway");
    expect((await post(stop)).status).toBe(200);
    expect((await post(after)).status).toBe(200);
    await waitUntilActedOn(app.prisma, [stop.MessageSid, after.MessageSid]);
    // Give a wrongly queued send the time to show up before counting.
    await sleep(500);
    expect(fake.messages.filter((m) => m.to === phone)).toHaveLength(0);
    expect(await app.prisma.optOut.count({ where: { phone } })).toBe(1);
  });

  it("has no sandbox SMS route in live mode (real credentials never sign a forged webhook)", async () => {
    const response = await fetch(`${base}/sandbox/sms`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ from: "+15205550123", to: AGENCY_NUMBER, body: "hi" }),
    });
    expect(response.status).toBe(404);
  });

  it("answers 404 for a number no agency uses", async () => {
    const response = await post({ ...sms(newPhone(), "hi"), To: "+15550000000" });
    expect(response.status).toBe(404);
  });
});
