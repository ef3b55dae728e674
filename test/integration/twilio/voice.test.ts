import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import { first, listSays, parseTwiml } from "../../support/parse-twiml.ts";
import { postSignedTwilioForm } from "../../support/twilio-webhook.ts";

const AUTH_TOKEN = "test-voice-auth-token";
const PUBLIC_BASE = "https://voice.example.org";
const AGENCY_NUMBER = "+15205550100";
const DISPATCHER = "+15205550190";

describe("the voice line", () => {
  let test: TestApp;
  const caller = `+1520555${String(2000 + Math.floor(Math.random() * 7999))}`;
  const callSid = `CA${randomBytes(16).toString("hex")}`;

  beforeAll(async () => {
    test = await startTestApp("voice", {
      PUBLIC_BASE_URL: PUBLIC_BASE,
      TWILIO_ACCOUNT_SID: `AC${"2".repeat(32)}`,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_API_BASE_URL: "http://127.0.0.1:9",
    });
  });
  afterAll(async () => {
    await test.close();
  });

  const call = async (path: string, extra: Record<string, string> = {}) => {
    const params = { CallSid: callSid, From: caller, To: AGENCY_NUMBER, ...extra };
    const response = await postSignedTwilioForm(`${test.base}${path}`, `${PUBLIC_BASE}${path}`, AUTH_TOKEN, params);
    const text = await response.text();
    return { status: response.status, twiml: response.status === 200 ? parseTwiml(text) : {} };
  };

  it("greets in the agency's name and gathers speech and keys", async () => {
    const { status, twiml } = await call("/twilio/voice");
    expect(status).toBe(200);
    const gather = first(twiml, "Gather");
    expect(gather["@input"]).toBe("speech dtmf");
    expect(gather["@action"]).toBe(`${PUBLIC_BASE}/twilio/voice/gather?turn=1`);
    expect(listSays(gather).join(" ")).toContain("Tucson Police Department");
    expect(first(twiml, "Redirect")["#text"]).toBe(`${PUBLIC_BASE}/twilio/voice/silence?turn=1&silences=1`);
  });

  it("takes several answers from one utterance and asks for what is missing", async () => {
    const { twiml } = await call("/twilio/voice/gather?turn=1", {
      SpeechResult: "I need two officers Saturday from 6 to 11 pm at 4500 East Broadway",
    });
    const gather = first(twiml, "Gather");
    expect(listSays(gather).join(" ")).toMatch(/What is the job/);
    expect(gather["@action"]).toBe(`${PUBLIC_BASE}/twilio/voice/gather?turn=2`);
    const conversation = await test.app.prisma.conversation.findFirstOrThrow({
      where: { participant: caller, channel: "voice" },
    });
    expect((conversation.state as { slots: { officers: number } }).slots.officers).toBe(2);
  });

  it("re-prompts on silence twice, then offers the dispatcher", async () => {
    const firstSilence = await call("/twilio/voice/silence?turn=2&silences=1");
    expect(listSays(first(firstSilence.twiml, "Gather")).join(" ")).toMatch(/didn't hear/);
    expect(String(first(firstSilence.twiml, "Redirect")["#text"])).toContain("silences=2");
    const third = await call("/twilio/voice/silence?turn=2&silences=3");
    const dial = first(third.twiml, "Dial");
    expect(dial["@timeout"]).toBe("20");
    expect(String(dial["#text"])).toBe(DISPATCHER);
  });

  it("dials the on-call dispatcher on 0, and takes a voicemail when nobody answers", async () => {
    const dial = await call("/twilio/voice/gather?turn=2", { Digits: "0" });
    expect(String(first(dial.twiml, "Dial")["#text"])).toBe(DISPATCHER);
    expect(first(dial.twiml, "Dial")["@action"]).toBe(`${PUBLIC_BASE}/twilio/voice/no-answer`);
    const noAnswer = await call("/twilio/voice/no-answer", { DialCallStatus: "no-answer" });
    const record = first(noAnswer.twiml, "Record");
    expect(record["@transcribe"]).toBe("true");
    expect(record["@action"]).toBe(`${PUBLIC_BASE}/twilio/voice/recording`);
    const answered = await call("/twilio/voice/no-answer", { DialCallStatus: "completed" });
    expect(answered.twiml.Hangup).toBeDefined();

    const recordingSid = `RE${randomBytes(16).toString("hex")}`;
    await call("/twilio/voice/recording", {
      RecordingSid: recordingSid,
      RecordingUrl: `https://api.twilio.com/recordings/${recordingSid}`,
    });
    await call("/twilio/voice/transcription", { RecordingSid: recordingSid, TranscriptionText: "Please call me back" });
    const voicemail = await test.app.prisma.message.findUniqueOrThrow({ where: { providerId: recordingSid } });
    expect(voicemail.body).toBe("[voicemail] Please call me back");
    expect(voicemail.media).toEqual([{ url: `https://api.twilio.com/recordings/${recordingSid}`, contentType: "audio/wav" }]);
  });

  it("books a request by voice: answers by speech, YES by pressing 1, then says goodbye", async () => {
    const voiceCaller = `+1520555${String(2000 + Math.floor(Math.random() * 7999))}`;
    const sid = `CA${randomBytes(16).toString("hex")}`;
    const step = async (path: string, extra: Record<string, string> = {}) => {
      const params = { CallSid: sid, From: voiceCaller, To: AGENCY_NUMBER, ...extra };
      const response = await postSignedTwilioForm(`${test.base}${path}`, `${PUBLIC_BASE}${path}`, AUTH_TOKEN, params);
      expect(response.status).toBe(200);
      return parseTwiml(await response.text());
    };
    await step("/twilio/voice");
    const answers = [
      "I need one officer for store security Saturday from 6 to 10 pm at 4500 East Broadway",
      "no vehicle",
      "none of those",
      "Maria Lopez",
      "Desert Bloom",
      "none",
    ];
    let twiml = await step("/twilio/voice/gather?turn=1", { SpeechResult: answers[0] ?? "" });
    for (const [index, answer] of answers.slice(1).entries()) {
      twiml = await step(`/twilio/voice/gather?turn=${index + 2}`, { SpeechResult: answer });
    }
    expect(listSays(first(twiml, "Gather")).join(" ")).toMatch(/Quote: \$[\d,]+\.\d\d total/);
    const done = await step(`/twilio/voice/gather?turn=${answers.length + 1}`, { Digits: "1" });
    expect(listSays(done).join(" ")).toMatch(/Request number \d+ is submitted/);
    expect(done.Hangup).toBeDefined();
    const request = await test.app.prisma.request.findFirstOrThrow({
      where: { conversation: { participant: voiceCaller, channel: "voice" } },
    });
    expect(request).toMatchObject({ officers: 1, vehicles: 0 });
    // Submitted; the workers may already have handed it to the approvers.
    expect(["submitted", "pending_approval"]).toContain(request.status);
  });

  it("refuses an unsigned call with 403", async () => {
    const response = await fetch(`${test.base}/twilio/voice`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ CallSid: callSid, From: caller, To: AGENCY_NUMBER }),
    });
    expect(response.status).toBe(403);
  });
});
