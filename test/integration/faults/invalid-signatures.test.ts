// Fault: webhooks that do not come from Twilio. Every Twilio endpoint must answer 403 to a
// missing, malformed, forged or replayed-onto-other-params signature, and store or change nothing.
// (Slack's 403s are covered in test/integration/slack/approval-card.test.ts.)
import { randomBytes } from "node:crypto";
import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeTwilio } from "../../fakes/fake-twilio-server.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import {
  makeInboundSms,
  newCallSid,
  newCustomerPhone,
  TUCSON_NUMBER,
  waitUntilActedOn,
} from "../../support/twilio-sms.ts";

const AUTH_TOKEN = "faults-signature-auth-token";
const PUBLIC_BASE = "https://faults-signatures.example.org";
const ACCOUNT_SID = `AC${"9".repeat(32)}`;

type Forgery = {
  name: string;
  headers: (path: string, params: Record<string, string>) => Record<string, string>;
};

const sign = (token: string, url: string, params: Record<string, string>) =>
  twilio.getExpectedTwilioSignature(token, url, params);

/** Ways a request can fail the signature check; each must get 403. */
const FORGERIES: Forgery[] = [
  { name: "no X-Twilio-Signature header", headers: () => ({}) },
  { name: "an empty signature", headers: () => ({ "x-twilio-signature": "" }) },
  { name: "a garbage signature", headers: () => ({ "x-twilio-signature": "bm90LWEtc2lnbmF0dXJl" }) },
  {
    name: "a signature made with another auth token",
    headers: (path, params) => ({
      "x-twilio-signature": sign("someone-elses-token", `${PUBLIC_BASE}${path}`, params),
    }),
  },
  {
    name: "a valid signature for another URL",
    headers: (path, params) => ({
      "x-twilio-signature": sign(AUTH_TOKEN, `https://attacker.example.com${path}`, params),
    }),
  },
  {
    name: "a valid signature of other parameters (tampered body)",
    headers: (path, params) => ({
      "x-twilio-signature": sign(AUTH_TOKEN, `${PUBLIC_BASE}${path}`, { ...params, Body: "original text" }),
    }),
  },
];

