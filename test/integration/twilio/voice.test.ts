import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
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
    return { status: response.status, twiml: await response.text() };
  };

  it("greets in the agency's name and gathers speech and keys", async () => {
    const { status, twiml } = await call("/twilio/voice");
    expect(status).toBe(200);
    expect(twiml).toContain('<Gather input="speech dtmf"');
    expect(twiml).toContain("Tucson Police Department");
    expect(twiml).toContain(`action="${PUBLIC_BASE}/twilio/voice/gather?turn=1"`);
    expect(twiml).toContain("<Redirect");
  });

  it("takes several answers from one utterance and asks for what is missing", async () => {
    const { twiml } = await call("/twilio/voice/gather?turn=1", {
      SpeechResult: "I need two officers Saturday from 6 to 11 pm at 4500 East Broadway",
    });
    expect(twiml).toContain("<Gather");
    expect(twiml).toMatch(/What is the job/);
    const conversation = await test.app.prisma.conversation.findFirstOrThrow({
      where: { participant: caller, channel: "voice" },
    });
    expect((conversation.state as { slots: { officers: number } }).slots.officers).toBe(2);
  });

  it("re-prompts on silence twice, then offers the dispatcher", async () => {
    const first = await call("/twilio/voice/silence?turn=2&silences=1");
    expect(first.twiml).toContain("<Gather");
    expect(first.twiml).toContain("silences=2");
    const third = await call("/twilio/voice/silence?turn=2&silences=3");
    expect(third.twiml).toContain(`<Dial timeout="20"`);
    expect(third.twiml).toContain(DISPATCHER);
  });

  it("dials the on-call dispatcher on 0, and takes a voicemail when nobody answers", async () => {
    const dial = await call("/twilio/voice/gather?turn=2", { Digits: "0" });
    expect(dial.twiml).toContain("<Dial");
    expect(dial.twiml).toContain(DISPATCHER);
    const noAnswer = await call("/twilio/voice/no-answer", { DialCallStatus: "no-answer" });
    expect(noAnswer.twiml).toContain("<Record");
    expect(noAnswer.twiml).toContain('transcribe="true"');

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

  it("refuses an unsigned call with 403", async () => {
    const response = await fetch(`${test.base}/twilio/voice`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ CallSid: callSid, From: caller, To: AGENCY_NUMBER }),
    });
    expect(response.status).toBe(403);
  });
});
