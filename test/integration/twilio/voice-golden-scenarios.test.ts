import { randomBytes, randomInt } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApprovalRepository } from "../../../prisma/repositories/approval-repository.ts";
import { type FakeSlackServer, startFakeSlackServer } from "../../fakes/fake-slack-server.ts";
import { startFakeTwilio } from "../../fakes/fake-twilio-server.ts";
import { first, parseTwiml, type TwimlNode } from "../../support/parse-twiml.ts";
import { makeBlockAction, postSignedSlack, TEST_SLACK_SIGNING_SECRET } from "../../support/slack-request.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import { newMessageSid, waitUntilActedOn } from "../../support/twilio-sms.ts";
import { postSignedTwilioForm } from "../../support/twilio-webhook.ts";
import { waitFor } from "../../support/wait-for.ts";

/**
 * Golden voice transcripts (#17), English and Spanish: a full booking, a correction at the summary,
 * a refusal, and a takeover with hand-back (the caller asks for an agent and is put through to the
 * on-call dispatcher, who takes the conversation's Slack thread and hands it back; the caller calls
 * again and the bot goes on from what it knew). Every call runs through signed Twilio webhooks; each
 * transcript (what the line says, what the caller says or presses) is kept in
 * test/fixtures/transcripts/voice/<lang>-<scenario>.txt. UPDATE_GOLDEN=1 rewrites them.
 */

const AUTH_TOKEN = "test-voice-scenarios-token";
const PUBLIC_BASE = "https://voice-scenarios.example.org";
const AGENCY_NUMBER = "+15205550100";
const DISPATCHER_PHONE = "+15205550190";
const DISPATCH_CHANNEL = "C0TUCSDISP";
const DISPATCHER = "U0TUCSDSP1";
const FORM = "application/x-www-form-urlencoded";
const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), "../../fixtures/transcripts/voice");

