import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_SLACK_SIGNING_SECRET } from "../../../bots/slack/slack-settings.ts";
import type { HolidayRule } from "../../../core/agencies/index.ts";
import { formatLocalDate } from "../../../core/intake/format.ts";
import { listHolidays } from "../../../core/pricing/holiday-dates.ts";
import { readOrWriteGolden } from "../../support/golden-file.ts";
import { makeBlockAction, makeThreadReply, postSignedSlack } from "../../support/slack-request.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import {
  createTwilioPoster,
  makeInboundSms,
  newCustomerPhone,
  waitUntilActedOn,
} from "../../support/twilio-sms.ts";
import { sleep, waitFor } from "../../support/wait-for.ts";

/**
 * Golden SMS transcripts (#17), English and Spanish, through the real app in sandbox mode (outbound
 * SMS and Slack Web API calls land in the outbox): a full booking to submission, a correction at the
 * summary, a refusal of prohibited work, and a dispatcher's takeover with hand-back through signed
 * Slack requests. Each transcript is compared with test/fixtures/transcripts/sms/<lang>-<scenario>.txt;
 * UPDATE_GOLDEN=1 rewrites those files. Request numbers, the chosen date and phone numbers are
 * normalized so the files do not depend on the day the test runs.
 */

const ROOT = join(import.meta.dirname, "../../..");
const GOLDEN_DIR = join(ROOT, "test/fixtures/transcripts/sms");
const DISPATCH = "C0TUCSDISP";
const TIME_ZONE = "America/Phoenix";
const DISPATCHER = "U0TUCSDSP1";
const FORM = "application/x-www-form-urlencoded";
/** The site contact the customer gives (a fictional 555 number, kept as is in the transcripts). */
const SITE_CONTACT = "520-555-0199";

type Language = "en" | "es";

const MONTHS = {
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
  es: [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
  ],
} as const;

/**
 * The booking date: a Tuesday (weekday rates) on the 8th–28th of a month, 40+ days ahead (no
 * late-request rules), on none of the Tucson agency's holidays, so the quote is the same every run.
 */
function chooseDate(): { year: number; month: number; day: number } {
  const agency = JSON.parse(readFileSync(join(ROOT, "agencies/tucson-az-pd.json"), "utf8")) as {
    holidays: { name: string; rule: HolidayRule }[];
  };
  const day = new Date(Date.now() + 40 * 86_400_000);
  day.setUTCHours(12, 0, 0, 0);
  for (;;) {
    const candidate = { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() };
    const holiday = listHolidays(agency.holidays, candidate.year).some(
      (h) => h.date.month === candidate.month && Math.abs(h.date.day - candidate.day) <= 1,
    );
    if (day.getUTCDay() === 2 && candidate.day >= 8 && candidate.day <= 28 && !holiday) return candidate;
    day.setUTCDate(day.getUTCDate() + 1);
  }
}

const DATE = chooseDate();
const DATE_WORDS = {
  en: `${MONTHS.en[DATE.month - 1]} ${DATE.day} ${DATE.year}`,
  es: `${DATE.day} de ${MONTHS.es[DATE.month - 1]} de ${DATE.year}`,
};

/** What the customer texts first, and the answer to each question the bot may ask (first match wins). */
const SCRIPT: Record<Language, { answers: [RegExp, string][]; yes: string }> = {
  en: {
    answers: [
      [/police vehicle|vehicles?\b/i, "no"],
      [/any of these apply|apply\?/i, "none"],
      [/your name/i, "Maria Lopez"],
      [/organization|business|company/i, "Desert Bloom Events"],
      [/report to on site|site contact|phone number/i, `me at ${SITE_CONTACT}, park behind the store`],
      [/instructions/i, "none"],
      [/what date|which date/i, DATE_WORDS.en],
      [/what time|times/i, "6pm to 11pm"],
      [/address|where/i, "4500 E Broadway, Tucson"],
      [/what is the job|what kind|job/i, "store security"],
      [/how many officers/i, "2"],
    ],
    yes: "YES",
  },
  es: {
    answers: [
      [/vehículo/i, "no"],
      [/aplica alguna|aplica\?/i, "ninguna"],
      [/su nombre/i, "Maria Lopez"],
      [/organizaci|empresa|negocio/i, "Desert Bloom Events"],
      [/reportarse|contacto|teléfono/i, `yo al ${SITE_CONTACT}, estacionar detrás de la tienda`],
      [/instrucciones/i, "ninguna"],
      [/qué fecha/i, DATE_WORDS.es],
      [/qué hora|horario/i, "de 6 a 11 de la noche"],
      [/dirección|dónde/i, "4500 E Broadway, Tucson"],
      [/trabajo|servicio/i, "seguridad de tienda"],
      [/cuántos oficiales/i, "2"],
    ],
    yes: "SÍ",
  },
};

