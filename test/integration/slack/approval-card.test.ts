import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSubmittedRequest } from "../../builders/submitted-request.ts";
import { type FakeSlackServer, startFakeSlackServer } from "../../fakes/fake-slack-server.ts";
import { startFakeTwilio } from "../../fakes/fake-twilio-server.ts";
import {
  buttonsOf,
  makeBlockAction,
  makeViewSubmission,
  postSignedSlack,
  TEST_SLACK_SIGNING_SECRET,
} from "../../support/slack-request.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import { postSignedTwilioForm } from "../../support/twilio-webhook.ts";
import { waitFor } from "../../support/wait-for.ts";

const FORM = "application/x-www-form-urlencoded";
// Slack is live here, so Twilio must be too (a live deployment has no stand-ins): a fake Twilio API.
const TWILIO_TOKEN = "test-twilio-auth-token";
const SUPERVISOR = "U0TUCSSUP1";
const CHIEF = "U0TUCSCHF1";
const APPROVALS = "C0TUCSAPPR";


describe("Slack approval card (real Bolt app, fake Slack Web API)", () => {
  let test: TestApp;
  let slack: FakeSlackServer;
  let twilio: Awaited<ReturnType<typeof startFakeTwilio>>;

  beforeAll(async () => {
    slack = await startFakeSlackServer("xoxb-test");
    twilio = await startFakeTwilio();
    test = await startTestApp("slack-approvals", {
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

  /** A submitted request whose card has been posted; returns it with the card's ts. */
  async function postedCard(options: Parameters<typeof createSubmittedRequest>[1] = {}) {
    const submitted = await createSubmittedRequest(test.app.prisma, options);
    await test.app.queues.enqueueOpenApprovals(submitted.request.number);
    const row = await waitFor(
      () => test.app.prisma.request.findUniqueOrThrow({ where: { id: submitted.request.id } }),
      (r) => r.slackMessageTs !== null,
    );
    expect(row.slackMessageTs).not.toBeNull();
    return { ...submitted, ts: row.slackMessageTs as string };
  }

  const click = (actionId: string, requestId: string, userId: string, messageTs?: string) =>
    postSignedSlack(test.base, makeBlockAction({ actionId, value: requestId, userId, channelId: APPROVALS, messageTs }), FORM);

  const ephemeralsTo = (userId: string) =>
    slack.callsOf("chat.postEphemeral").filter((c) => c.args.user === userId).map((c) => String(c.args.text));

  const cardUpdates = (ts: string) => slack.callsOf("chat.update").filter((c) => c.args.ts === ts);

  const smsTo = (phone: string) => twilio.messages.filter((m) => m.to === phone);

  it("posts a card with the request, quote, flags and the three buttons to the agency's approvals channel", async () => {
    const { request, ts, quote } = await postedCard({ officers: 4, vehicles: 1 });
    const post = slack.callsOf("chat.postMessage").find((c) => c.ts === ts);
    expect(post?.args.channel).toBe(APPROVALS);
    expect(post?.token).toBe("xoxb-test");
    const text = JSON.stringify(post?.args.blocks);
    expect(text).toContain(`#${request.number}`);
    expect(text).toContain("Dana Builder");
    expect(text).toContain("100 N Stone Ave");
    expect(text).toContain(`$${(quote.totalCents / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })}`);
    expect(buttonsOf(post?.args.blocks).map((b) => [b.action_id, b.value])).toEqual([
      ["approve_request", request.id],
      ["deny_request", request.id],
      ["ask_customer", request.id],
    ]);
  });

  it("approves on a supervisor's click: card updated in place without buttons, customer told, offers go out", async () => {
    const { request, ts, phone } = await postedCard();
    const response = await click("approve_request", request.id, SUPERVISOR, ts);
    expect(response.status).toBe(200);

    const approved = await waitFor(
      () => test.app.prisma.request.findUniqueOrThrow({ where: { id: request.id } }),
      (r) => r.status === "staffing",
    );
    expect(approved.status).toBe("staffing");
    const update = await waitFor(
      () => cardUpdates(ts).at(-1),
      (u) => u !== undefined && JSON.stringify(u.args.blocks).includes(SUPERVISOR),
    );
    // The decision buttons are gone; an approved card carries the supervisor controls instead.
    expect(buttonsOf(update?.args.blocks).map((b) => b.action_id)).not.toContain("approve_request");
    expect(buttonsOf(update?.args.blocks).map((b) => b.action_id)).not.toContain("deny_request");
    expect(JSON.stringify(update?.args.blocks)).toMatch(/approved/i);
    const sms = await waitFor(() => smsTo(phone), (list) => list.some((m) => m.body.includes("approved")));
    expect(sms.map((m) => m.body).join(" ")).toContain(`#${request.number} is approved`);
    const wave = await waitFor(
      () => slack.callsOf("chat.postMessage").filter((c) => c.args.thread_ts === ts),
      (list) => list.some((c) => String(c.args.text).includes("offers sent")),
    );
    expect(wave.map((c) => String(c.args.text)).join("\n")).toMatch(/Wave 1: offers sent to \d+ officers/);
  });

  it("a second click (or a click on a stale card) changes nothing and tells the clicker why", async () => {
    const { request, ts } = await postedCard();
    await click("approve_request", request.id, SUPERVISOR, ts);
    await waitFor(
      () => test.app.prisma.approval.findFirstOrThrow({ where: { requestId: request.id } }),
      (a) => a.decision === "approved",
    );
    const before = ephemeralsTo("U0TUCSSUP2").length;
    await click("deny_request", request.id, "U0TUCSSUP2", ts);
    const told = await waitFor(() => ephemeralsTo("U0TUCSSUP2"), (list) => list.length > before);
    expect(told.at(-1)).toContain(`#${request.number} is already`);
    expect(told.at(-1)).toContain("Nothing was changed");
    const approval = await test.app.prisma.approval.findFirstOrThrow({ where: { requestId: request.id } });
    expect(approval.decidedBy).toBe(SUPERVISOR);
    expect(slack.callsOf("views.open").some((c) => JSON.stringify(c.args).includes(request.id))).toBe(false);
  });

  it("refuses anyone who is not a configured supervisor, with an ephemeral message, and changes nothing", async () => {
    const { request, ts } = await postedCard();
    await click("approve_request", request.id, "U0STRANGER", ts);
    const told = await waitFor(() => ephemeralsTo("U0STRANGER"), (list) => list.length > 0);
    expect(told.at(-1)).toContain("Only Tucson Police Department supervisors");
    const row = await test.app.prisma.request.findUniqueOrThrow({ where: { id: request.id }, include: { approvals: true } });
    expect(row.status).toBe("pending_approval");
    expect(row.approvals.map((a) => a.decision)).toEqual(["pending"]);
  });

  it("denies with a reason from the modal; the reason goes to the customer and onto the card", async () => {
    const { request, ts, phone } = await postedCard();
    const triggerId = `trigger-deny-${request.number}`;
    await postSignedSlack(
      test.base,
      makeBlockAction({ actionId: "deny_request", value: request.id, userId: SUPERVISOR, channelId: APPROVALS, messageTs: ts, triggerId }),
      FORM,
    );
    const opened = await waitFor(
      () => slack.callsOf("views.open").find((c) => c.args.trigger_id === triggerId),
      (c) => c !== undefined,
    );
    const view = opened?.args.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe("deny_request_modal");
    const submit = await postSignedSlack(
      test.base,
      makeViewSubmission({
        callbackId: view.callback_id,
        privateMetadata: view.private_metadata,
        userId: SUPERVISOR,
        text: "No officers are available on that date.",
      }),
      FORM,
    );
    expect(submit.status).toBe(200);
    const denied = await waitFor(
      () => test.app.prisma.request.findUniqueOrThrow({ where: { id: request.id }, include: { approvals: true } }),
      (r) => r.status === "denied",
    );
    expect(denied.approvals[0]?.reason).toBe("No officers are available on that date.");
    const sms = await waitFor(() => smsTo(phone), (list) => list.some((m) => m.body.includes("not approved")));
    expect(sms.at(-1)?.body).toContain("No officers are available on that date.");
    const update = await waitFor(
      () => cardUpdates(ts).at(-1),
      (u) => u !== undefined && /denied/i.test(JSON.stringify(u.args.blocks)),
    );
    expect(buttonsOf(update?.args.blocks)).toEqual([]);
    expect(JSON.stringify(update?.args.blocks)).toContain("No officers are available on that date.");
  });

  it("asks the customer a question from a modal; the answer appears in the card's thread", async () => {
    const { request, ts, phone } = await postedCard();
    const triggerId = `trigger-ask-${request.number}`;
    await postSignedSlack(
      test.base,
      makeBlockAction({ actionId: "ask_customer", value: request.id, userId: SUPERVISOR, channelId: APPROVALS, messageTs: ts, triggerId }),
      FORM,
    );
    const opened = await waitFor(
      () => slack.callsOf("views.open").find((c) => c.args.trigger_id === triggerId),
      (c) => c !== undefined,
    );
    const view = opened?.args.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe("ask_customer_modal");
    await postSignedSlack(
      test.base,
      makeViewSubmission({
        callbackId: view.callback_id,
        privateMetadata: view.private_metadata,
        userId: SUPERVISOR,
        text: "Will there be a road closure?",
      }),
      FORM,
    );
    const sms = await waitFor(() => smsTo(phone), (list) => list.some((m) => m.body.includes("road closure")));
    expect(sms.at(-1)?.body).toContain(`question about request #${request.number}`);
    const publicUrl = `${test.base.replace("127.0.0.1", "localhost")}/twilio/sms`;
    await postSignedTwilioForm(`${test.base}/twilio/sms`, publicUrl, TWILIO_TOKEN, {
      MessageSid: `SM${randomBytes(16).toString("hex")}`,
      From: phone,
      To: "+15205550100",
      Body: "Yes, the east lane from 8 to 10am",
    });
    const thread = await waitFor(
      () => slack.callsOf("chat.postMessage").filter((c) => c.args.thread_ts === ts).map((c) => String(c.args.text)),
      (list) => list.some((t) => t.includes("east lane")),
    );
    expect(thread.some((t) => t.includes("asked the customer"))).toBe(true);
    expect(thread.some((t) => t.startsWith("Customer replied") && t.includes("east lane"))).toBe(true);
    expect((await test.app.prisma.request.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("pending_approval");
  });

  it("a flagged request needs the chief's designee too, and only the designee can give that sign-off", async () => {
    const { request, ts } = await postedCard({ alcoholVenue: true });
    const post = slack.callsOf("chat.postMessage").find((c) => c.ts === ts);
    expect(JSON.stringify(post?.args.blocks)).toMatch(/chief's designee/i);

    await click("approve_request", request.id, SUPERVISOR, ts);
    await waitFor(
      () => test.app.prisma.approval.findFirstOrThrow({ where: { requestId: request.id, role: "supervisor" } }),
      (a) => a.decision === "approved",
    );
    await click("approve_request", request.id, "U0TUCSSUP2", ts);
    const told = await waitFor(() => ephemeralsTo("U0TUCSSUP2"), (list) => list.some((t) => t.includes(`#${request.number}`)));
    expect(told.at(-1)).toContain("chief's designee");
    expect((await test.app.prisma.request.findUniqueOrThrow({ where: { id: request.id } })).status).toBe("pending_approval");

    await click("approve_request", request.id, CHIEF, ts);
    const done = await waitFor(
      () => test.app.prisma.request.findUniqueOrThrow({ where: { id: request.id } }),
      (r) => r.status !== "pending_approval",
    );
    expect(["approved", "staffing"]).toContain(done.status);
    const chief = await test.app.prisma.approval.findFirstOrThrow({ where: { requestId: request.id, role: "chief" } });
    expect(chief.decidedBy).toBe(CHIEF);
  });

  it("acknowledges a click before any Slack Web API call it causes has been answered (slow work is queued)", async () => {
    const { request, ts } = await postedCard();
    slack.setDelay(1_500);
    try {
      const triggerId = `trigger-slow-${request.number}`;
      const response = await postSignedSlack(
        test.base,
        makeBlockAction({ actionId: "deny_request", value: request.id, userId: SUPERVISOR, channelId: APPROVALS, messageTs: ts, triggerId }),
        FORM,
      );
      expect(response.status).toBe(200);
      // The modal is opened after the ack: when the click's answer arrives, Slack has not answered it yet.
      const opens = slack.callsOf("views.open").filter((c) => c.args.trigger_id === triggerId);
      expect(opens.every((c) => !c.answered)).toBe(true);
      const opened = await waitFor(
        () => slack.callsOf("views.open").find((c) => c.args.trigger_id === triggerId),
        (c) => c?.answered === true,
      );
      expect(opened?.answered).toBe(true);
    } finally {
      slack.setDelay(0);
    }
  });

  it("rejects unsigned, wrongly signed and stale (over 5 minutes) requests with 403 and changes nothing", async () => {
    const { request, ts } = await postedCard();
    const body = makeBlockAction({ actionId: "approve_request", value: request.id, userId: SUPERVISOR, messageTs: ts });
    expect((await postSignedSlack(test.base, body, FORM, { unsigned: true })).status).toBe(403);
    expect((await postSignedSlack(test.base, body, FORM, { secret: "not-the-secret" })).status).toBe(403);
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    expect((await postSignedSlack(test.base, body, FORM, { timestamp: stale })).status).toBe(403);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const row = await test.app.prisma.request.findUniqueOrThrow({ where: { id: request.id }, include: { approvals: true } });
    expect(row.status).toBe("pending_approval");
    expect(row.approvals[0]?.decision).toBe("pending");
  });
});
