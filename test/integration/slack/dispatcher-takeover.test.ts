import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeSlackServer, startFakeSlackServer } from "../../fakes/fake-slack-server.ts";
import { startFakeTwilio } from "../../fakes/fake-twilio-server.ts";
import {
  buttonsOf,
  makeBlockAction,
  makeSlashCommand,
  makeThreadReply,
  postSignedSlack,
  TEST_SLACK_SIGNING_SECRET,
} from "../../support/slack-request.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import { newMessageSid, waitUntilActedOn } from "../../support/twilio-sms.ts";
import { postSignedTwilioForm } from "../../support/twilio-webhook.ts";
import { waitFor } from "../../support/wait-for.ts";

const PUBLIC_BASE = "https://dispatch.example.org";
const AGENCY_NUMBER = "+15205550100";
const DISPATCH = "C0TUCSDISP";
const DISPATCHER = "U0TUCSDSP1";
const FORM = "application/x-www-form-urlencoded";
// Slack is live here, so Twilio must be too (a live deployment has no stand-ins): a fake Twilio API.
const TWILIO_TOKEN = "test-twilio-auth-token";


describe("dispatcher takeover through a Slack thread", () => {
  let test: TestApp;
  let slack: FakeSlackServer;
  let twilio: Awaited<ReturnType<typeof startFakeTwilio>>;

  beforeAll(async () => {
    slack = await startFakeSlackServer("xoxb-test");
    twilio = await startFakeTwilio();
    test = await startTestApp("slack-dispatch", {
      PUBLIC_BASE_URL: PUBLIC_BASE,
      SLACK_BOT_TOKEN: "xoxb-test",
      SLACK_SIGNING_SECRET: TEST_SLACK_SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      TWILIO_ACCOUNT_SID: `AC${"5".repeat(32)}`,
      TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
      TWILIO_API_BASE_URL: twilio.url,
      SMS_RATE_PER_SENDER: "0",
    });
  });
  afterAll(async () => {
    await test?.close();
    await slack?.close();
    await twilio?.close();
  });

  const newPhone = () => `+1520554${String(1000 + Math.floor(Math.random() * 8999))}`;
  /** Texts the agency (the webhook answers 200 once the SMS is stored and queued); its MessageSid. */
  const text = async (from: string, body: string): Promise<string> => {
    const sid = newMessageSid();
    const response = await postSignedTwilioForm(`${test.base}/twilio/sms`, `${PUBLIC_BASE}/twilio/sms`, TWILIO_TOKEN, {
      MessageSid: sid,
      From: from,
      To: AGENCY_NUMBER,
      Body: body,
    });
    expect(response.status).toBe(200);
    return sid;
  };
  const smsTo = (phone: string) => twilio.messages.filter((m) => m.to === phone).map((m) => m.body);
  /** Waits until a worker acted on these texts and every SMS stored for `phone` so far was sent. */
  async function settled(phone: string, sids: string[]): Promise<void> {
    await waitUntilActedOn(test.app.prisma, sids);
    const stored = await test.app.prisma.message.count({ where: { to: phone, channel: "sms", direction: "outbound" } });
    const sent = await waitFor(() => smsTo(phone).length, (n) => n >= stored);
    expect(sent).toBeGreaterThanOrEqual(stored);
  }
  const threadPosts = (ts: string) =>
    slack.callsOf("chat.postMessage").filter((c) => c.args.thread_ts === ts).map((c) => String(c.args.text));
  const click = (actionId: string, conversationId: string, userId = DISPATCHER) =>
    postSignedSlack(test.base, makeBlockAction({ actionId, value: conversationId, userId, channelId: DISPATCH }), FORM);
  const reply = (threadTs: string, body: string, user = DISPATCHER) =>
    postSignedSlack(test.base, makeThreadReply({ channel: DISPATCH, user, text: body, threadTs }), "application/json");

  /** A customer who asked for an agent, with the thread the escalation opened. */
  async function escalated() {
    const phone = newPhone();
    const sids = [await text(phone, "I need 2 officers for a store opening"), await text(phone, "agent please")];
    // A worker acts on the texts; the bot's replies to them go out before the test goes on.
    await settled(phone, sids);
    const conversation = await waitFor(
      () => test.app.prisma.conversation.findFirstOrThrow({ where: { participant: phone } }),
      (c) => c.slackThreadTs !== null,
    );
    expect(conversation.slackThreadTs).not.toBeNull();
    return { phone, conversation, threadTs: conversation.slackThreadTs as string };
  }

  it("opens a thread in the dispatch channel with the transcript and a Take over button", async () => {
    const { conversation, threadTs } = await escalated();
    const root = slack.callsOf("chat.postMessage").find((c) => c.ts === threadTs);
    expect(root?.args.channel).toBe(DISPATCH);
    const blocks = JSON.stringify(root?.args.blocks);
    expect(blocks).toContain("store opening");
    expect(blocks).toContain("agent please");
    expect(buttonsOf(root?.args.blocks).map((b) => [b.action_id, b.value])).toEqual([["take_over", conversation.id]]);
  });

  it("relays both ways while a dispatcher holds it; the bot is silent until hand back", async () => {
    const { phone, conversation, threadTs } = await escalated();
    const botRepliesBefore = smsTo(phone).length;

    // Before anyone takes over, a thread reply is not sent; the dispatcher is told why.
    await reply(threadTs, "early reply");
    const told = await waitFor(
      () => slack.callsOf("chat.postEphemeral").filter((c) => c.args.user === DISPATCHER && c.args.thread_ts === threadTs),
      (list) => list.length > 0,
    );
    expect(String(told[0]?.args.text)).toContain("Take over");

    expect((await click("take_over", conversation.id)).status).toBe(200);
    const held = await waitFor(
      () => test.app.prisma.conversation.findUniqueOrThrow({ where: { id: conversation.id } }),
      (c) => c.holder === "dispatcher",
    );
    expect(held.holderId).toBe(DISPATCHER);
    const rootUpdate = await waitFor(
      () => slack.callsOf("chat.update").filter((c) => c.args.ts === threadTs).at(-1),
      (u) => u !== undefined && buttonsOf(u.args.blocks).some((b) => b.action_id === "hand_back"),
    );
    expect(buttonsOf(rootUpdate?.args.blocks).map((b) => b.action_id)).toEqual(["hand_back"]);

    // A second dispatcher cannot grab it.
    await click("take_over", conversation.id, "U0TUCSDSP2");
    const refused = await waitFor(
      () => slack.callsOf("chat.postEphemeral").filter((c) => c.args.user === "U0TUCSDSP2"),
      (list) => list.length > 0,
    );
    expect(String(refused.at(-1)?.args.text)).toContain(`<@${DISPATCHER}> already holds`);

    // Dispatcher → customer.
    expect((await reply(threadTs, "Hi, this is Sam from dispatch. What time does the opening start?")).status).toBe(200);
    await waitFor(() => smsTo(phone), (list) => list.some((b) => b.includes("Sam from dispatch")));
    expect(smsTo(phone).filter((b) => b.includes("Sam from dispatch"))).toHaveLength(1);
    expect(smsTo(phone)).not.toContain("early reply");

    // Customer → thread, with no bot answer.
    await waitUntilActedOn(test.app.prisma, await text(phone, "It starts at 9am on Saturday"));
    await waitFor(() => threadPosts(threadTs), (list) => list.some((t) => t.includes("9am on Saturday")));
    expect(threadPosts(threadTs).filter((t) => t.includes("9am on Saturday"))).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const afterHeld = smsTo(phone).slice(botRepliesBefore);
    expect(afterHeld).toEqual(["Hi, this is Sam from dispatch. What time does the opening start?"]);

    // Hand back: the customer is told, the root offers Take over again, the bot answers again.
    await click("hand_back", conversation.id);
    const released = await waitFor(
      () => test.app.prisma.conversation.findUniqueOrThrow({ where: { id: conversation.id } }),
      (c) => c.holder === "bot",
    );
    expect(released.stateName).toBe("collecting");
    await waitFor(() => smsTo(phone), (list) => list.some((b) => b.includes("back with the DetailDesk assistant")));
    await waitFor(
      () => slack.callsOf("chat.update").filter((c) => c.args.ts === threadTs).at(-1),
      (u) => u !== undefined && buttonsOf(u.args.blocks).some((b) => b.action_id === "take_over"),
    );
    const count = smsTo(phone).length;
    await text(phone, "Saturday 9am to 1pm");
    const answered = await waitFor(() => smsTo(phone), (list) => list.length > count);
    expect(answered.length).toBeGreaterThan(count);
  });

  it("posts a voicemail with its recording link and then its transcription into the thread", async () => {
    const caller = newPhone();
    const recordingSid = `RE${randomBytes(16).toString("hex")}`;
    const call = (path: string, extra: Record<string, string>) =>
      postSignedTwilioForm(`${test.base}${path}`, `${PUBLIC_BASE}${path}`, TWILIO_TOKEN, {
        CallSid: `CA${randomBytes(16).toString("hex")}`,
        From: caller,
        To: AGENCY_NUMBER,
        ...extra,
      });
    expect(
      (await call("/twilio/voice/recording", { RecordingSid: recordingSid, RecordingUrl: `https://api.twilio.com/rec/${recordingSid}` }))
        .status,
    ).toBe(200);
    const conversation = await waitFor(
      () => test.app.prisma.conversation.findFirstOrThrow({ where: { participant: caller, channel: "voice" } }),
      (c) => c.slackThreadTs !== null,
    );
    const threadTs = conversation.slackThreadTs as string;
    const root = slack.callsOf("chat.postMessage").find((c) => c.ts === threadTs);
    expect(root?.args.channel).toBe(DISPATCH);
    expect(JSON.stringify(root?.args.blocks)).toContain(`https://api.twilio.com/rec/${recordingSid}`);
    await call("/twilio/voice/transcription", { RecordingSid: recordingSid, TranscriptionText: "Please call me back about Friday" });
    const posts = await waitFor(() => threadPosts(threadTs), (list) => list.some((t) => t.includes("call me back about Friday")));
    expect(posts.some((t) => t.includes("Voicemail transcription"))).toBe(true);
  });

  it("answers /detail status, pending, officer and help as an ephemeral message", async () => {
    const ask = async (commandText: string, userId = "U0TUCSSUP1") => {
      const response = await postSignedSlack(test.base, makeSlashCommand({ text: commandText, userId }), FORM);
      expect(response.status).toBe(200);
      return (await response.json()) as { response_type: string; text: string };
    };
    const help = await ask("");
    expect(help.response_type).toBe("ephemeral");
    expect(help.text).toContain("status");
    expect((await ask("status 999999")).text).toContain("no request #999999");
    expect((await ask("pending")).text.length).toBeGreaterThan(0);
    const today = await ask("today");
    expect(today.response_type).toBe("ephemeral");
    expect(today.text.length).toBeGreaterThan(0);
    expect(today.text).not.toContain("undefined");
    const officer = await test.app.prisma.officer.findFirstOrThrow({ where: { agencyId: "tucson-az-pd" } });
    const found = await ask(`officer ${officer.lastName}`);
    expect(found.text).toContain(officer.lastName);
    expect(found.text).not.toContain(officer.phone);
    const stranger = await postSignedSlack(test.base, makeSlashCommand({ text: "pending", userId: "U0X", channelId: "C0ELSEWHERE" }), FORM);
    expect(((await stranger.json()) as { text: string }).text).toContain("only for agency staff");
  });

  it("publishes pending approvals on App Home", async () => {
    const event = JSON.stringify({
      type: "event_callback",
      team_id: "TFAKE",
      api_app_id: "AFAKE",
      event_id: `Ev${Date.now()}`,
      event_time: Math.floor(Date.now() / 1000),
      event: { type: "app_home_opened", user: "U0TUCSSUP1", channel: "D0HOME", tab: "home" },
    });
    expect((await postSignedSlack(test.base, event, "application/json")).status).toBe(200);
    const published = await waitFor(
      () => slack.callsOf("views.publish").find((c) => c.args.user_id === "U0TUCSSUP1"),
      (c) => c !== undefined,
    );
    expect(JSON.stringify(published?.args.view)).toContain("Pending approvals");
  });
});
