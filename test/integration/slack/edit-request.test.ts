import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSubmittedRequest } from "../../builders/submitted-request.ts";
import { type FakeSlackServer, startFakeSlackServer } from "../../fakes/fake-slack-server.ts";
import { startFakeTwilio } from "../../fakes/fake-twilio-server.ts";
import { makeBlockAction, postSignedSlack, TEST_SLACK_SIGNING_SECRET } from "../../support/slack-request.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import { createTwilioPoster, makeInboundSms, waitUntilActedOn } from "../../support/twilio-sms.ts";
import { waitFor } from "../../support/wait-for.ts";

const FORM = "application/x-www-form-urlencoded";
const APPROVALS = "C0TUCSAPPR";
const SUPERVISOR = "U0TUCSSUP1";
const DISPATCHER = "U0TUCSDSP1";

type Block = { block_id?: string; element?: { initial_value?: string; initial_date?: string; initial_time?: string; initial_option?: { value: string }; options?: { value: string }[] } };
type SentView = { callback_id: string; private_metadata: string; blocks: Block[] };

/** The edit modal submitted with the prefilled values, overridden where given. */
function makeEditSubmission(view: SentView, userId: string, overrides: Partial<Record<"officers" | "date" | "start" | "end" | "category", string>> = {}): string {
  const initial = (id: string) => view.blocks.find((b) => b.block_id === id)?.element;
  const payload = {
    type: "view_submission",
    team: { id: "TFAKE", domain: "fake" },
    user: { id: userId, username: userId, team_id: "TFAKE" },
    api_app_id: "AFAKE",
    token: "legacy",
    trigger_id: `trigger-${Date.now()}`,
    view: {
      id: `V${Date.now()}`,
      type: "modal",
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      state: {
        values: {
          edit_officers: { value: { type: "plain_text_input", value: overrides.officers ?? initial("edit_officers")?.initial_value } },
          edit_date: { value: { type: "datepicker", selected_date: overrides.date ?? initial("edit_date")?.initial_date } },
          edit_start: { value: { type: "timepicker", selected_time: overrides.start ?? initial("edit_start")?.initial_time } },
          edit_end: { value: { type: "timepicker", selected_time: overrides.end ?? initial("edit_end")?.initial_time } },
          edit_category: {
            value: { type: "static_select", selected_option: { value: overrides.category ?? initial("edit_category")?.initial_option?.value } },
          },
        },
      },
    },
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

describe("Edit request from the Slack card, accepted or declined by the customer's SMS", () => {
  let test: TestApp;
  let slack: FakeSlackServer;
  let twilio: Awaited<ReturnType<typeof startFakeTwilio>>;

  beforeAll(async () => {
    slack = await startFakeSlackServer("xoxb-test");
    twilio = await startFakeTwilio();
    test = await startTestApp("slack-edit-request", {
      SLACK_BOT_TOKEN: "xoxb-test",
      SLACK_SIGNING_SECRET: TEST_SLACK_SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      TWILIO_ACCOUNT_SID: `AC${"5".repeat(32)}`,
      TWILIO_AUTH_TOKEN: "test-twilio-auth-token",
      TWILIO_API_BASE_URL: twilio.url,
      SMS_RATE_PER_SENDER: "0",
    });
  });
  afterAll(async () => {
    await test?.close();
    await slack?.close();
    await twilio?.close();
  });

  const click = (actionId: string, requestId: string, userId: string, messageTs?: string, triggerId?: string) =>
    postSignedSlack(test.base, makeBlockAction({ actionId, value: requestId, userId, channelId: APPROVALS, messageTs, triggerId }), FORM);
  const threadOf = (ts: string) => slack.callsOf("chat.postMessage").filter((c) => c.args.thread_ts === ts).map((c) => String(c.args.text));
  const smsTo = (phone: string) => twilio.messages.filter((m) => m.to === phone).map((m) => m.body);
  const requestRow = (id: string) => test.app.prisma.request.findUniqueOrThrow({ where: { id } });
  const livePositions = (requestId: string) => test.app.prisma.position.count({ where: { requestId, status: { not: "cancelled" } } });
  const submit = (view: SentView, userId = SUPERVISOR, overrides = {}) => postSignedSlack(test.base, makeEditSubmission(view, userId, overrides), FORM);

  async function openEdit(requestId: string, ts: string): Promise<SentView> {
    const triggerId = `trigger-edit-${requestId}-${Date.now()}`;
    expect((await click("edit_request", requestId, SUPERVISOR, ts, triggerId)).status).toBe(200);
    const opened = await waitFor(() => slack.callsOf("views.open").find((c) => c.args.trigger_id === triggerId), (c) => c !== undefined);
    return opened?.args.view as SentView;
  }

  async function approvedCard() {
    const submitted = await createSubmittedRequest(test.app.prisma, { officers: 2 });
    await test.app.queues.enqueueOpenApprovals(submitted.request.number);
    const posted = await waitFor(() => requestRow(submitted.request.id), (r) => r.slackMessageTs !== null);
    const ts = posted.slackMessageTs as string;
    await click("approve_request", submitted.request.id, SUPERVISOR, ts);
    await waitFor(() => threadOf(ts), (list) => list.some((t) => t.startsWith("Wave 1:")));
    return { ...submitted, ts };
  }

  async function textFromCustomer(phone: string, body: string) {
    const sms = makeInboundSms(phone, body);
    expect((await createTwilioPoster(test)("/twilio/sms", sms)).status).toBe(200);
    await waitUntilActedOn(test.app.prisma, sms.MessageSid as string);
  }

  it("2 → 3 officers: the customer gets the new quote, YES adds a position, keeps the quote and tells the thread", async () => {
    const { request, phone, ts, quote } = await approvedCard();
    const view = await openEdit(request.id, ts);
    expect(view.callback_id).toBe("edit_request_modal");
    expect(view.blocks.find((b) => b.block_id === "edit_officers")?.element?.initial_value).toBe("2");
    expect(view.blocks.find((b) => b.block_id === "edit_category")?.element?.options?.map((o) => o.value)).toContain("major_event");

    const answered = await submit(view, SUPERVISOR, { officers: "3" });
    expect(answered.status).toBe(200);
    const asked = await waitFor(() => smsTo(phone), (list) => list.some((b) => b.includes("New total")));
    const notice = asked.find((b) => b.includes("New total")) ?? "";
    expect(notice).toContain("officers 2 → 3");
    expect(notice).toContain("Reply YES to accept the change or NO to keep your booking as it was.");
    const proposed = await test.app.prisma.auditEvent.findFirstOrThrow({ where: { entityId: request.id, action: "request.edit_proposed" } });
    expect(proposed.actorId).toBe(SUPERVISOR);
    await waitFor(() => threadOf(ts), (list) => list.some((t) => t.includes("proposed a change")));
    // Not applied before the customer says YES.
    expect(await livePositions(request.id)).toBe(2);

    await textFromCustomer(phone, "YES");
    const changed = await waitFor(() => requestRow(request.id), (r) => r.officers === 3);
    expect(changed.officers).toBe(3);
    // A count-only edit keeps the booked instants (the pickers show minutes only).
    expect(changed.start.getTime()).toBe(request.start.getTime());
    expect(await livePositions(request.id)).toBe(3);
    const snapshot = await test.app.prisma.quoteSnapshot.findFirstOrThrow({ where: { requestId: request.id, decision: "requote" } });
    expect(snapshot.totalCents).toBeGreaterThan(quote.totalCents);
    expect((snapshot.quote as { positions: { officer: number } }).positions.officer).toBe(3);
    await waitFor(() => threadOf(ts), (list) => list.some((t) => t.includes("The customer accepted")));
    await waitFor(() => smsTo(phone), (list) => list.some((b) => b.includes(`request #${request.number} is changed`)));
  });

  it("a NO keeps the booking as it was and tells the thread", async () => {
    const { request, phone, ts } = await approvedCard();
    const view = await openEdit(request.id, ts);
    expect((await submit(view, SUPERVISOR, { officers: "3" })).status).toBe(200);
    await waitFor(() => smsTo(phone), (list) => list.some((b) => b.includes("New total")));
    await textFromCustomer(phone, "NO");
    await waitFor(() => threadOf(ts), (list) => list.some((t) => t.includes("declined")));
    const row = await requestRow(request.id);
    expect(row.officers).toBe(2);
    expect(await livePositions(request.id)).toBe(2);
    expect(await test.app.prisma.quoteSnapshot.count({ where: { requestId: request.id, decision: "requote" } })).toBe(0);
    const amendment = await test.app.prisma.requestAmendment.findFirstOrThrow({ where: { requestId: request.id } });
    expect(amendment.status).toBe("declined");
  });

  it("refuses a click by someone who is not an approver, changing nothing", async () => {
    const { request, ts } = await approvedCard();
    const triggerId = `trigger-edit-refused-${request.id}`;
    expect((await click("edit_request", request.id, DISPATCHER, ts, triggerId)).status).toBe(200);
    const refusal = await waitFor(
      () => slack.callsOf("chat.postEphemeral").filter((c) => c.args.user === DISPATCHER).map((c) => String(c.args.text)),
      (list) => list.some((t) => t.includes("change requests")),
    );
    expect(refusal.find((t) => t.includes("change requests"))).toContain("Nothing was changed");
    expect(slack.callsOf("views.open").some((c) => c.args.trigger_id === triggerId)).toBe(false);
    expect(await test.app.prisma.requestAmendment.count({ where: { requestId: request.id } })).toBe(0);
  });

  it("answers invalid input with modal errors and stores nothing", async () => {
    const { request, ts } = await approvedCard();
    const view = await openEdit(request.id, ts);
    const cases: [Record<string, string>, string][] = [
      [{ officers: "abc" }, "edit_officers"],
      [{ officers: "0" }, "edit_officers"],
      [{ date: "2001-01-01" }, "edit_date"],
      [{ category: "nonsense" }, "edit_category"],
      [{}, "edit_officers"], // nothing changed
    ];
    for (const [overrides, block] of cases) {
      const response = await submit(view, SUPERVISOR, overrides);
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text, JSON.stringify(overrides)).not.toBe("");
      const body = JSON.parse(text) as { response_action: string; errors: Record<string, string> };
      expect(body.response_action).toBe("errors");
      expect(Object.keys(body.errors)).toContain(block);
    }
    expect(await test.app.prisma.requestAmendment.count({ where: { requestId: request.id } })).toBe(0);
  });
});