const OPENING: Record<Language, string> = {
  en: `Hi, I need 2 officers on ${DATE_WORDS.en} from 6pm to 11pm at 4500 E Broadway, Tucson for store security`,
  es: `Hola, necesito 2 oficiales el ${DATE_WORDS.es} de 6 a 11 de la noche en 4500 E Broadway, Tucson para seguridad de tienda`,
};
const CORRECTION: Record<Language, string> = { en: "actually 3 officers", es: "mejor 3 oficiales" };
const REFUSAL: Record<Language, string> = {
  en: `I need a bouncer for my bar on ${DATE_WORDS.en} from 9pm to 2am at 4500 E Broadway, Tucson, 1 officer`,
  es: `Necesito un oficial para entregar papeles de una demanda civil el ${DATE_WORDS.es} de 9 a 11 de la mañana en 4500 E Broadway, Tucson`,
};
const TAKEOVER: Record<Language, { first: string; agent: string; dispatcher: string; told: string }> = {
  en: {
    first: "Hi, I need 2 officers for a store opening",
    agent: "AGENT",
    dispatcher: "Hi, this is Sam from dispatch. What date, times and address?",
    told: `${DATE_WORDS.en}, 6pm to 11pm at 4500 E Broadway, Tucson`,
  },
  es: {
    first: "Hola, necesito 2 oficiales para la apertura de una tienda",
    agent: "AGENTE",
    dispatcher: "Hola, soy Sam de despacho. ¿Qué fecha, horario y dirección?",
    told: `el ${DATE_WORDS.es}, de 6 a 11 de la noche en 4500 E Broadway, Tucson`,
  },
};

