import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { inject } from "vitest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApplication } from "../../../bots/application.ts";
import { type FakeSlackServer, startFakeSlackServer } from "../../fakes/fake-slack-server.ts";
import { startFakeTwilio } from "../../fakes/fake-twilio-server.ts";

const WEBCHAT_TWILIO_TOKEN = "webchat-twilio-auth-token";
import { makeWebActivity, postActivity, type ReplyActivity, readReply } from "../../support/bot-framework.ts";
import { makeBlockAction, makeThreadReply, postSignedSlack, TEST_SLACK_SIGNING_SECRET } from "../../support/slack-request.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import { postSignedTwilioForm } from "../../support/twilio-webhook.ts";
import { waitFor } from "../../support/wait-for.ts";

/** A fake Bot Framework connector: where proactive messages to a conversation's serviceUrl land. */
async function startFakeConnector() {
  const received: { path: string; body: { text?: string } }[] = [];
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
  return {
    url: `http://127.0.0.1:${port}/`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const ANSWERS: [RegExp, string][] = [
  [/police vehicle/i, "no"],
  [/any of these apply|aplica alguna/i, "none"],
  [/\(yes\/no\)|\(sí\/no\)/i, "no"],
  [/your name|su nombre/i, "Maria Lopez"],
  [/company|organization|organizaci/i, "Desert Bloom Events"],
  [/phone|tel[eé]fono/i, "520-555-0199"],
  [/instructions|post orders|anything the officers|instrucciones/i, "none"],
];

describe("web chat through the Bot Framework adapter", () => {
  let test: TestApp;
  let slack: FakeSlackServer;
  let twilio: Awaited<ReturnType<typeof startFakeTwilio>>;
  let connector: Awaited<ReturnType<typeof startFakeConnector>>;

  beforeAll(async () => {
    slack = await startFakeSlackServer("xoxb-test");
    twilio = await startFakeTwilio();
    connector = await startFakeConnector();
    // Live Slack and Twilio on fakes; web chat runs anonymous because the app is on loopback only.
    test = await startTestApp("webchat", {
      TWILIO_ACCOUNT_SID: `AC${"5".repeat(32)}`,
      TWILIO_AUTH_TOKEN: WEBCHAT_TWILIO_TOKEN,
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
    await connector?.close();
  });

  const say = (conversationId: string, text: string) => postActivity(test.base, makeWebActivity({ conversationId, text, serviceUrl: connector.url }));
  const lastText = (replies: ReplyActivity[]) => replies.map(readReply).join(" ");

  /** Answers the bot's questions until it shows the quote card. */
  async function untilQuoteCard(conversationId: string, first: string) {
    let reply = await say(conversationId, first);
    for (let turn = 0; turn < 12; turn += 1) {
      expect(reply.status).toBe(200);
      const card = reply.replies.find((r) => r.attachments?.some((a) => a.contentType === "application/vnd.microsoft.card.adaptive"));
      if (card) return card;
      const question = lastText(reply.replies);
      const answer = ANSWERS.find(([pattern]) => pattern.test(question))?.[1];
      if (!answer) throw new Error(`no scripted answer for: ${question}`);
      reply = await say(conversationId, answer);
    }
    throw new Error("no quote card after 12 turns");
  }

  it("takes a request to submission: same prompts as SMS, the quote as an Adaptive Card, Confirm submits it", async () => {
    const conversationId = `web-full-${Date.now()}`;
    const card = await untilQuoteCard(conversationId, "Hi, I need 2 officers Saturday 6-11pm at 4500 E Broadway for my store");
    const actions = card.attachments?.[0]?.content.actions ?? [];
    expect(actions.map((a) => a.title)).toEqual(["Confirm", "Change"]);
    const confirmed = await postActivity(
      test.base,
      makeWebActivity({ conversationId, value: actions[0]?.data, serviceUrl: connector.url }),
    );
    const number = Number(/#(\d+)/.exec(lastText(confirmed.replies))?.[1]);
    expect(number).toBeGreaterThanOrEqual(1001);
    const request = await test.app.prisma.request.findUniqueOrThrow({ where: { number }, include: { conversation: true } });
    expect(request).toMatchObject({ officers: 2, agencyId: "tucson-az-pd" });
    expect(request.conversation?.channel).toBe("web");
    expect(request.conversation?.reference).not.toBeNull();

    // Approval and staffing news reach the chat proactively, through the stored reference.
    const carded = await waitFor(
      () => test.app.prisma.request.findUniqueOrThrow({ where: { number } }),
      (r) => r.slackMessageTs !== null,
    );
    await postSignedSlack(
      test.base,
      makeBlockAction({ actionId: "approve_request", value: carded.id, userId: "U0TUCSSUP1", channelId: "C0TUCSAPPR" }),
      "application/x-www-form-urlencoded",
    );
    const approvedNews = await waitFor(
      () => connector.received.filter((r) => String(r.body.text).includes(`#${number} is approved`)),
      (list) => list.length > 0,
    );
    expect(approvedNews[0]?.path).toContain(`/v3/conversations/${conversationId}/activities`);
    const offers = await waitFor(
      () => test.app.prisma.offer.findMany({ where: { position: { requestId: carded.id } }, include: { officer: true } }),
      (list) => new Set(list.map((o) => o.officerId)).size >= 2,
    );
    const officers = [...new Map(offers.map((o) => [o.officerId, o])).values()].slice(0, 2);
    for (const offer of officers) {
      // Without PUBLIC_BASE_URL the app signs for http://localhost:PORT, as Twilio would see it.
      const publicUrl = `${test.base.replace("127.0.0.1", "localhost")}/twilio/sms`;
      const accepted = await postSignedTwilioForm(`${test.base}/twilio/sms`, publicUrl, WEBCHAT_TWILIO_TOKEN, {
        MessageSid: `SM${randomBytes(16).toString("hex")}`,
        From: offer.officer.phone,
        To: "+15205550100",
        Body: `YES ${offer.code}`,
      });
      expect(accepted.status).toBe(200);
    }
    const staffedNews = await waitFor(
      () => connector.received.filter((r) => String(r.body.text).includes(`#${number} is fully staffed`)),
      (list) => list.length > 0,
    );
    expect(staffedNews).toHaveLength(1);
  });

  it("speaks Spanish when the customer does", async () => {
    const reply = await say(`web-es-${Date.now()}`, "Hola, necesito 2 oficiales el sábado de 6 a 11 de la noche en 4500 E Broadway");
    expect(lastText(reply.replies)).toMatch(/¿|oficial|vehículo/i);
  });

  it("applies a correction at the summary and shows the new quote", async () => {
    const conversationId = `web-fix-${Date.now()}`;
    const first = await untilQuoteCard(conversationId, "I need 2 officers next Saturday 6-11pm at 4500 E Broadway for my store");
    expect(readReply(first)).toMatch(/Officers: 2\b/);
    const corrected = await say(conversationId, "actually make it 3 officers");
    expect(lastText(corrected.replies)).toMatch(/Officers: 3\b/);
  });

  it("escalates to a Slack thread and relays both ways (the dispatcher's reply arrives proactively)", async () => {
    const conversationId = `web-agent-${Date.now()}`;
    await say(conversationId, "I need officers for an event");
    const escalated = await say(conversationId, "agent");
    expect(lastText(escalated.replies)).toMatch(/dispatcher/i);
    const conversation = await waitFor(
      () => test.app.prisma.conversation.findFirstOrThrow({ where: { participant: conversationId } }),
      (c) => c.slackThreadTs !== null,
    );
    const threadTs = conversation.slackThreadTs as string;
    await postSignedSlack(
      test.base,
      makeBlockAction({ actionId: "take_over", value: conversation.id, userId: "U0TUCSDSP1", channelId: "C0TUCSDISP" }),
      "application/x-www-form-urlencoded",
    );
    await waitFor(
      () => test.app.prisma.conversation.findUniqueOrThrow({ where: { id: conversation.id } }),
      (c) => c.holder === "dispatcher",
    );
    const held = await say(conversationId, "Is anyone there?");
    expect(held.replies.filter((r) => r.type === "message")).toEqual([]);
    await waitFor(
      () => slack.callsOf("chat.postMessage").filter((c) => c.args.thread_ts === threadTs),
      (list) => list.some((c) => String(c.args.text).includes("Is anyone there?")),
    );
    await postSignedSlack(
      test.base,
      makeThreadReply({ channel: "C0TUCSDISP", user: "U0TUCSDSP1", text: "Yes, this is dispatch. How can I help?", threadTs }),
      "application/json",
    );
    const delivered = await waitFor(
      () => connector.received.filter((r) => r.body.text === "Yes, this is dispatch. How can I help?"),
      (list) => list.length > 0,
    );
    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.path).toContain(`/v3/conversations/${conversationId}/activities`);
  });

  it("answers a malformed activity with 400 and keeps serving", async () => {
    const broken = await postActivity(test.base, "{not json");
    expect(broken.status).toBe(400);
    const missing = await postActivity(test.base, { type: "message", text: "hi" });
    expect(missing.status).toBe(400);
    const ok = await say(`web-after-${Date.now()}`, "hello");
    expect(ok.status).toBe(200);
    expect(ok.replies.length).toBeGreaterThan(0);
  });
});

describe("web chat authentication", () => {
  it("enforces Bot Framework JWTs when MICROSOFT_APP_ID/PASSWORD are configured", async () => {
    const test = await startTestApp("webchat-auth", {
      MICROSOFT_APP_ID: "11111111-2222-3333-4444-555555555555",
      MICROSOFT_APP_PASSWORD: "app-password",
    });
    try {
      const conversationId = `web-auth-${Date.now()}`;
      const activity = makeWebActivity({ conversationId, text: "hi", serviceUrl: "https://directline.botframework.com/" });
      expect((await postActivity(test.base, activity)).status).toBe(401);
      expect((await postActivity(test.base, activity, { authorization: "Bearer not-a-jwt" })).status).toBe(401);
      const stored = await test.app.prisma.message.count({ where: { conversation: { participant: conversationId } } });
      expect(stored).toBe(0);
    } finally {
      await test.close();
    }
  });

  it("refuses to start a sandbox (no credentials) when PUBLIC_BASE_URL is not a loopback address", async () => {
    await expect(
      createApplication({
        runWorkers: false,
        env: {
          DATABASE_URL: inject("databaseUrl"),
          REDIS_URL: inject("redisUrl"),
          LOG_LEVEL: "silent",
          PUBLIC_BASE_URL: "https://detaildesk.example.org",
        },
      }),
    ).rejects.toThrow(/PUBLIC_BASE_URL: sandbox mode serves its stand-ins on this machine only, not at detaildesk\.example\.org/);
  });
});
