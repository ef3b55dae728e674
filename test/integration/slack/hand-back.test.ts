import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeSlackServer, startFakeSlackServer } from "../../fakes/fake-slack-server.ts";
import { startFakeTwilio } from "../../fakes/fake-twilio-server.ts";
import { makeBlockAction, postSignedSlack, TEST_SLACK_SIGNING_SECRET } from "../../support/slack-request.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import { newMessageSid, waitUntilActedOn } from "../../support/twilio-sms.ts";
import { postSignedTwilioForm } from "../../support/twilio-webhook.ts";
import { waitFor } from "../../support/wait-for.ts";

const PUBLIC_BASE = "https://dispatch.example.org";
const AGENCY_NUMBER = "+15205550100";
const DISPATCH = "C0TUCSDISP";
const DISPATCHER = "U0TUCSDSP1";
const FORM = "application/x-www-form-urlencoded";
const TWILIO_TOKEN = "test-twilio-auth-token";

/** The hand-back modal submitted with these fields (block id = action id, see HAND_BACK_INPUT). */
function makeHandBackSubmission(conversationId: string, fields: Record<string, string>): string {
  const values = Object.fromEntries(
    Object.entries(fields).map(([id, value]) => [id, { [id]: { type: "plain_text_input", value } }]),
  );
  const payload = {
    type: "view_submission",
    team: { id: "TFAKE", domain: "fake" },
    user: { id: DISPATCHER, username: DISPATCHER, team_id: "TFAKE" },
    api_app_id: "AFAKE",
    token: "legacy",
    trigger_id: `trigger-${Date.now()}`,
    view: {
      id: `V${Date.now()}`,
      type: "modal",
      callback_id: "hand_back_modal",
      private_metadata: JSON.stringify({ conversationId, channel: DISPATCH }),
      state: { values },
    },
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

describe("hand back remembers what the customer told the dispatcher", () => {
  let test: TestApp;
  let slack: FakeSlackServer;
  let twilio: Awaited<ReturnType<typeof startFakeTwilio>>;

  beforeAll(async () => {
    slack = await startFakeSlackServer("xoxb-test");
    twilio = await startFakeTwilio();
    test = await startTestApp("slack-hand-back", {
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

  const newPhone = () => `+1520556${String(1000 + Math.floor(Math.random() * 8999))}`;
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
  const click = (actionId: string, conversationId: string) =>
    postSignedSlack(test.base, makeBlockAction({ actionId, value: conversationId, userId: DISPATCHER, channelId: DISPATCH }), FORM);

  /** A customer who asked for an agent, taken over by the dispatcher. */
  async function heldConversation() {
    const phone = newPhone();
    await waitUntilActedOn(test.app.prisma, [await text(phone, "I need 2 officers for a store opening"), await text(phone, "agent please")]);
    const conversation = await waitFor(
      () => test.app.prisma.conversation.findFirstOrThrow({ where: { participant: phone } }),
      (c) => c.slackThreadTs !== null,
    );
    expect((await click("take_over", conversation.id)).status).toBe(200);
    await waitFor(
      () => test.app.prisma.conversation.findUniqueOrThrow({ where: { id: conversation.id } }),
      (c) => c.holder === "dispatcher",
    );
    return { phone, conversation };
  }

  it("keeps the date, times and address told while held, and asks only what is missing", async () => {
    const { phone, conversation } = await heldConversation();
    const before = smsTo(phone).length;
    await waitUntilActedOn(test.app.prisma, await text(phone, "Dec 19, 7pm to midnight at 1500 N Stone Ave"));
    const held = await test.app.prisma.conversation.findUniqueOrThrow({ where: { id: conversation.id } });
    expect(held.state).toMatchObject({ slots: { startTime: "19:00", endTime: "00:00", address: { line1: "1500 N Stone Ave" } } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(smsTo(phone).length).toBe(before); // silent while held

    await click("hand_back", conversation.id);
    const sent = await waitFor(() => smsTo(phone), (list) => list.some((b) => /^I have \w{3} Dec 19/.test(b)));
    const after = sent.slice(before);
    // The weekday depends on the year "Dec 19" falls in when the test runs.
    expect(after.some((b) => /^I have \w{3} Dec 19, 7:00 PM to 12:00 AM at 1500 N Stone Ave, 2 officers, store security\.$/.test(b))).toBe(true);
    expect(after.join("\n")).not.toMatch(/What date/);
  });

  it("hands back from the modal with a note and a corrected officer count; an unreadable field keeps it open", async () => {
    const { phone, conversation } = await heldConversation();
    // The holder is offered the modal: an ephemeral button after taking over.
    const offered = slack.callsOf("chat.postEphemeral").filter((c) => JSON.stringify(c.args.blocks ?? "").includes("hand_back_note"));
    expect(offered.length).toBeGreaterThan(0);

    const unreadable = await postSignedSlack(test.base, makeHandBackSubmission(conversation.id, { hand_back_date: "whenever" }), FORM);
    expect(await unreadable.json()).toMatchObject({ response_action: "errors", errors: { hand_back_date: expect.any(String) } });
    expect((await test.app.prisma.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).holder).toBe("dispatcher");

    const submitted = await postSignedSlack(
      test.base,
      makeHandBackSubmission(conversation.id, {
        hand_back_note: "Sam from dispatch: use the side entrance.",
        hand_back_date: "Dec 19",
        hand_back_times: "7pm to midnight",
        hand_back_address: "1500 N Stone Ave",
        hand_back_officers: "3",
      }),
      FORM,
    );
    expect(submitted.status).toBe(200);
    const sent = await waitFor(() => smsTo(phone), (list) => list.some((b) => /^I have \w{3} Dec 19/.test(b)));
    const note = sent.indexOf("Sam from dispatch: use the side entrance.");
    expect(note).toBeGreaterThanOrEqual(0);
    expect(sent.findIndex((b) => /^I have \w{3} Dec 19, 7:00 PM to 12:00 AM at 1500 N Stone Ave, 3 officers, store security\.$/.test(b))).toBeGreaterThan(note);
    const released = await test.app.prisma.conversation.findUniqueOrThrow({ where: { id: conversation.id } });
    expect(released.holder).toBe("bot");
  });
});