describe("SMS golden transcripts (#17)", () => {
  let test: TestApp;
  let post: ReturnType<typeof createTwilioPoster>;

  beforeAll(async () => {
    test = await startTestApp("sms-golden", { SMS_RATE_PER_SENDER: "0" });
    expect(test.app.slack.mode).toBe("sandbox");
    post = createTwilioPoster(test);
  });
  afterAll(async () => {
    await test?.close();
  });

  /** One scenario's conversation, recorded line by line as the customer's phone would show it. */
  function conversation(language: Language) {
    const phone = newCustomerPhone();
    const lines: string[] = [];
    let seen = 0;
    const sms = () =>
      (test.app.outbox?.list() ?? []).filter((e) => e.channel === "sms" && e.to === phone).map((e) => e.body);

    /** Waits until every SMS stored for the customer was delivered and no more come for a moment. */
    async function settle(): Promise<string[]> {
      for (;;) {
        const stored = await test.app.prisma.message.count({
          where: { to: phone, channel: "sms", direction: "outbound" },
        });
        await waitFor(sms, (list) => list.length >= stored);
        await sleep(250);
        const again = await test.app.prisma.message.count({
          where: { to: phone, channel: "sms", direction: "outbound" },
        });
        if (again === stored && sms().length >= stored) break;
      }
      const fresh = sms().slice(seen);
      seen += fresh.length;
      for (const body of fresh) lines.push(`BOT: ${body}`);
      return fresh;
    }

    async function text(body: string): Promise<string[]> {
      lines.push(`CUSTOMER: ${body}`);
      const params = makeInboundSms(phone, body);
      const response = await post("/twilio/sms", params);
      expect(response.status).toBe(200);
      await waitUntilActedOn(test.app.prisma, params.MessageSid as string);
      return settle();
    }

    /** Answers the bot's questions from the script until it shows the summary that awaits YES. */
    async function untilSummary(replies: string[]): Promise<string[]> {
      for (let turn = 0; turn < 12; turn += 1) {
        const last = replies.at(-1) ?? "";
        if (/Reply YES to submit|Responda SÍ para enviar/.test(last)) return replies;
        const answer = SCRIPT[language].answers.find(([pattern]) => pattern.test(last))?.[1];
        if (!answer) throw new Error(`no scripted answer for: ${last}\n\n${lines.join("\n")}`);
        replies = await text(answer);
      }
      throw new Error(`no summary:\n${lines.join("\n")}`);
    }

    const note = (line: string) => lines.push(line);

    function transcript(): string {
      const [y, m, d] = [DATE.year, DATE.month, DATE.day];
      const iso = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
      const monthEn = MONTHS.en[m - 1] as string;
      const monthEs = MONTHS.es[m - 1] as string;
      const digits = phone.slice(2);
      const masked = [
        phone,
        digits,
        `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`,
        `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`,
      ];
      let out = lines.join("\n");
      for (const form of masked) out = out.split(form).join("<CUSTOMER PHONE>");
      out = out
        .replace(
          /(Request|request|solicitud|Solicitud|No\.|número|number) #?\d+/g,
          (_, word: string) => `${word} #N`,
        )
        .replace(/#\d+\b/g, "#N")
        .split(DATE_WORDS.en)
        .join("<DATE>")
        .split(DATE_WORDS.es)
        .join("<DATE>")
        // The bot's own renderings ("Tue Jan 12", "mar 12 de ene"), then any leftover numeric forms.
        .split(formatLocalDate(iso, TIME_ZONE, "en"))
        .join("<DATE>")
        .split(formatLocalDate(iso, TIME_ZONE, "es"))
        .join("<DATE>")
        .replace(new RegExp(`\\b(?:${monthEn}|${monthEn.slice(0, 3)}) ${d}(?:,? ${y})?\\b`, "g"), "<DATE>")
        .replace(new RegExp(`\\b${d} de ${monthEs}(?: de ${y})?\\b`, "gi"), "<DATE>")
        .replace(new RegExp(`\\b${m}/${d}(?:/${y})?\\b`, "g"), "<DATE>")
        .split(iso)
        .join("<DATE>");
      return `${out}\n`;
    }

    return { phone, text, settle, untilSummary, note, transcript };
  }

  function compare(language: Language, scenario: string, actual: string) {
    const path = join(GOLDEN_DIR, `${language}-${scenario}.txt`);
    expect(actual).toBe(readOrWriteGolden(path, actual));
  }

  const slackPost = (body: string, contentType: string) =>
    postSignedSlack(test.base, body, contentType, { secret: SANDBOX_SLACK_SIGNING_SECRET });

  for (const language of ["en", "es"] as const) {
    it(`${language}: a full booking to submission`, async () => {
      const c = conversation(language);
      await c.untilSummary(await c.text(OPENING[language]));
      const done = await c.text(SCRIPT[language].yes);
      const number = Number(/#(\d+)/.exec(done.join("\n"))?.[1]);
      const request = await test.app.prisma.request.findUniqueOrThrow({ where: { number } });
      expect(request.officers).toBe(2);
      compare(language, "booking", c.transcript());
    });

    it(`${language}: a correction at the summary`, async () => {
      const c = conversation(language);
      await c.untilSummary(await c.text(OPENING[language]));
      await c.untilSummary(await c.text(CORRECTION[language]));
      const done = await c.text(SCRIPT[language].yes);
      const number = Number(/#(\d+)/.exec(done.join("\n"))?.[1]);
      const request = await test.app.prisma.request.findUniqueOrThrow({ where: { number } });
      expect(request.officers).toBe(3);
      compare(language, "correction", c.transcript());
    });

    it(`${language}: a refusal of prohibited work`, async () => {
      const c = conversation(language);
      await c.text(REFUSAL[language]);
      expect(await test.app.prisma.request.count({ where: { customer: { phone: c.phone } } })).toBe(0);
      compare(language, "refusal", c.transcript());
    });

    it(`${language}: a takeover with hand-back`, async () => {
      const script = TAKEOVER[language];
      const c = conversation(language);
      await c.text(script.first);
      await c.text(script.agent);
      const held = await waitFor(
        () => test.app.prisma.conversation.findFirstOrThrow({ where: { participant: c.phone } }),
        (row) => row.slackThreadTs !== null,
      );
      const threadTs = held.slackThreadTs as string;

      c.note("[dispatcher takes over in Slack]");
      const click = (actionId: string) =>
        slackPost(
          makeBlockAction({ actionId, value: held.id, userId: DISPATCHER, channelId: DISPATCH }),
          FORM,
        );
      expect((await click("take_over")).status).toBe(200);
      await waitFor(
        () => test.app.prisma.conversation.findUniqueOrThrow({ where: { id: held.id } }),
        (row) => row.holder === "dispatcher",
      );
      await c.settle();

      c.note(`DISPATCHER (Slack thread): ${script.dispatcher}`);
      const reply = (body: string) =>
        slackPost(
          makeThreadReply({ channel: DISPATCH, user: DISPATCHER, text: body, threadTs }),
          "application/json",
        );
      expect((await reply(script.dispatcher)).status).toBe(200);
      await waitFor(
        () =>
          (test.app.outbox?.list() ?? []).filter(
            (e) => e.channel === "sms" && e.to === c.phone && e.body === script.dispatcher,
          ),
        (list) => list.length > 0,
      );
      await c.settle();

      const silent = await c.text(script.told);
      expect(silent).toEqual([]);
      await waitFor(
        () =>
          (test.app.outbox?.list() ?? []).filter(
            (e) =>
              e.channel === "slack" && e.threadTs === threadTs && String(e.body).includes("4500 E Broadway"),
          ),
        (list) => list.length > 0,
      );

      c.note("[dispatcher hands back in Slack]");
      expect((await click("hand_back")).status).toBe(200);
      await waitFor(
        () => test.app.prisma.conversation.findUniqueOrThrow({ where: { id: held.id } }),
        (row) => row.holder === "bot",
      );
      const resumed = await waitFor(c.settle, (list) => list.length > 0);
      const known = resumed.join("\n");
      expect(known).toMatch(/4500 E Broadway/);
      await c.untilSummary(resumed);
      const done = await c.text(SCRIPT[language].yes);
      const number = Number(/#(\d+)/.exec(done.join("\n"))?.[1]);
      const request = await test.app.prisma.request.findUniqueOrThrow({ where: { number } });
      expect(request.officers).toBe(2);
      compare(language, "takeover", c.transcript());
    });
  }
});
