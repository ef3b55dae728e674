import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeSlackServer, startFakeSlackServer } from "../../fakes/fake-slack-server.ts";
import { makeWebActivity, postActivity, type ReplyActivity, readReply } from "../../support/bot-framework.ts";
import { makeBlockAction, postSignedSlack, TEST_SLACK_SIGNING_SECRET } from "../../support/slack-request.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import { waitFor } from "../../support/wait-for.ts";

/**
 * Golden web chat transcripts (#17), English and Spanish: a full booking with the customer's
 * contact, a correction, a refusal, and a dispatcher's takeover with hand-back through signed
 * Slack requests. Checked per activity: what the customer sees in web chat, not SMS wording.
 */

async function startFakeConnector() {
  const received: { path: string; body: ReplyActivity }[] = [];
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => {
      raw += c;
    });
    req.on("end", () => {
      received.push({ path: req.url ?? "", body: raw ? JSON.parse(raw) : {} });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ id: `reply-${received.length}` }));
    });
  });
  server.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const SCRIPT = {
  en: {
    first: "Hi, I need 2 officers on December 12 2027 from 6pm to 11pm at 4500 E Broadway, Tucson for my store",
    answers: [
      [/police vehicle/i, "no"],
      [/any of these apply/i, "none"],
      [/your name/i, "Maria Lopez, Desert Bloom Events"],
      [/organization/i, "Desert Bloom Events"],
      [/report to on site|phone number/i, "me at 520-555-0199, park behind the store"],
      [/instructions/i, "none"],
    ] as [RegExp, string][],
    officers: /Officers: 2\b/,
    correction: "actually make it 3 officers",
    corrected: /Officers: 3\b/,
    confirm: "Confirm",
    submitted: /Request #(\d+) is submitted\. A supervisor will review it, and we'll message you here when officers are assigned \(staff may call you at 520-555-0199\)\. Ask me for STATUS here any time\./,
    refusal: "I need a bouncer for my bar on December 12 2027 from 9pm to 2am at 4500 E Broadway, Tucson, 1 officer",
    refused: /can't take this request/i,
  },
  es: {
    first: "Hola, necesito 2 oficiales el 12 de diciembre de 2027 de 6 a 11 de la noche en 4500 E Broadway, Tucson para mi tienda",
    answers: [
      [/vehículo/i, "no"],
      [/aplica alguna/i, "ninguna"],
      [/su nombre/i, "Maria Lopez, Desert Bloom Events"],
      [/organizaci/i, "Desert Bloom Events"],
      [/reportarse|teléfono/i, "yo al 520-555-0199, estacionar detrás de la tienda"],
      [/instrucciones/i, "ninguna"],
    ] as [RegExp, string][],
    officers: /Oficiales: 2\b/,
    correction: "mejor que sean 3 oficiales",
    corrected: /Oficiales: 3\b/,
    confirm: "Confirmar",
    submitted: /La solicitud #(\d+) fue enviada\. Un supervisor la revisará y le avisaremos aquí cuando haya oficiales asignados \(el personal puede llamarle al 520-555-0199\)\. Pídame el ESTADO aquí cuando quiera\./,
    refusal: "Necesito un portero para mi bar el 12 de diciembre de 2027 de 9 de la noche a 2 de la mañana en 4500 E Broadway, Tucson, 1 oficial",
    refused: /no podemos aceptar/i,
  },
} as const;

const NO_SMS_WORDING = /\bText (?:STATUS|AGENT|START|us)\b|we'll text you|Reply YES|Responda SÍ|\(yes\/no\)|\(sí\/no\)/;

