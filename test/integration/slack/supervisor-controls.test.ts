import { randomInt } from "node:crypto";
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
import {
  createTwilioPoster,
  makeInboundSms,
  newCustomerPhone,
  SMS_INTAKE,
  waitUntilActedOn,
} from "../../support/twilio-sms.ts";
import { waitFor } from "../../support/wait-for.ts";

const FORM = "application/x-www-form-urlencoded";
const AGENCY = "tucson-az-pd";
const APPROVALS = "C0TUCSAPPR";
const SUPERVISOR = "U0TUCSSUP1";
const CHIEF = "U0TUCSCHF1";
const DISPATCHER = "U0TUCSDSP1";

/** A modal's payload fields as the fake Slack received them in views.open / views.update. */
type SentView = { callback_id: string; private_metadata: string; blocks: { block_id?: string; text?: { text: string }; element?: { options?: { value: string; text: { text: string } }[] } }[] };

/** A choice in the assign modal's officer picker (block_actions from inside the view). */
function makeOfficerPick(input: { userId: string; view: SentView; officerId: string; viewId: string }): string {
  const payload = {
    type: "block_actions",
    team: { id: "TFAKE", domain: "fake" },
    user: { id: input.userId, username: input.userId, team_id: "TFAKE" },
    api_app_id: "AFAKE",
    token: "legacy",
    trigger_id: `trigger-${Date.now()}`,
    container: { type: "view", view_id: input.viewId },
    view: { id: input.viewId, hash: "h1", type: "modal", callback_id: input.view.callback_id, private_metadata: input.view.private_metadata, state: { values: {} } },
    actions: [
      {
        type: "static_select",
        action_id: "assign_officer_pick",
        block_id: "officer_block",
        selected_option: { text: { type: "plain_text", text: "x" }, value: input.officerId },
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** The assign modal submitted with an officer chosen and an optional override reason. */
function makeAssignSubmission(input: { userId: string; privateMetadata: string; officerId: string; reason?: string }): string {
  const payload = {
    type: "view_submission",
    team: { id: "TFAKE", domain: "fake" },
    user: { id: input.userId, username: input.userId, team_id: "TFAKE" },
    api_app_id: "AFAKE",
    token: "legacy",
    trigger_id: `trigger-${Date.now()}`,
    view: {
      id: `V${Date.now()}`,
      type: "modal",
      callback_id: "assign_officer_modal",
      private_metadata: input.privateMetadata,
      state: {
        values: {
          officer_block: { assign_officer_pick: { type: "static_select", selected_option: { value: input.officerId } } },
          override_block: { override_input: { type: "plain_text_input", value: input.reason ?? null } },
        },
      },
    },
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

describe("Slack supervisor controls on an approved request (real Bolt app, fake Slack and Twilio)", () => {
  let test: TestApp;
  let slack: FakeSlackServer;
  let twilio: Awaited<ReturnType<typeof startFakeTwilio>>;

  beforeAll(async () => {
    slack = await startFakeSlackServer("xoxb-test");
    twilio = await startFakeTwilio();
    test = await startTestApp("slack-supervisor-controls", {
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
  const ephemeralsTo = (userId: string) =>
    slack.callsOf("chat.postEphemeral").filter((c) => c.args.user === userId).map((c) => String(c.args.text));
  const threadOf = (ts: string) =>
    slack.callsOf("chat.postMessage").filter((c) => c.args.thread_ts === ts).map((c) => String(c.args.text));
  const smsTo = (phone: string) => twilio.messages.filter((m) => m.to === phone).map((m) => m.body);
  const requestRow = (id: string) => test.app.prisma.request.findUniqueOrThrow({ where: { id } });
  /** Opens a modal by clicking `actionId`, returning the view Slack was asked to open. */
  async function openModal(actionId: string, requestId: string, ts: string, userId = SUPERVISOR): Promise<SentView> {
    const triggerId = `trigger-${actionId}-${requestId}`;
    expect((await click(actionId, requestId, userId, ts, triggerId)).status).toBe(200);
    const opened = await waitFor(
      () => slack.callsOf("views.open").find((c) => c.args.trigger_id === triggerId),
      (c) => c !== undefined,
    );
    return opened?.args.view as SentView;
  }

  /** A submitted request, approved by a supervisor, with its first wave of offers out. */
  async function approvedCard(options: Parameters<typeof createSubmittedRequest>[1] = {}) {
    const submitted = await createSubmittedRequest(test.app.prisma, options);
    await test.app.queues.enqueueOpenApprovals(submitted.request.number);
    const posted = await waitFor(() => requestRow(submitted.request.id), (r) => r.slackMessageTs !== null);
    const ts = posted.slackMessageTs as string;
    await click("approve_request", submitted.request.id, SUPERVISOR, ts);
    await waitFor(() => threadOf(ts), (list) => list.some((t) => t.startsWith("Wave 1:")));
    return { ...submitted, ts };
  }

  /** An officer of our own (test files share the seeded roster), first in the picker by name. */
  async function makeOfficer(rank: "officer" | "sergeant" = "sergeant") {
    const n = randomInt(100_000, 999_999);
    return test.app.prisma.officer.create({
      data: {
        agencyId: AGENCY,
        badgeNumber: `T${n}`,
        firstName: "Pat",
        lastName: `Aaberg${n}`,
        phone: `+1520${String(randomInt(1_000_000, 9_999_999))}`,
        rank,
        seniorityDate: new Date("2010-01-01T00:00:00Z"),
      },
    });
  }

  it("stores the site contact a customer texts and shows it on the card", async () => {
    const phone = newCustomerPhone();
    const post = createTwilioPoster(test);
    // Up to the question about the site contact and the instructions, then both in one answer.
    for (const line of [...SMS_INTAKE.slice(0, 7), "Ann Lee 520-555-0111, park behind the store", "YES"]) {
      const sms = makeInboundSms(phone, line);
      expect((await post("/twilio/sms", sms)).status).toBe(200);
      await waitUntilActedOn(test.app.prisma, sms.MessageSid as string);
    }
    const request = await waitFor(
      () => test.app.prisma.request.findFirst({ where: { customer: { contact: phone } } }),
      (r) => r?.slackMessageTs != null,
    );
    expect(request).toMatchObject({
      siteContactName: "Ann Lee",
      siteContactPhone: "+15205550111",
      postOrders: "park behind the store",
    });
    const card = slack.callsOf("chat.postMessage").find((c) => c.ts === request?.slackMessageTs);
    expect(JSON.stringify(card?.args.blocks)).toContain("*Site contact*\\nAnn Lee, 520-555-0111");
  });

  it("shows the controls on the card once approved, and refuses them to a dispatcher without changing anything", async () => {
    const { request, ts } = await approvedCard();
    const card = await waitFor(
      () => slack.callsOf("chat.update").filter((c) => c.args.ts === ts).at(-1),
      (u) => u !== undefined && buttonsOf(u.args.blocks).length > 0,
    );
    expect(buttonsOf(card?.args.blocks).map((b) => b.action_id)).toEqual([
      "rebroadcast_request",
      "assign_officer",
      "edit_request",
      "cancel_request",
    ]);
    for (const action of ["rebroadcast_request", "cancel_request", "assign_officer"]) {
      const before = ephemeralsTo(DISPATCHER).length;
      await click(action, request.id, DISPATCHER, ts);
      const told = await waitFor(() => ephemeralsTo(DISPATCHER), (list) => list.length > before);
      expect(told.at(-1)).toContain("Only Tucson Police Department supervisors and chief's designees");
      expect(told.at(-1)).toContain("Nothing was changed");
    }
    expect(slack.callsOf("views.open").some((c) => JSON.stringify(c.args).includes(request.id))).toBe(false);
    expect((await requestRow(request.id)).status).toBe("staffing");
  });

  it("Re-broadcast now sends the next wave at once instead of after the wave interval, audited", async () => {
    const { request, ts } = await approvedCard();
    await click("rebroadcast_request", request.id, SUPERVISOR, ts);
    // The interval is 15 minutes: a second wave within seconds is the supervisor's doing.
    const thread = await waitFor(() => threadOf(ts), (list) => list.some((t) => t.startsWith("Wave 2:")));
    expect(thread.some((t) => t.includes(`<@${SUPERVISOR}> sent the next wave of offers now (wave 2)`))).toBe(true);
    const audit = await test.app.prisma.auditEvent.findFirstOrThrow({
      where: { entityId: request.id, action: "broadcast.requested" },
    });
    expect(audit).toMatchObject({ actorKind: "supervisor", actorId: SUPERVISOR, data: { wave: 1 } });
  });

  it("Cancel for the agency: reason to the customer, no fee, officers released and told, card and audit say who", async () => {
    const { request, ts, phone } = await approvedCard();
    const officer = await makeOfficer("officer");
    const position = await test.app.prisma.position.findFirstOrThrow({ where: { requestId: request.id }, orderBy: { index: "asc" } });
    await test.app.prisma.position.update({ where: { id: position.id }, data: { status: "filled" } });
    const held = await test.app.prisma.assignment.create({
      data: { positionId: position.id, officerId: officer.id, start: request.start, end: request.end },
    });

    const view = await openModal("cancel_request", request.id, ts);
    expect(view.callback_id).toBe("cancel_request_modal");
    const empty = await postSignedSlack(
      test.base,
      makeViewSubmission({ callbackId: view.callback_id, privateMetadata: view.private_metadata, userId: CHIEF, text: "  " }),
      FORM,
    );
    expect(await empty.json()).toMatchObject({ response_action: "errors" });
    await postSignedSlack(
      test.base,
      makeViewSubmission({
        callbackId: view.callback_id,
        privateMetadata: view.private_metadata,
        userId: CHIEF,
        text: "The street closure permit was withdrawn.",
      }),
      FORM,
    );
    const cancelled = await waitFor(() => requestRow(request.id), (r) => r.status === "cancelled");
    expect(cancelled.cancellationFeeCents).toBe(0);
    const audit = await test.app.prisma.auditEvent.findFirstOrThrow({
      where: { entityId: request.id, action: "request.cancelled_by_agency" },
    });
    expect(audit).toMatchObject({ actorKind: "supervisor", actorId: CHIEF, data: { reason: "The street closure permit was withdrawn.", feeCents: 0 } });
    const told = await waitFor(() => smsTo(phone), (list) => list.some((b) => b.includes("cancelled request")));
    expect(told.at(-1)).toContain(`#${request.number}`);
    expect(told.at(-1)).toContain("The street closure permit was withdrawn.");
    expect(told.at(-1)).toContain("no charge");
    await waitFor(
      () => test.app.prisma.assignment.findUniqueOrThrow({ where: { id: held.id } }),
      (a) => a.status === "cancelled",
    );
    const released = await waitFor(() => smsTo(officer.phone), (list) => list.some((b) => b.includes("released")));
    expect(released.find((b) => b.includes("released"))).toContain("cancelled by the police department");
    const card = await waitFor(
      () => slack.callsOf("chat.update").filter((c) => c.args.ts === ts).at(-1),
      (u) => u !== undefined && JSON.stringify(u.args.blocks).includes("for the agency"),
    );
    expect(JSON.stringify(card?.args.blocks)).toContain(`Cancelled by <@${CHIEF}> for the agency (no fee)`);
    expect(buttonsOf(card?.args.blocks)).toEqual([]);
    const thread = await waitFor(() => threadOf(ts), (list) => list.some((t) => t.includes("for the agency")));
    expect(thread.filter((t) => t.includes("Cancelled by the customer"))).toEqual([]);
  });

  it("Assign officer: the picker shows eligibility, the officer is texted, the request becomes staffed", async () => {
    const { request, ts, phone } = await approvedCard({ officers: 1 });
    const officer = await makeOfficer("sergeant");
    const view = await openModal("assign_officer", request.id, ts);
    expect(view.callback_id).toBe("assign_officer_modal");
    const options = view.blocks.find((b) => b.block_id === "officer_block")?.element?.options ?? [];
    expect(options.find((o) => o.value === officer.id)?.text.text).toBe(`Sgt. Pat ${officer.lastName} (#${officer.badgeNumber})`);

    const viewId = `VASSIGN${request.number}`;
    await postSignedSlack(test.base, makeOfficerPick({ userId: SUPERVISOR, view, officerId: officer.id, viewId }), FORM);
    const updated = await waitFor(
      () => slack.callsOf("views.update").find((c) => c.args.view_id === viewId),
      (c) => c !== undefined,
    );
    expect(JSON.stringify(updated?.args.view)).toContain("Eligible for position 1 (officer)");

    const submit = await postSignedSlack(
      test.base,
      makeAssignSubmission({ userId: SUPERVISOR, privateMetadata: view.private_metadata, officerId: officer.id }),
      FORM,
    );
    expect(submit.status).toBe(200);
    const staffed = await waitFor(() => requestRow(request.id), (r) => r.status === "staffed");
    expect(staffed.status).toBe("staffed");
    const assignment = await test.app.prisma.assignment.findFirstOrThrow({ where: { officerId: officer.id } });
    expect(assignment.status).toBe("assigned");
    const audit = await test.app.prisma.auditEvent.findFirstOrThrow({
      where: { entityId: assignment.id, action: "assignment.assigned_by_supervisor" },
    });
    expect(audit).toMatchObject({ actorKind: "supervisor", actorId: SUPERVISOR, data: { override: null } });
    const texted = await waitFor(() => smsTo(officer.phone), (list) => list.some((b) => b.includes("assigned you")));
    expect(texted.find((b) => b.includes("assigned you"))).toMatch(/Reply IN [A-Z0-9]{4} when you arrive/);
    const thread = await waitFor(() => threadOf(ts), (list) => list.some((t) => t.includes("assigned Sgt.")));
    expect(thread.find((t) => t.includes("assigned Sgt."))).toContain(`<@${SUPERVISOR}> assigned Sgt. Pat ${officer.lastName}`);
    const customer = await waitFor(() => smsTo(phone), (list) => list.some((b) => b.includes("fully staffed")));
    expect(customer.find((b) => b.includes("fully staffed"))).toContain(`Sgt. ${officer.lastName}`);
  });

  it("Assign officer over dispatch's rules needs a reason, which goes into the audit trail", async () => {
    const { request, ts } = await approvedCard();
    const officer = await makeOfficer("officer");
    // A shift of theirs ending two hours before this one: under the 8-hour rest rule.
    const other = await createSubmittedRequest(test.app.prisma, { officers: 1 });
    const otherPosition = await test.app.prisma.position.create({ data: { requestId: other.request.id, index: 1, rank: "officer", status: "filled" } });
    await test.app.prisma.assignment.create({
      data: {
        positionId: otherPosition.id,
        officerId: officer.id,
        start: new Date(request.start.getTime() - 6 * 3600_000),
        end: new Date(request.start.getTime() - 2 * 3600_000),
      },
    });
    const view = await openModal("assign_officer", request.id, ts);

    const refused = await postSignedSlack(
      test.base,
      makeAssignSubmission({ userId: SUPERVISOR, privateMetadata: view.private_metadata, officerId: officer.id }),
      FORM,
    );
    const errors = (await refused.json()) as { response_action: string; errors: Record<string, string> };
    expect(errors.response_action).toBe("errors");
    expect(errors.errors.override_block).toContain("too little rest");
    expect(await test.app.prisma.assignment.count({ where: { officerId: officer.id, positionId: { not: otherPosition.id } } })).toBe(0);

    await postSignedSlack(
      test.base,
      makeAssignSubmission({
        userId: SUPERVISOR,
        privateMetadata: view.private_metadata,
        officerId: officer.id,
        reason: "Only officer certified for this site; rest waived by the lieutenant.",
      }),
      FORM,
    );
    const assignment = await waitFor(
      () => test.app.prisma.assignment.findFirst({ where: { officerId: officer.id, positionId: { not: otherPosition.id } } }),
      (a) => a !== null,
    );
    const audit = await test.app.prisma.auditEvent.findFirstOrThrow({
      where: { entityId: assignment?.id ?? "", action: "assignment.assigned_by_supervisor" },
    });
    expect(audit.data).toMatchObject({
      override: { reason: "Only officer certified for this site; rest waived by the lieutenant.", ineligible: "rest" },
    });
    expect((await requestRow(request.id)).status).toBe("staffing");
  });
});
