import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadAgencies } from "../../../agencies/load-agencies.ts";
import { buildTurnDeps } from "../../../bots/build-turn-deps.ts";
import { createHttpApp } from "../../../bots/server.ts";
import { createVoiceRoutes } from "../../../bots/twilio/voice-routes.ts";
import { parserExtractor } from "../../../core/understanding/index.ts";
import { startFakeTwilio } from "../../fakes/fake-twilio-server.ts";
import { createSubmittedRequest } from "../../builders/submitted-request.ts";
import { first, listSays, parseTwiml, type TwimlNode } from "../../support/parse-twiml.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import { postSignedTwilioForm } from "../../support/twilio-webhook.ts";
import { waitFor } from "../../support/wait-for.ts";

// Caller ID is not proof on the voice line (issue #15, item 9): a call whose From matches a
// customer hears or cancels that customer's bookings only after entering the one-time code texted
// to that number. Every call here is a signed Twilio webhook; the code goes out through the app's
// send-sms job to a fake Twilio API.

const AUTH_TOKEN = "test-voice-verification-token";
const PUBLIC_BASE = "https://voice-verification.example.org";
const AGENCY_NUMBER = "+15205550100";
const ACCOUNT_SID = `AC${"3".repeat(32)}`;

/** Every <Say> of a response, those inside a <Gather> included, as one string. */
function spoken(twiml: TwimlNode): string {
  const gathers = (twiml.Gather as TwimlNode[] | undefined) ?? [];
  return [...listSays(twiml), ...gathers.flatMap((gather) => listSays(gather))].join(" ");
}

