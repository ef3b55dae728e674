import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSubmittedRequest } from "../../builders/submitted-request.ts";
import { type FakeSlackServer, startFakeSlackServer } from "../../fakes/fake-slack-server.ts";
import {
  makeBlockAction,
  makeSlashCommand,
  makeThreadReply,
  postSignedSlack,
  TEST_SLACK_SIGNING_SECRET,
} from "../../support/slack-request.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import { sleep, waitFor } from "../../support/wait-for.ts";

const FORM = "application/x-www-form-urlencoded";
const AGENCY = "tucson-az-pd";
const DISPATCH = "C0TUCSDISP";
const APPROVALS = "C0TUCSAPPR";
const DISPATCHER = "U0TUCSDSP1";
const SUPERVISOR = "U0TUCSSUP1";
/** In no agency file. */
const STRANGER = "U0STRANGER";
/** A dispatcher, but of Rockport: no authority over a Tucson customer. */
const OTHER_AGENCY_DISPATCHER = "U0ROCKDSP1";

describe("Slack staff authority: every staff action checks the actor's role at the object's agency", () => {
  let test: TestApp;
  let slack: FakeSlackServer;

  beforeAll(async () => {
    slack = await startFakeSlackServer("xoxb-test");
    test = await startTestApp("slack-authority", {
      SLACK_BOT_TOKEN: "xoxb-test",
      SLACK_SIGNING_SECRET: TEST_SLACK_SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      SMS_RATE_PER_SENDER: "0",
    });
  });
  afterAll(async () => {
    await test?.close();
    await slack?.close();
  });

  /** A Tucson customer conversation that has a dispatch thread, held by `holderId` or by the bot. */
  async function escalatedConversation(holderId: string | null = null) {
    const threadTs = `1700000100.${String(randomInt(100_000, 999_999))}`;
    return test.app.prisma.conversation.create({
      data: {
        agencyId: AGENCY,
        channel: "sms",
        participant: `+1520${String(randomInt(1_000_000, 9_999_999))}`,
        slackThreadTs: threadTs,
        holder: holderId ? "dispatcher" : "bot",
        holderId,
      },
    });
  }
  const click = (actionId: string, value: string, userId: string, channelId = DISPATCH) =>
    postSignedSlack(test.base, makeBlockAction({ actionId, value, userId, channelId }), FORM);
  const ephemeralsTo = (userId: string) =>
    slack.callsOf("chat.postEphemeral").filter((c) => c.args.user === userId).map((c) => String(c.args.text));
  /** Waits for the next ephemeral answer to `userId` after `before` of them. */
  const nextEphemeral = async (userId: string, before: number) =>
    (await waitFor(() => ephemeralsTo(userId), (list) => list.length > before)).at(before) ?? "";
  const detail = async (text: string, userId: string, channelId = APPROVALS) => {
    const response = await postSignedSlack(test.base, makeSlashCommand({ text, userId, channelId }), FORM);
    expect(response.status).toBe(200);
    return ((await response.json()) as { response_type: string; text: string });
  };
  const holderOf = async (id: string) => {
    const row = await test.app.prisma.conversation.findUniqueOrThrow({ where: { id } });
    return { holder: row.holder, holderId: row.holderId };
  };

  it("refuses Take over by a Slack user in no agency file, ephemerally, and the bot keeps the conversation", async () => {
    const conversation = await escalatedConversation();
    const before = ephemeralsTo(STRANGER).length;
    expect((await click("take_over", conversation.id, STRANGER)).status).toBe(200);
    const told = await nextEphemeral(STRANGER, before);
    expect(told).toContain("Only Tucson Police Department dispatchers");
    expect(told).toContain("Nothing was changed");
    expect(await holderOf(conversation.id)).toEqual({ holder: "bot", holderId: null });
  });

  it("refuses Take over by a dispatcher of another agency", async () => {
    const conversation = await escalatedConversation();
    const before = ephemeralsTo(OTHER_AGENCY_DISPATCHER).length;
    await click("take_over", conversation.id, OTHER_AGENCY_DISPATCHER);
    expect(await nextEphemeral(OTHER_AGENCY_DISPATCHER, before)).toContain("Nothing was changed");
    expect(await holderOf(conversation.id)).toEqual({ holder: "bot", holderId: null });
  });

  it("lets a configured dispatcher, and a supervisor, take over", async () => {
    const first = await escalatedConversation();
    await click("take_over", first.id, DISPATCHER);
    expect(await waitFor(() => holderOf(first.id), (h) => h.holder === "dispatcher")).toEqual({
      holder: "dispatcher",
      holderId: DISPATCHER,
    });
    const second = await escalatedConversation();
    await click("take_over", second.id, SUPERVISOR);
    expect((await waitFor(() => holderOf(second.id), (h) => h.holder === "dispatcher")).holderId).toBe(SUPERVISOR);
  });

  it("refuses Hand back by a non-staff user; the dispatcher keeps the conversation", async () => {
    const conversation = await escalatedConversation(DISPATCHER);
    const before = ephemeralsTo(STRANGER).length;
    await click("hand_back", conversation.id, STRANGER);
    expect(await nextEphemeral(STRANGER, before)).toContain("Nothing was changed");
    expect(await holderOf(conversation.id)).toEqual({ holder: "dispatcher", holderId: DISPATCHER });
  });

  it("does not text the customer a thread reply from a non-staff user, and tells them why", async () => {
    const conversation = await escalatedConversation(DISPATCHER);
    const threadTs = conversation.slackThreadTs as string;
    const before = ephemeralsTo(STRANGER).length;
    const response = await postSignedSlack(
      test.base,
      makeThreadReply({ channel: DISPATCH, user: STRANGER, text: "Hi, I am not really dispatch", threadTs }),
      "application/json",
    );
    expect(response.status).toBe(200);
    expect(await nextEphemeral(STRANGER, before)).toContain("Not sent");
    await sleep(300);
    const outbound = await test.app.prisma.message.count({ where: { conversationId: conversation.id, direction: "outbound" } });
    expect(outbound).toBe(0);

    // The holding dispatcher's reply still goes to the customer.
    await postSignedSlack(
      test.base,
      makeThreadReply({ channel: DISPATCH, user: DISPATCHER, text: "Hello from dispatch", threadTs }),
      "application/json",
    );
    const sent = await waitFor(
      () => test.app.prisma.message.findMany({ where: { conversationId: conversation.id, direction: "outbound" } }),
      (list) => list.length > 0,
    );
    expect(sent.map((m) => m.body)).toEqual(["Hello from dispatch"]);
  });

  it("refuses Ask customer from a dispatcher (approver roles only) without opening a modal", async () => {
    const { request } = await createSubmittedRequest(test.app.prisma);
    await test.app.queues.enqueueOpenApprovals(request.number);
    await waitFor(
      () => test.app.prisma.request.findUniqueOrThrow({ where: { id: request.id } }),
      (r) => r.status === "pending_approval",
    );
    const before = ephemeralsTo(DISPATCHER).length;
    await click("ask_customer", request.id, DISPATCHER, APPROVALS);
    const told = await nextEphemeral(DISPATCHER, before);
    expect(told).toContain("Only Tucson Police Department supervisors");
    expect(slack.callsOf("views.open").some((c) => JSON.stringify(c.args).includes(request.id))).toBe(false);
  });

  it("answers /detail from a non-staff user, even in the agency's channel, with a refusal and no customer data", async () => {
    const { request } = await createSubmittedRequest(test.app.prisma);
    await test.app.queues.enqueueOpenApprovals(request.number);
    await waitFor(
      () => test.app.prisma.request.findUniqueOrThrow({ where: { id: request.id } }),
      (r) => r.status === "pending_approval",
    );
    // Staff see it (a dispatcher is staff).
    expect((await detail("pending", DISPATCHER, DISPATCH)).text).toContain(`#${request.number}`);
    expect((await detail(`status ${request.number}`, SUPERVISOR)).text).toContain("Dana Builder");

    for (const command of ["pending", `status ${request.number}`, "today", "officer Smith"]) {
      const answer = await detail(command, STRANGER, APPROVALS);
      expect(answer.response_type).toBe("ephemeral");
      expect(answer.text).toContain("only for agency staff");
      expect(answer.text).not.toContain("Dana Builder");
      expect(answer.text).not.toContain("Stone Ave");
      expect(answer.text).not.toContain("$");
      expect(answer.text).not.toContain(`#${request.number}`);
    }
  });

  it("rejects a request timestamped more than 5 minutes in the future with 403", async () => {
    const conversation = await escalatedConversation();
    const body = makeBlockAction({ actionId: "take_over", value: conversation.id, userId: DISPATCHER, channelId: DISPATCH });
    const future = Math.floor(Date.now() / 1000) + 60 * 60;
    expect((await postSignedSlack(test.base, body, FORM, { timestamp: future })).status).toBe(403);
    const slightlyAhead = Math.floor(Date.now() / 1000) + 30;
    expect((await postSignedSlack(test.base, makeSlashCommand({ text: "", userId: SUPERVISOR }), FORM, { timestamp: slightlyAhead })).status).toBe(200);
    await sleep(300);
    expect(await holderOf(conversation.id)).toEqual({ holder: "bot", holderId: null });
  });
});
