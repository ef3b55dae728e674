// Slack posts per dispatcher thread (SLACK_POSTS_PER_THREAD_PER_MINUTE): a customer texting a
// stream into an escalated conversation makes a few posts, the rest coalesced into one update,
// none lost. Bolt's real WebClient against a fake Slack Web API; signed Twilio webhooks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeSlackServer, startFakeSlackServer } from "../../fakes/fake-slack-server.ts";
import { TEST_SLACK_SIGNING_SECRET } from "../../support/slack-request.ts";
import { startFakeTwilio } from "../../fakes/fake-twilio-server.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import { newCustomerPhone, newMessageSid, waitUntilActedOn } from "../../support/twilio-sms.ts";
import { postSignedTwilioForm } from "../../support/twilio-webhook.ts";
import { sleep, waitFor } from "../../support/wait-for.ts";

const PUBLIC_BASE = "https://thread-limit.example.org";
const AGENCY_NUMBER = "+15205550100";
const AUTH_TOKEN = "test-thread-limit-auth-token";
const STREAM = 12;

describe("Slack posts per thread per minute", () => {
  let test: TestApp;
  let slack: FakeSlackServer;
  let twilio: Awaited<ReturnType<typeof startFakeTwilio>>;

  beforeAll(async () => {
    slack = await startFakeSlackServer("xoxb-test");
    twilio = await startFakeTwilio();
    test = await startTestApp("limits-slack", {
      PUBLIC_BASE_URL: PUBLIC_BASE,
      SLACK_BOT_TOKEN: "xoxb-test",
      SLACK_SIGNING_SECRET: TEST_SLACK_SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      TWILIO_ACCOUNT_SID: `AC${"8".repeat(32)}`,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_API_BASE_URL: twilio.url,
      SMS_RATE_PER_SENDER: "0",
      SLACK_POSTS_PER_THREAD_PER_MINUTE: "2",
      // A "minute" of 10 s: the budget frees within the test.
      ABUSE_LIMIT_MINUTE_MS: "10000",
      // This test is about Slack alone.
      INBOUND_LIMIT_PER_SENDER: "1000",
      BOT_REPLIES_PER_CONVERSATION_PER_MINUTE: "1000",
    });
  });
  afterAll(async () => {
    await test?.close();
    await slack?.close();
    await twilio?.close();
  });

  const text = async (from: string, body: string): Promise<string> => {
    const sid = newMessageSid();
    const response = await postSignedTwilioForm(
      `${test.base}/twilio/sms`,
      `${PUBLIC_BASE}/twilio/sms`,
      AUTH_TOKEN,
      {
        MessageSid: sid,
        From: from,
        To: AGENCY_NUMBER,
        Body: body,
      },
    );
    expect(response.status, await response.text()).toBe(200);
    return sid;
  };
  const threadPosts = (ts: string) =>
    slack
      .callsOf("chat.postMessage")
      .filter((c) => c.args.thread_ts === ts)
      .map((c) => String(c.args.text));

  it("posts within the budget, then one coalesced update with every other message, in order", {
    timeout: 90_000,
  }, async () => {
    const phone = newCustomerPhone();
    await waitUntilActedOn(test.app.prisma, [
      await text(phone, "I need officers for a store opening"),
      await text(phone, "agent please"),
    ]);
    const conversation = await waitFor(
      () => test.app.prisma.conversation.findFirstOrThrow({ where: { participant: phone } }),
      (c) => c.slackThreadTs !== null,
    );
    const threadTs = conversation.slackThreadTs as string;

    const bodies = Array.from({ length: STREAM }, (_, i) => `message number ${i + 1} of the stream`);
    const sids: string[] = [];
    for (const body of bodies) sids.push(await text(phone, body));
    await waitUntilActedOn(test.app.prisma, sids, 30_000);

    // Within the budget: two posts, one message each; the others wait (no post per message).
    await waitFor(
      () => threadPosts(threadTs),
      (posts) => posts.length >= 2,
    );
    await sleep(1_500);
    expect(threadPosts(threadTs)).toHaveLength(2);

    // When the budget frees, one update carries every held message, in order.
    const posts = await waitFor(
      () => threadPosts(threadTs),
      (list) => list.length >= 3,
      40_000,
    );
    await sleep(1_000);
    expect(threadPosts(threadTs)).toHaveLength(3);
    const all = posts.join("\n");
    const positions = bodies.map((body) =>
      all.indexOf(`${body}\n`) >= 0 ? all.indexOf(`${body}\n`) : all.indexOf(body),
    );
    for (const [index, position] of positions.entries())
      expect(position, bodies[index]).toBeGreaterThanOrEqual(0);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(posts[2]).toMatch(/10 messages from the customer/);
    // Every message is marked relayed with the post that carried it.
    const unrelayed = await test.app.prisma.message.count({
      where: {
        conversationId: conversation.id,
        direction: "inbound",
        OR: [{ slackTs: null }, { slackTs: "held" }],
      },
    });
    expect(unrelayed).toBe(0);
  });
});