describe("webhooks with an invalid Twilio signature", () => {
  let test: TestApp;
  let fake: Awaited<ReturnType<typeof startFakeTwilio>>;

  beforeAll(async () => {
    fake = await startFakeTwilio();
    test = await startTestApp("faults-signatures", {
      PUBLIC_BASE_URL: PUBLIC_BASE,
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_API_BASE_URL: fake.url,
      SMS_RATE_PER_SENDER: "0",
    });
  });
  afterAll(async () => {
    await test?.close();
    await fake?.close();
  });

  const postForm = (path: string, params: Record<string, string>, headers: Record<string, string>) =>
    fetch(`${test.base}${path}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams(params),
    });
  const postSigned = (path: string, params: Record<string, string>) =>
    postForm(path, params, { "x-twilio-signature": sign(AUTH_TOKEN, `${PUBLIC_BASE}${path}`, params) });

  /** Rows a webhook from this phone could have written. */
  const rowsOf = async (phone: string) => ({
    conversations: await test.app.prisma.conversation.count({ where: { participant: phone } }),
    messages: await test.app.prisma.message.count({ where: { OR: [{ from: phone }, { to: phone }] } }),
    optOuts: await test.app.prisma.optOut.count({ where: { phone } }),
  });

  it.each(FORGERIES)("POST /twilio/sms with $name → 403, nothing stored or sent", async ({ headers }) => {
    const phone = newCustomerPhone();
    // STOP would write an opt-out and an audit event if it got through.
    for (const body of ["I need 2 officers Saturday 6-11pm at 4500 E Broadway", "STOP"]) {
      const params = makeInboundSms(phone, body, { AccountSid: ACCOUNT_SID });
      const response = await postForm("/twilio/sms", params, headers("/twilio/sms", params));
      expect(response.status).toBe(403);
      // Not even stored for a worker to act on later (the webhook stores, a worker acts).
      expect(await test.app.prisma.inboundSms.count({ where: { providerId: params.MessageSid } })).toBe(0);
      expect(await test.app.prisma.message.count({ where: { providerId: params.MessageSid } })).toBe(0);
    }
    expect(await rowsOf(phone)).toEqual({ conversations: 0, messages: 0, optOuts: 0 });
    expect(fake.messages.filter((m) => m.to === phone)).toHaveLength(0);
  });

  it.each(FORGERIES)(
    "POST /twilio/voice (and its follow-ups) with $name → 403, nothing stored",
    async ({ headers }) => {
      const caller = newCustomerPhone();
      const callSid = newCallSid();
      const recordingSid = `RE${randomBytes(16).toString("hex")}`;
      const call = { CallSid: callSid, AccountSid: ACCOUNT_SID, From: caller, To: TUCSON_NUMBER };
      const steps: [string, Record<string, string>][] = [
        ["/twilio/voice", call],
        [
          "/twilio/voice/gather?turn=1",
          { ...call, SpeechResult: "I need two officers Saturday at 4500 East Broadway" },
        ],
        ["/twilio/voice/gather?turn=2", { ...call, Digits: "0" }],
        ["/twilio/voice/silence?turn=2&silences=1", call],
        ["/twilio/voice/no-answer", { ...call, DialCallStatus: "no-answer" }],
        [
          "/twilio/voice/recording",
          {
            ...call,
            RecordingSid: recordingSid,
            RecordingUrl: `https://api.twilio.com/recordings/${recordingSid}`,
          },
        ],
        [
          "/twilio/voice/transcription",
          { ...call, RecordingSid: recordingSid, TranscriptionText: "call me back" },
        ],
      ];
      for (const [path, params] of steps) {
        const response = await postForm(path, params, headers(path, params));
        expect(response.status, path).toBe(403);
        // A 403 carries no TwiML: Twilio must not be told to say or dial anything.
        expect(await response.text(), path).not.toContain("<Response");
      }
      expect(await rowsOf(caller)).toEqual({ conversations: 0, messages: 0, optOuts: 0 });
      expect(await test.app.prisma.message.count({ where: { providerId: { startsWith: callSid } } })).toBe(0);
      expect(await test.app.prisma.message.count({ where: { providerId: recordingSid } })).toBe(0);
    },
  );

  it.each(FORGERIES)(
    "POST /twilio/status with $name → 403, the message's status is unchanged",
    async ({ headers }) => {
      const phone = newCustomerPhone();
      const conversation = await test.app.prisma.conversation.create({
        data: { agencyId: "tucson-az-pd", channel: "sms", participant: phone },
      });
      const providerId = `SM${randomBytes(16).toString("hex")}`;
      const message = await test.app.prisma.message.create({
        data: {
          conversationId: conversation.id,
          direction: "outbound",
          channel: "sms",
          from: TUCSON_NUMBER,
          to: phone,
          body: "signature test",
          status: "queued",
          providerId,
        },
      });
      for (const [status, errorCode] of [
        ["delivered", ""],
        ["failed", "30003"],
      ] as const) {
        const params = {
          MessageSid: providerId,
          MessageStatus: status,
          AccountSid: ACCOUNT_SID,
          ...(errorCode ? { ErrorCode: errorCode } : {}),
        };
        const response = await postForm("/twilio/status", params, headers("/twilio/status", params));
        expect(response.status).toBe(403);
      }
      const after = await test.app.prisma.message.findUniqueOrThrow({ where: { id: message.id } });
      expect(after).toMatchObject({ status: "queued", errorCode: null, statusUpdatedAt: null });
    },
  );

  it("accepts the same requests correctly signed (so the 403s above are the signature's doing)", async () => {
    const phone = newCustomerPhone();
    const sms = makeInboundSms(phone, "I need 2 officers Saturday 6-11pm at 4500 E Broadway", {
      AccountSid: ACCOUNT_SID,
    });
    expect((await postSigned("/twilio/sms", sms)).status).toBe(200);
    // The webhook stores the SMS and a worker acts on it: wait for that before looking.
    await waitUntilActedOn(test.app.prisma, sms.MessageSid ?? "");
    expect(await test.app.prisma.message.count({ where: { providerId: sms.MessageSid } })).toBe(1);

    const caller = newCustomerPhone();
    const callSid = newCallSid();
    const voice = await postSigned("/twilio/voice", {
      CallSid: callSid,
      AccountSid: ACCOUNT_SID,
      From: caller,
      To: TUCSON_NUMBER,
    });
    expect(voice.status).toBe(200);
    expect(await voice.text()).toContain("<Gather");
    expect(await test.app.prisma.message.count({ where: { providerId: `${callSid}-0` } })).toBe(1);

    const outbound = await test.app.prisma.message.create({
      data: {
        conversationId: (
          await test.app.prisma.conversation.findFirstOrThrow({ where: { participant: phone } })
        ).id,
        direction: "outbound",
        channel: "sms",
        from: TUCSON_NUMBER,
        to: phone,
        body: "signature control",
        status: "queued",
        providerId: `SM${randomBytes(16).toString("hex")}`,
      },
    });
    const status = await postSigned("/twilio/status", {
      MessageSid: outbound.providerId ?? "",
      MessageStatus: "delivered",
      AccountSid: ACCOUNT_SID,
    });
    expect(status.status).toBe(204);
    expect((await test.app.prisma.message.findUniqueOrThrow({ where: { id: outbound.id } })).status).toBe(
      "delivered",
    );
  });
});