/** Screen-only wording a caller cannot act on: parentheses, "e.g.", "reply"/"text" as verbs, doubled punctuation. */
const SMS_ONLY = [
  /[()]/,
  /\be\.g\./i,
  /\bp\. ej\./i,
  /\breply\b/i,
  /\btext\b(?! message)/i,
  /\b(?:responda|escriba|escríbanos)\b/i,
  /[.?!:;,][.?!,;]/,
  /[/*_•<>"]/,
  // Two sentences run together ("11 PMYou can") are read as one garbled word.
  /[.?!][\p{L}]|\b[AP]M\p{L}/u,
];
const VOICES = { en: { voice: "Polly.Joanna", language: "en-US" }, es: { voice: "Polly.Lupe", language: "es-US" } } as const;
/** The Spanish offer on the greeting is the one line of an English call said in Spanish. */
const SPANISH_OFFER = "Para español, oprima 2 o diga español.";

type Language = "en" | "es";
type Answer = { say: string } | { press: string };

const SCRIPT = {
  en: {
    first: "I need 2 officers for store security on December 12 2027 from 6 pm to 11 pm at 4500 East Broadway, Tucson",
    partial: "I need 2 officers for store security on December 12 2027 at 4500 East Broadway, Tucson",
    answers: [
      [/What time/i, { say: "from 6 pm to 11 pm" }],
      [/police vehicle/i, { say: "no" }],
      [/any of these apply/i, { say: "none of those" }],
      [/your name/i, { say: "Maria Lopez" }],
      [/organization/i, { say: "Desert Bloom Events" }],
      [/report to on site|phone number/i, { say: "me" }],
      [/instructions/i, { say: "none" }],
    ] as [RegExp, Answer][],
    summary: /Say yes to submit/,
    correction: "actually 3 officers",
    officers: (n: number) => new RegExp(`Officers: ${n}\\b`),
    submitted: /Request number \d+ is submitted/,
    refusal: "I need a bouncer for my bar on December 12 2027 from 9 pm to 2 am at 4500 East Broadway, Tucson, 1 officer",
    refused: /can't take this request/i,
    agent: { say: "agent" } as Answer,
    connecting: /connecting you with a dispatcher/i,
  },
  es: {
    first: "necesito 2 oficiales para seguridad de tienda el 12 de diciembre de 2027 de 6 a 11 de la noche en 4500 East Broadway, Tucson",
    partial: "necesito 2 oficiales para seguridad de tienda el 12 de diciembre de 2027 en 4500 East Broadway, Tucson",
    answers: [
      [/A qué hora|qué horario/i, { say: "de 6 a 11 de la noche" }],
      [/vehículo/i, { say: "no" }],
      [/aplica alguna/i, { say: "ninguna" }],
      [/su nombre/i, { say: "Maria Lopez" }],
      [/organizaci/i, { say: "Desert Bloom Events" }],
      [/reportarse|teléfono/i, { say: "yo" }],
      [/instrucciones/i, { say: "ninguna" }],
    ] as [RegExp, Answer][],
    summary: /Diga sí para enviar/,
    correction: "mejor 3 oficiales",
    officers: (n: number) => new RegExp(`Oficiales: ${n}\\b`),
    submitted: /[Ss]olicitud número \d+ (?:fue enviada|está enviada)/,
    refusal: "necesito un portero para mi bar el 12 de diciembre de 2027 de 9 de la noche a 2 de la mañana en 4500 East Broadway, Tucson, 1 oficial",
    refused: /no podemos aceptar/i,
    agent: { press: "0" } as Answer,
    connecting: /Lo comunico con un despachador/,
  },
} as const;

/** Every <Say> of a TwiML document in the order heard, with its voice and language. */
function saysOf(twiml: TwimlNode): { text: string; voice: string; language: string }[] {
  const read = (node: TwimlNode) =>
    ((node.Say as (string | TwimlNode)[] | undefined) ?? []).map((say) =>
      typeof say === "string"
        ? { text: say, voice: "", language: "" }
        : { text: String(say["#text"]), voice: String(say["@voice"]), language: String(say["@language"]) },
    );
  const gathers = (twiml.Gather as TwimlNode[] | undefined) ?? [];
  return [...read(twiml), ...gathers.flatMap(read)];
}
const spoken = (twiml: TwimlNode) => saysOf(twiml).map((s) => s.text).join(" ");

/** The same call on every rerun: request numbers and the caller's random number are masked. */
function normalize(line: string, caller: string): string {
  const local = caller.slice(-10);
  const groups = [local.slice(0, 3), local.slice(3, 6), local.slice(6)].map((g) => g.split("").join(" ")).join(", ");
  return line
    .replaceAll(groups, "<caller's number>")
    .replaceAll(caller, "<caller's number>")
    .replace(/\b(number|número|Request|Solicitud|#)\s?\d+/g, "$1 <n>");
}

function checkGolden(name: string, transcript: string[]): void {
  const file = join(GOLDEN_DIR, `${name}.txt`);
  const text = `${transcript.join("\n")}\n`;
  if (process.env.UPDATE_GOLDEN === "1" || !existsSync(file)) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, text);
    if (process.env.UPDATE_GOLDEN !== "1") throw new Error(`${file} was missing: written; check it and rerun`);
    return;
  }
  expect(text, `${file} (UPDATE_GOLDEN=1 rewrites it)`).toBe(readFileSync(file, "utf8"));
}

describe("voice golden transcripts (#17): booking, correction, refusal, takeover with hand-back", () => {
  let test: TestApp;
  let slack: FakeSlackServer;
  let twilio: Awaited<ReturnType<typeof startFakeTwilio>>;

  beforeAll(async () => {
    slack = await startFakeSlackServer("xoxb-test");
    twilio = await startFakeTwilio();
    test = await startTestApp("voice-golden-scenarios", {
      PUBLIC_BASE_URL: PUBLIC_BASE,
      TWILIO_ACCOUNT_SID: `AC${"6".repeat(32)}`,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_API_BASE_URL: twilio.url,
      SLACK_BOT_TOKEN: "xoxb-test",
      SLACK_SIGNING_SECRET: TEST_SLACK_SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      SMS_RATE_PER_SENDER: "0",
    });
  });
  afterAll(async () => {
    await test?.close();
    await slack?.close();
    await twilio?.close();
  });

  /** One caller (one phone) over one or more calls; every line heard and said goes to `transcript`. */
  function startCaller(language: Language) {
    const caller = `+1520558${String(randomInt(0, 10_000)).padStart(4, "0")}`;
    const transcript: string[] = [];
    let sid = "";
    let turn = 0;
    let last: TwimlNode = {};
    /** A caller's first call opens in English until 2 picks Spanish; later calls know their language. */
    let current: Language = "en";

    const post = async (path: string, extra: Record<string, string> = {}) => {
      const params = { CallSid: sid, From: caller, To: AGENCY_NUMBER, ...extra };
      const response = await postSignedTwilioForm(`${test.base}${path}`, `${PUBLIC_BASE}${path}`, AUTH_TOKEN, params);
      expect(response.status).toBe(200);
      const twiml = parseTwiml(await response.text());
      for (const say of saysOf(twiml)) {
        for (const pattern of SMS_ONLY) expect(say.text, `${pattern} in: ${say.text}`).not.toMatch(pattern);
        const expected = say.text === SPANISH_OFFER ? VOICES.es : VOICES[current];
        expect({ text: say.text, voice: say.voice, language: say.language }).toEqual({ text: say.text, ...expected });
        transcript.push(`LINE: ${normalize(say.text, caller)}`);
      }
      const gathers = (twiml.Gather as TwimlNode[] | undefined) ?? [];
      for (const gather of gathers) {
        if (String(gather["@input"]).includes("speech")) expect(gather["@language"]).toBe(VOICES[current].language);
      }
      if (twiml.Dial) transcript.push(`[the call is put through to the dispatcher at ${String(first(twiml, "Dial")["#text"])}]`);
      if (twiml.Record) transcript.push("[voicemail: the caller is recorded]");
      if (twiml.Hangup) transcript.push("[the line hangs up]");
      last = twiml;
      return twiml;
    };

    return {
      caller,
      transcript,
      get last() {
        return last;
      },
      note: (line: string) => transcript.push(line),
      /** A new call from the same phone: the greeting. */
      async call() {
        sid = `CA${randomBytes(16).toString("hex")}`;
        turn = 0;
        transcript.push("[the caller calls the agency's line]");
        return post("/twilio/voice");
      },
      async answer(answer: Answer) {
        turn += 1;
        if ("say" in answer) {
          transcript.push(`CALLER: ${answer.say}`);
          if (turn === 1 && answer.say === "español") current = language;
          return post(`/twilio/voice/gather?turn=${turn}`, { SpeechResult: answer.say });
        }
        transcript.push(`CALLER presses: ${answer.press}`);
        if (turn === 1 && answer.press === "2") current = language;
        return post(`/twilio/voice/gather?turn=${turn}`, { Digits: answer.press });
      },
      /** Twilio's <Dial> action once the dispatcher's leg ends. */
      async dialEnded(status: "completed" | "no-answer") {
        transcript.push(`[the dispatcher's phone: ${status}]`);
        return post("/twilio/voice/no-answer", { DialCallStatus: status });
      },
    };
  }

  /** The greeting, Spanish picked on 2 for a Spanish caller, then the first utterance. */
  async function open(caller: ReturnType<typeof startCaller>, language: Language, first: string) {
    await caller.call();
    if (language === "es") {
      const chosen = await caller.answer({ press: "2" });
      expect(spoken(chosen)).toMatch(/¿Para qué fecha/);
    }
    return caller.answer({ say: first });
  }

  /** Answers the open questions from the script until the summary asks for a yes. */
  async function untilSummary(caller: ReturnType<typeof startCaller>, language: Language) {
    for (let step = 0; step < 12; step += 1) {
      const heard = spoken(caller.last);
      if (SCRIPT[language].summary.test(heard)) return heard;
      const answer = SCRIPT[language].answers.find(([pattern]) => pattern.test(heard))?.[1];
      if (!answer) throw new Error(`no scripted answer for: ${heard}`);
      await caller.answer(answer);
    }
    throw new Error(`no summary: ${spoken(caller.last)}`);
  }

  async function requestOf(caller: string) {
    return test.app.prisma.request.findFirstOrThrow({
      where: { conversation: { participant: caller, channel: "voice" } },
      orderBy: { createdAt: "desc" },
    });
  }

  for (const language of ["en", "es"] as const) {
    const script = SCRIPT[language];

    it(`${language}: a full booking, submitted on 1`, async () => {
      const caller = startCaller(language);
      await open(caller, language, script.first);
      const summary = await untilSummary(caller, language);
      expect(summary).toMatch(script.officers(2));
      const done = await caller.answer({ press: "1" });
      expect(spoken(done)).toMatch(script.submitted);
      expect(done.Hangup).toBeDefined();
      expect(await requestOf(caller.caller)).toMatchObject({ status: "submitted", officers: 2 });
      checkGolden(`${language}-booking`, caller.transcript);
    });

    it(`${language}: a correction at the summary is read back, then submitted`, async () => {
      const caller = startCaller(language);
      await open(caller, language, script.first);
      expect(await untilSummary(caller, language)).toMatch(script.officers(2));
      const corrected = await caller.answer({ say: script.correction });
      expect(spoken(corrected)).toMatch(script.officers(3));
      expect(spoken(corrected)).toMatch(script.summary);
      const done = await caller.answer({ say: language === "es" ? "sí" : "yes" });
      expect(spoken(done)).toMatch(script.submitted);
      expect(await requestOf(caller.caller)).toMatchObject({ status: "submitted", officers: 3 });
      checkGolden(`${language}-correction`, caller.transcript);
    });

    it(`${language}: prohibited work is refused, and the line keeps listening for start over or agent`, async () => {
      const caller = startCaller(language);
      await open(caller, language, script.refusal);
      for (let step = 0; step < 8 && !caller.last.Hangup && !script.refused.test(spoken(caller.last)); step += 1) {
        const heard = spoken(caller.last);
        const answer = script.answers.find(([pattern]) => pattern.test(heard))?.[1];
        if (!answer) throw new Error(`no scripted answer for: ${heard}`);
        await caller.answer(answer);
      }
      expect(spoken(caller.last)).toMatch(script.refused);
      // The refusal tells the caller what they can still say, so the call does not end on it.
      expect(caller.last.Hangup).toBeUndefined();
      expect(caller.last.Gather).toBeDefined();
      expect(await test.app.prisma.request.count({ where: { conversation: { participant: caller.caller } } })).toBe(0);
      checkGolden(`${language}-refusal`, caller.transcript);
    });

    it(`${language}: asks for an agent, is put through, the dispatcher takes over and hands back; the next call goes on`, async () => {
      const caller = startCaller(language);
      await open(caller, language, script.partial);
      const dial = await caller.answer(script.agent);
      expect(spoken(dial)).toMatch(script.connecting);
      expect(String(first(dial, "Dial")["#text"])).toBe(DISPATCHER_PHONE);
      expect((await caller.dialEnded("completed")).Hangup).toBeDefined();

      // The escalation opened a thread in the dispatch channel; the dispatcher takes it, then hands back.
      const conversation = await waitFor(
        () => test.app.prisma.conversation.findFirstOrThrow({ where: { participant: caller.caller, channel: "voice" } }),
        (c) => c.slackThreadTs !== null,
      );
      await postSignedSlack(
        test.base,
        makeBlockAction({ actionId: "take_over", value: conversation.id, userId: DISPATCHER, channelId: DISPATCH_CHANNEL }),
        FORM,
      );
      await waitFor(
        () => test.app.prisma.conversation.findUniqueOrThrow({ where: { id: conversation.id } }),
        (c) => c.holder === "dispatcher",
      );
      caller.note("[Slack: the dispatcher takes over the conversation's thread]");
      // Calling while the dispatcher holds the conversation goes straight to the dispatcher.
      const held = await caller.call();
      expect(String(first(held, "Dial")["#text"])).toBe(DISPATCHER_PHONE);
      await caller.dialEnded("completed");
      await postSignedSlack(
        test.base,
        makeBlockAction({ actionId: "hand_back", value: conversation.id, userId: DISPATCHER, channelId: DISPATCH_CHANNEL }),
        FORM,
      );
      await waitFor(
        () => test.app.prisma.conversation.findUniqueOrThrow({ where: { id: conversation.id } }),
        (c) => c.holder !== "dispatcher",
      );
      caller.note("[Slack: the dispatcher hands the conversation back to the assistant]");

      // The caller calls again: the bot knows the date, the place and the count, and asks what is missing.
      const again = await caller.call();
      expect(spoken(again)).not.toMatch(/What date|Para qué fecha/);
      await caller.answer(script.answers[0]?.[1] ?? { say: "" });
      const summary = await untilSummary(caller, language);
      expect(summary).toMatch(script.officers(2));
      const done = await caller.answer({ press: "1" });
      expect(spoken(done)).toMatch(script.submitted);
      expect(await requestOf(caller.caller)).toMatchObject({ status: "submitted", officers: 2 });
      checkGolden(`${language}-takeover`, caller.transcript);
    });
  }

  it("texts the caller 'fully staffed' at the number they called from once an officer accepts", async () => {
    const { prisma, queues } = test.app;
    const caller = startCaller("en");
    await open(caller, "en", SCRIPT.en.first.replace("2 officers", "1 officer").replace("December 12", "December 19"));
    await untilSummary(caller, "en");
    expect(spoken(await caller.answer({ press: "1" }))).toMatch(SCRIPT.en.submitted);
    const request = await requestOf(caller.caller);
    expect(request.officers).toBe(1);

    await waitFor(
      () => prisma.request.findUniqueOrThrow({ where: { id: request.id } }),
      (r) => r.status === "pending_approval",
      20_000,
    );
    const decision = await new ApprovalRepository(prisma).decide({
      requestId: request.id,
      role: "supervisor",
      decision: "approved",
      by: "U0TUCSSUP1",
      reason: null,
      at: new Date(),
    });
    expect(decision.kind).toBe("approved");
    await queues.enqueueBroadcastWave(request.id, 0, 0);
    const offers = await waitFor(
      () => prisma.offer.findMany({ where: { position: { requestId: request.id } }, include: { officer: true } }),
      (list) => list.length > 0,
      20_000,
    );
    const offer = offers[0];
    if (!offer) throw new Error("no offer");
    await waitFor(
      async () => twilio.messages.filter((m) => m.to === offer.officer.phone && m.body.includes(`YES ${offer.code}`)),
      (list) => list.length > 0,
      20_000,
    );
    const sid = newMessageSid();
    const accepted = await postSignedTwilioForm(`${test.base}/twilio/sms`, `${PUBLIC_BASE}/twilio/sms`, AUTH_TOKEN, {
      MessageSid: sid,
      From: offer.officer.phone,
      To: AGENCY_NUMBER,
      Body: `YES ${offer.code}`,
    });
    expect(accepted.status).toBe(200);
    await waitUntilActedOn(prisma, sid);
    await waitFor(
      () => prisma.request.findUniqueOrThrow({ where: { id: request.id } }),
      (r) => r.status === "staffed",
      20_000,
    );
    const texts = await waitFor(
      async () => twilio.messages.filter((m) => m.to === caller.caller && /fully staffed/.test(m.body)),
      (list) => list.length > 0,
      20_000,
    );
    expect(texts).toHaveLength(1);
    expect(texts[0]?.from).toBe(AGENCY_NUMBER);
    expect(texts[0]?.body).toContain(`#${request.number}`);
  });
});