describe("voice caller verification", () => {
  let test: TestApp;
  let fake: Awaited<ReturnType<typeof startFakeTwilio>>;
  let voiceLine: Server;
  /** Where the voice line under test listens (see beforeAll). */
  let voiceBase: string;

  beforeAll(async () => {
    fake = await startFakeTwilio();
    test = await startTestApp("voice-verification", {
      PUBLIC_BASE_URL: PUBLIC_BASE,
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_API_BASE_URL: fake.url,
    });
    // The app's own voice routes, composed with code delivery wired to the app's queues: the
    // behaviour below does not wait on bots/application.ts passing `deliverSms` (the last test
    // checks that it does). The app's workers send the code.
    const { app } = test;
    const agencies = [...loadAgencies().values()];
    const http = createHttpApp({
      logger: app.logger,
      mode: {},
      probes: { database: async () => undefined, redis: async () => undefined },
      routers: [
        createVoiceRoutes({
          settings: app.twilio,
          prisma: app.prisma,
          logger: app.logger,
          turn: buildTurnDeps({ prisma: app.prisma, queues: app.queues, extractor: parserExtractor }),
          agencyByNumber: (phone) => agencies.find((agency) => agency.phoneNumbers.includes(phone)),
          voicemailToDispatch: async () => undefined,
          deliverSms: (conversationId, key) => app.queues.enqueueSms(conversationId, key),
        }),
      ],
    });
    voiceLine = http.listen(0, "127.0.0.1");
    await new Promise((resolve) => voiceLine.once("listening", resolve));
    voiceBase = `http://127.0.0.1:${(voiceLine.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => voiceLine.close(resolve));
    await test.close();
    await fake.close();
  });

  /** One phone call from `from` (possibly spoofed): every webhook of it shares one CallSid. */
  function startCall(from: string, base = voiceBase) {
    const callSid = `CA${randomBytes(16).toString("hex")}`;
    const post = async (path: string, extra: Record<string, string> = {}) => {
      const params = { CallSid: callSid, From: from, To: AGENCY_NUMBER, ...extra };
      const response = await postSignedTwilioForm(`${base}${path}`, `${PUBLIC_BASE}${path}`, AUTH_TOKEN, params);
      const body = await response.text();
      expect(response.status, body).toBe(200);
      return parseTwiml(body);
    };
    return { callSid, post };
  }

  const codeTexts = (phone: string) => fake.messages.filter((m) => m.to === phone && /\b\d{6}\b/.test(m.body));

  /** Waits for the `count`-th code texted to `phone` and returns its six digits. */
  async function waitForCode(phone: string, count = 1): Promise<string> {
    const texts = await waitFor(
      () => codeTexts(phone),
      (list) => list.length >= count,
    );
    const text = texts[count - 1];
    if (!text) throw new Error(`no code texted to ${phone}`);
    return /\b(\d{6})\b/.exec(text.body)?.[1] ?? "";
  }

  const otherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

  /** Asserts the response is a keypad-only gather for six digits posting to /twilio/voice/verify. */
  function expectCodeGather(twiml: TwimlNode, turn: number): void {
    const gather = first(twiml, "Gather");
    expect(gather["@input"]).toBe("dtmf");
    expect(gather["@numDigits"]).toBe("6");
    expect(gather["@action"]).toBe(`${PUBLIC_BASE}/twilio/voice/verify?turn=${turn}`);
  }

  it("reads no booking to a caller asking for status until they enter the code texted to the number on file", async () => {
    const { request, phone } = await createSubmittedRequest(test.app.prisma);
    const call = startCall(phone);
    await call.post("/twilio/voice");
    const asked = await call.post("/twilio/voice/gather?turn=1", { SpeechResult: "what's the status of my booking" });
    expect(spoken(asked)).not.toContain(String(request.number));
    expect(spoken(asked)).not.toMatch(/submitted/i);
    expect(spoken(asked)).toMatch(/code/i);
    expectCodeGather(asked, 2);

    const code = await waitForCode(phone);
    expect(code).toMatch(/^\d{6}$/);
    const [text] = codeTexts(phone);
    expect(text?.from).toBe(AGENCY_NUMBER);
    // The code is texted, never spoken, and stored only as a hash.
    expect(spoken(asked)).not.toContain(code);
    const challenge = await test.app.prisma.callerVerification.findFirstOrThrow({ where: { callSid: call.callSid } });
    expect(JSON.stringify(challenge)).not.toContain(code);

    // A person takes seconds to key in the code; by then the provider has the text.
    const codeText = () =>
      test.app.prisma.message.findFirstOrThrow({ where: { id: challenge.messageId ?? "" }, select: { status: true, body: true } });
    await waitFor(codeText, (m) => m.status !== "recorded" && m.status !== "sending");
    const proven = await call.post("/twilio/voice/verify?turn=2", { Digits: code });
    expect(spoken(proven)).toContain(`number ${request.number}`);
    expect(spoken(proven)).toMatch(/submitted/i);
    expect(spoken(proven)).not.toContain(code);
    expect(first(proven, "Gather")["@action"]).toBe(`${PUBLIC_BASE}/twilio/voice/gather?turn=2`);

    // The rest of the call is proven: STATUS again reads at once, with no second code.
    const again = await call.post("/twilio/voice/gather?turn=2", { SpeechResult: "status" });
    expect(spoken(again)).toContain(`number ${request.number}`);
    expect(codeTexts(phone)).toHaveLength(1);

    // No inbound message of the call holds the code (the transcript is shown to dispatchers).
    const bodies = await test.app.prisma.message.findMany({
      where: { conversation: { participant: phone, channel: "voice" }, direction: "inbound" },
      select: { body: true },
    });
    expect(bodies.map((m) => m.body).join(" ")).not.toContain(code);
    // Nor does the stored text that carried it, once entered.
    expect((await codeText()).body).not.toContain(code);
  });

  it("refuses a wrong code, gives up after three, and then offers the dispatcher or a text instead", async () => {
    const { request, phone } = await createSubmittedRequest(test.app.prisma);
    const call = startCall(phone);
    await call.post("/twilio/voice");
    expectCodeGather(await call.post("/twilio/voice/gather?turn=1", { SpeechResult: "status" }), 2);
    const code = await waitForCode(phone);
    const wrong = otherCode(code);

    const firstTry = await call.post("/twilio/voice/verify?turn=2", { Digits: wrong });
    expect(spoken(firstTry)).toMatch(/didn't match/i);
    expect(spoken(firstTry)).not.toContain(String(request.number));
    expectCodeGather(firstTry, 2);

    // A short or non-numeric entry is re-prompted clearly and costs no attempt.
    const short = await call.post("/twilio/voice/verify?turn=2", { Digits: "12" });
    expect(spoken(short)).toMatch(/6-digit code/i);
    expectCodeGather(short, 2);

    const secondTry = await call.post("/twilio/voice/verify?turn=2", { Digits: wrong });
    expectCodeGather(secondTry, 2);
    const thirdTry = await call.post("/twilio/voice/verify?turn=2", { Digits: wrong });
    expect(spoken(thirdTry)).toMatch(/dispatcher/i);
    expect(spoken(thirdTry)).toMatch(/text/i);
    expect(spoken(thirdTry)).not.toContain(String(request.number));
    const gather = first(thirdTry, "Gather");
    expect(gather["@input"]).toBe("speech dtmf");
    expect(gather["@action"]).toBe(`${PUBLIC_BASE}/twilio/voice/gather?turn=2`);

    // Locked: even the right code now reads nothing, and the call gets no new code.
    const late = await call.post("/twilio/voice/verify?turn=2", { Digits: code });
    expect(spoken(late)).not.toContain(String(request.number));
    const askedAgain = await call.post("/twilio/voice/gather?turn=2", { SpeechResult: "status" });
    expect(spoken(askedAgain)).not.toContain(String(request.number));
    expect(spoken(askedAgain)).toMatch(/dispatcher/i);
    expect(codeTexts(phone)).toHaveLength(1);

    // Pressing 0 still reaches the dispatcher.
    const dial = await call.post("/twilio/voice/gather?turn=3", { Digits: "0" });
    expect(first(dial, "Dial")).toBeDefined();
  });

  it("cancels nothing by voice without the code, and cancels as before with it", async () => {
    const { request, phone } = await createSubmittedRequest(test.app.prisma);
    const status = async () =>
      (await test.app.prisma.request.findUniqueOrThrow({ where: { id: request.id }, select: { status: true } })).status;

    const spoofed = startCall(phone);
    await spoofed.post("/twilio/voice");
    const asked = await spoofed.post("/twilio/voice/gather?turn=1", { SpeechResult: `cancel booking ${request.number}` });
    expectCodeGather(asked, 2);
    expect(spoken(asked)).not.toMatch(/cancellation fee|\$\d/i);
    // Without the code the caller presses 1 (yes) at the code prompt.
    expectCodeGather(await spoofed.post("/twilio/voice/verify?turn=2", { Digits: "1" }), 2);
    expect(await status()).toBe("submitted");

    // The owner proves the number and is asked to confirm, then hangs up before answering.
    const owner = startCall(phone);
    await owner.post("/twilio/voice");
    expectCodeGather(await owner.post("/twilio/voice/gather?turn=1", { SpeechResult: "cancel my booking" }), 2);
    const confirm = await owner.post("/twilio/voice/verify?turn=2", { Digits: await waitForCode(phone, 2) });
    expect(spoken(confirm)).toMatch(new RegExp(`Cancelling booking number ${request.number}`));
    expect(await status()).toBe("submitted");

    // A spoofed call can't give the YES that the owner's call was asked for. (The later calls skip
    // the opening webhook: every call's empty opening counts as a misunderstood answer today, and
    // three of those bring in a dispatcher.)
    const late = startCall(phone);
    const yes = await late.post("/twilio/voice/gather?turn=1", { Digits: "1" });
    expect(spoken(yes)).not.toMatch(/is cancelled/i);
    expect(await status()).toBe("submitted");

    // With the code, cancelling goes as it always has: the fee, a YES, and the booking is cancelled.
    const again = startCall(phone);
    expectCodeGather(await again.post("/twilio/voice/gather?turn=1", { SpeechResult: "cancel my booking" }), 2);
    const asking = await again.post("/twilio/voice/verify?turn=2", { Digits: await waitForCode(phone, 3) });
    expect(spoken(asking)).toMatch(/cancellation fee of \$[\d,]+\.\d\d/);
    const done = await again.post("/twilio/voice/gather?turn=2", { Digits: "1" });
    expect(spoken(done)).toMatch(new RegExp(`Booking number ${request.number} is cancelled`));
    expect(await status()).toBe("cancelled");
  });

  it("takes a new booking by voice with no code, even from a number with bookings, and reads none back", async () => {
    const { request, phone } = await createSubmittedRequest(test.app.prisma);
    const call = startCall(phone);
    const answers = [
      "I need one officer for store security Saturday from 6 to 10 pm at 4500 East Broadway",
      "no vehicle",
      "none of those",
      "Maria Lopez",
      "Desert Bloom",
      "none",
    ];
    const heard: string[] = [spoken(await call.post("/twilio/voice"))];
    let twiml: TwimlNode = {};
    for (const [index, answer] of answers.entries()) {
      twiml = await call.post(`/twilio/voice/gather?turn=${index + 1}`, { SpeechResult: answer });
      heard.push(spoken(twiml));
    }
    expect(spoken(twiml)).toMatch(/Quote: \$[\d,]+\.\d\d total/);
    const done = await call.post(`/twilio/voice/gather?turn=${answers.length + 1}`, { Digits: "1" });
    expect(spoken(done)).toMatch(/Request number \d+ is submitted/);
    expect(heard.join(" ")).not.toContain(`number ${request.number}`);
    const requests = await test.app.prisma.request.findMany({ where: { customer: { contact: phone } } });
    expect(requests).toHaveLength(2);
    expect(codeTexts(phone)).toHaveLength(0);
    expect(await test.app.prisma.callerVerification.count({ where: { phone } })).toBe(0);

    // Calling back later: the number of the request just made is not read to an unproven caller.
    const later = startCall(phone);
    const opening = await later.post("/twilio/voice");
    const newest = requests.map((r) => r.number).sort((a, b) => b - a)[0];
    expect(spoken(opening)).not.toContain(`number ${newest}`);
  });

  it("refuses an expired code", async () => {
    const { request, phone } = await createSubmittedRequest(test.app.prisma);
    const call = startCall(phone);
    await call.post("/twilio/voice");
    await call.post("/twilio/voice/gather?turn=1", { SpeechResult: "status" });
    const code = await waitForCode(phone);
    // Ten minutes pass.
    await test.app.prisma.callerVerification.updateMany({
      where: { callSid: call.callSid },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const late = await call.post("/twilio/voice/verify?turn=2", { Digits: code });
    expect(spoken(late)).toMatch(/expired/i);
    expect(spoken(late)).not.toContain(String(request.number));
    expect(first(late, "Gather")["@action"]).toBe(`${PUBLIC_BASE}/twilio/voice/gather?turn=2`);
  });

  it("uses a code once, in the call it was sent for", async () => {
    const { request, phone } = await createSubmittedRequest(test.app.prisma);
    const owner = startCall(phone);
    await owner.post("/twilio/voice");
    await owner.post("/twilio/voice/gather?turn=1", { SpeechResult: "status" });
    const code = await waitForCode(phone);
    expect(spoken(await owner.post("/twilio/voice/verify?turn=2", { Digits: code }))).toContain(`number ${request.number}`);
    // Entered again (a replayed webhook, or the caller pressing it twice): not accepted twice.
    const replay = await owner.post("/twilio/voice/verify?turn=2", { Digits: code });
    expect(spoken(replay)).not.toContain(`number ${request.number}`);

    // Someone who saw that text calls from the number later: the old code does not open the new call.
    const other = startCall(phone);
    await other.post("/twilio/voice");
    expectCodeGather(await other.post("/twilio/voice/gather?turn=1", { SpeechResult: "status" }), 2);
    const fresh = await waitForCode(phone, 2);
    const reused = await other.post("/twilio/voice/verify?turn=2", { Digits: fresh === code ? otherCode(code) : code });
    expect(spoken(reused)).toMatch(/didn't match/i);
    expect(spoken(reused)).not.toContain(`number ${request.number}`);
  });

  it("is wired in the application: its voice line texts the code and reads nothing before it", async () => {
    const { request, phone } = await createSubmittedRequest(test.app.prisma);
    const call = startCall(phone, test.base);
    await call.post("/twilio/voice");
    const asked = await call.post("/twilio/voice/gather?turn=1", { SpeechResult: "status" });
    expect(spoken(asked)).not.toContain(String(request.number));
    // Unwired, the line fails closed: it reads nothing and says it can't send a code.
    expect(spoken(asked), "bots/application.ts must pass deliverSms to createVoiceRoutes").not.toMatch(/can't send a code/);
    expectCodeGather(asked, 2);
    const code = await waitForCode(phone);
    expect(spoken(await call.post("/twilio/voice/verify?turn=2", { Digits: code }))).toContain(`number ${request.number}`);
  });
});
