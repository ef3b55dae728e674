import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import { first, listSays, parseTwiml, type TwimlNode } from "../../support/parse-twiml.ts";
import { postSignedTwilioForm } from "../../support/twilio-webhook.ts";

const AUTH_TOKEN = "test-voice-golden-token";
const PUBLIC_BASE = "https://voice-golden.example.org";
const AGENCY_NUMBER = "+15205550100";
const DISPATCHER = "+15205550190";
const SMS_ONLY = [/[()]/, /\be\.g\./i, /\breply\b/i, /\btext\b(?! message)/i, /\b(?:responda|escriba)\b/i, /[.?!:][.?!]/];

/** Every <Say> of a TwiML document, inside its <Gather> or not. */
function spoken(twiml: TwimlNode): string {
  const gathers = (twiml.Gather as TwimlNode[] | undefined) ?? [];
  return [...listSays(twiml), ...gathers.flatMap((g) => listSays(g))].join(" ");
}

function sayLanguages(twiml: TwimlNode): string[] {
  const gathers = (twiml.Gather as TwimlNode[] | undefined) ?? [];
  const says = [...((twiml.Say as TwimlNode[]) ?? []), ...gathers.flatMap((g) => (g.Say as TwimlNode[]) ?? [])];
  return says.map((say) => String(say["@language"]));
}

describe("the voice line, written for the ear", () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await startTestApp("voice-golden", {
      PUBLIC_BASE_URL: PUBLIC_BASE,
      TWILIO_ACCOUNT_SID: `AC${"3".repeat(32)}`,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_API_BASE_URL: "http://127.0.0.1:9",
    });
  });
  afterAll(async () => {
    await test.close();
  });

  const startCall = () => {
    const from = `+1520556${String(1000 + Math.floor(Math.random() * 8999))}`;
    const sid = `CA${randomBytes(16).toString("hex")}`;
    return async (path: string, extra: Record<string, string> = {}) => {
      const params = { CallSid: sid, From: from, To: AGENCY_NUMBER, ...extra };
      const response = await postSignedTwilioForm(`${test.base}${path}`, `${PUBLIC_BASE}${path}`, AUTH_TOKEN, params);
      expect(response.status).toBe(200);
      const twiml = parseTwiml(await response.text());
      for (const pattern of SMS_ONLY) expect(spoken(twiml)).not.toMatch(pattern);
      return twiml;
    };
  };

  it("books in English: the Spanish offer first, keypad hints only where keys mean something, 1 submits", async () => {
    const post = startCall();
    const greeting = await post("/twilio/voice");
    expect(spoken(greeting)).toContain("Para español, oprima 2");
    expect(spoken(greeting)).not.toMatch(/press 1 for yes/);
    expect(first(greeting, "Gather")["@numDigits"]).toBe("1");

    let twiml = await post("/twilio/voice/gather?turn=1", {
      SpeechResult: "store security Saturday from 6 to 10 pm at 4500 East Broadway",
    });
    expect(spoken(twiml)).toMatch(/How many officers/);
    // A count: several keys ended by #, no "press 1 for yes".
    expect(first(twiml, "Gather")["@finishOnKey"]).toBe("#");
    expect(first(twiml, "Gather")["@numDigits"]).toBeUndefined();
    expect(spoken(twiml)).not.toMatch(/press 1 for yes/);

    twiml = await post("/twilio/voice/gather?turn=2", { Digits: "12" });
    const conversation = await test.app.prisma.conversation.findFirstOrThrow({
      where: { channel: "voice", messages: { some: { providerId: { startsWith: "CA" } } } },
      orderBy: { updatedAt: "desc" },
    });
    expect((conversation.state as { slots: { officers: number } }).slots.officers).toBe(12);
    expect(spoken(twiml)).toMatch(/police vehicle\? Say no, or how many vehicles/);

    const answers = ["no", "none of those", "Lee Chen", "none", "me", "none"];
    let turn = 3;
    for (const answer of answers) {
      if (/Say yes to submit/.test(spoken(twiml))) break;
      if (/Say yes or no, or press 1 for yes and 2 for no/.test(spoken(twiml))) expect(first(twiml, "Gather")["@numDigits"]).toBe("1");
      twiml = await post(`/twilio/voice/gather?turn=${turn}`, { SpeechResult: answer });
      turn += 1;
    }
    expect(spoken(twiml)).toMatch(/Here is your request\. When: \w+day \w+ \d+, 6 PM to 10 PM\./);
    expect(spoken(twiml)).toMatch(/press 1 for yes/);
    const done = await post(`/twilio/voice/gather?turn=${turn}`, { Digits: "1" });
    expect(spoken(done)).toMatch(/Request number \d+ is submitted.*send you a text message when officers are assigned/);
    expect(done.Hangup).toBeDefined();
  });

  it("switches to Spanish on 2: voice, recognizer, silence re-prompt and the dispatcher all in Spanish", async () => {
    const post = startCall();
    await post("/twilio/voice");
    const chosen = await post("/twilio/voice/gather?turn=1", { Digits: "2" });
    const gather = first(chosen, "Gather");
    expect(gather["@language"]).toBe("es-US");
    expect(spoken(chosen)).toMatch(/^¡Hola!.*¿Para qué fecha/);
    expect(new Set(sayLanguages(chosen))).toEqual(new Set(["es-US"]));

    const silence = await post("/twilio/voice/silence?turn=2&silences=1");
    expect(first(silence, "Gather")["@language"]).toBe("es-US");
    expect(spoken(silence)).toMatch(/no escuché nada/);
    const connecting = await post("/twilio/voice/silence?turn=2&silences=3");
    expect(spoken(connecting)).toMatch(/Lo comunico con el despachador/);
    expect(String(first(connecting, "Dial")["#text"])).toBe(DISPATCHER);

    const answered = await post("/twilio/voice/gather?turn=2", {
      SpeechResult: "necesito 2 oficiales el sábado de 6 a 10 pm en 4500 East Broadway para seguridad de tienda",
    });
    expect(first(answered, "Gather")["@language"]).toBe("es-US");
    expect(spoken(answered)).toMatch(/vehículo policial\? Diga no, o cuántos vehículos/);
  });

  it("answers a replayed turn with the same question, never an empty gather", async () => {
    const post = startCall();
    await post("/twilio/voice");
    const answer = { SpeechResult: "two officers Saturday from 6 to 11 pm at 4500 East Broadway" };
    const once = await post("/twilio/voice/gather?turn=1", answer);
    const again = await post("/twilio/voice/gather?turn=1", answer);
    expect(spoken(once)).toMatch(/What is the job/);
    expect(spoken(again)).toBe(spoken(once));
    expect(first(again, "Gather")["@action"]).toBe(`${PUBLIC_BASE}/twilio/voice/gather?turn=2`);
  });
});