describe("web chat golden transcripts (#17)", () => {
  let test: TestApp;
  let slack: FakeSlackServer;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;

  beforeAll(async () => {
    slack = await startFakeSlackServer("xoxb-test");
    connector = await startFakeConnector();
    test = await startTestApp("web-golden", {
      SLACK_BOT_TOKEN: "xoxb-test",
      SLACK_SIGNING_SECRET: TEST_SLACK_SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      SMS_RATE_PER_SENDER: "0",
    });
  });
  afterAll(async () => {
    await test?.close();
    await slack?.close();
    await connector?.close();
  });

  const post = async (conversationId: string, input: { text?: string; value?: unknown }) => {
    const reply = await postActivity(test.base, makeWebActivity({ conversationId, serviceUrl: connector.url, ...input }));
    expect(reply.status).toBe(200);
    for (const activity of reply.replies) expect(JSON.stringify(activity)).not.toMatch(NO_SMS_WORDING);
    return reply.replies;
  };
  const words = (replies: ReplyActivity[]) => replies.map(readReply).join("\n");
  const cardOf = (replies: ReplyActivity[]) =>
    replies.find((r) => r.attachments?.some((a) => a.contentType === "application/vnd.microsoft.card.adaptive"));

  async function untilQuoteCard(conversationId: string, language: "en" | "es") {
    let replies = await post(conversationId, { text: SCRIPT[language].first });
    for (let turn = 0; turn < 10; turn += 1) {
      const card = cardOf(replies);
      if (card && (card.attachments?.[0]?.content.actions ?? []).length === 2 && SCRIPT[language].officers.test(readReply(card))) return card;
      const question = words(replies);
      const answer = SCRIPT[language].answers.find(([pattern]) => pattern.test(question))?.[1];
      if (!answer) throw new Error(`no scripted answer for: ${question}`);
      replies = await post(conversationId, { text: answer });
    }
    throw new Error("no quote card");
  }

  for (const language of ["en", "es"] as const) {
    it(`${language}: books with one greeting, a correction, the contact on the card; the Slack card names the customer`, async () => {
      const conversationId = `web-golden-${language}-${Date.now()}`;
      const greeting = await postActivity(test.base, {
        ...makeWebActivity({ conversationId, serviceUrl: connector.url }),
        type: "conversationUpdate",
        membersAdded: [{ id: `user-${conversationId}` }, { id: "detaildesk-bot" }],
      });
      expect(greeting.replies.map(readReply)).toHaveLength(1);
      const first = await untilQuoteCard(conversationId, language);
      const [confirmAction] = first.attachments?.[0]?.content.actions ?? [];
      expect(confirmAction?.title).toBe(SCRIPT[language].confirm);
      // The customer was their own site contact: the card offers that number for updates.
      expect(JSON.stringify(first), readReply(first)).toContain('"value":"520-555-0199"');

      const corrected = await post(conversationId, { text: SCRIPT[language].correction });
      const card = cardOf(corrected);
      expect(card && readReply(card)).toMatch(SCRIPT[language].corrected);

      // A typo in the contact box is sent back; nothing is submitted.
      const data = card?.attachments?.[0]?.content.actions?.[0]?.data as object;
      const typo = await post(conversationId, { value: { ...data, contact: "520-55" } });
      expect(words(typo)).toMatch(/520-55/);
      expect(await test.app.prisma.request.count({ where: { conversation: { participant: conversationId } } })).toBe(0);

      const submitted = await post(conversationId, { value: { ...data, contact: "(520) 555-0199" } });
      const match = SCRIPT[language].submitted.exec(words(submitted));
      expect(match, words(submitted)).not.toBeNull();
      const number = Number(match?.[1]);
      const request = await test.app.prisma.request.findUniqueOrThrow({ where: { number }, include: { customer: true } });
      expect(request).toMatchObject({ officers: 3 });
      expect(request.customer).toMatchObject({ name: "Maria Lopez", organization: "Desert Bloom Events", phone: "+15205550199" });

      const post_ = await waitFor(
        () => slack.callsOf("chat.postMessage").filter((c) => String(c.args.text).includes(`Request #${number} `)),
        (list) => list.length > 0,
      );
      const cardText = JSON.stringify(post_[0]?.args.blocks);
      expect(cardText).toContain("Maria Lopez");
      expect(cardText).toContain("Desert Bloom Events");
      expect(cardText).toContain("mobile 520-555-0199 (given in web chat, not verified)");
      expect(cardText).not.toContain(conversationId);
    });

    it(`${language}: refuses prohibited work in web chat words`, async () => {
      const replies = await post(`web-golden-refuse-${language}-${Date.now()}`, { text: SCRIPT[language].refusal });
      expect(words(replies)).toMatch(SCRIPT[language].refused);
    });
  }

  it("takeover and hand-back through signed Slack requests; the thread names the customer", async () => {
    const conversationId = `web-golden-agent-${Date.now()}`;
    await post(conversationId, { text: "I need officers for an event" });
    await post(conversationId, { text: "agent" });
    const conversation = await waitFor(
      () => test.app.prisma.conversation.findFirstOrThrow({ where: { participant: conversationId } }),
      (c) => c.slackThreadTs !== null,
    );
    const root = slack.callsOf("chat.postMessage").find((c) => c.args.channel === "C0TUCSDISP" && String(JSON.stringify(c.args.blocks)).includes(conversationId));
    expect(JSON.stringify(root?.args.blocks)).toContain("no phone or email given");
    await postSignedSlack(
      test.base,
      makeBlockAction({ actionId: "take_over", value: conversation.id, userId: "U0TUCSDSP1", channelId: "C0TUCSDISP" }),
      "application/x-www-form-urlencoded",
    );
    await waitFor(() => test.app.prisma.conversation.findUniqueOrThrow({ where: { id: conversation.id } }), (c) => c.holder === "dispatcher");
    expect((await post(conversationId, { text: "hello?" })).filter((r) => r.type === "message")).toEqual([]);
    await postSignedSlack(
      test.base,
      makeBlockAction({ actionId: "hand_back", value: conversation.id, userId: "U0TUCSDSP1", channelId: "C0TUCSDISP" }),
      "application/x-www-form-urlencoded",
    );
    const back = await waitFor(
      () => connector.received.filter((r) => r.path.includes(conversationId) && /back with the DetailDesk assistant/.test(String(r.body.text))),
      (list) => list.length > 0,
    );
    expect(String(back[0]?.body.text)).toContain("Type AGENT any time");
    expect(String(back[0]?.body.text)).not.toMatch(NO_SMS_WORDING);
  });
});
