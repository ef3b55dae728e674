import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_SLACK_SIGNING_SECRET } from "../../../bots/slack/slack-settings.ts";
import { createSubmittedRequest } from "../../builders/submitted-request.ts";
import { makeBlockAction, postSignedSlack } from "../../support/slack-request.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import { waitFor } from "../../support/wait-for.ts";

describe("Slack sandbox mode (no SLACK_BOT_TOKEN)", () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await startTestApp("slack-sandbox", { SMS_RATE_PER_SENDER: "0" });
  });
  afterAll(async () => {
    await test?.close();
  });

  const slackEntries = () => (test.app.outbox?.list() ?? []).filter((e) => e.channel === "slack");

  it("records the card's Web API calls in the outbox and approves from a click signed with the sandbox secret", async () => {
    expect(test.app.slack.mode).toBe("sandbox");
    expect(test.app.slack.signingSecret).toBe(SANDBOX_SLACK_SIGNING_SECRET);
    const { request } = await createSubmittedRequest(test.app.prisma);
    await test.app.queues.enqueueOpenApprovals(request.number);
    const posted = await waitFor(
      () => slackEntries().find((e) => e.method === "chat.postMessage" && JSON.stringify(e.blocks).includes(request.id)),
      (e) => e !== undefined,
    );
    expect(posted?.to).toBe("C0TUCSAPPR");
    expect(JSON.stringify(posted?.blocks)).toContain("approve_request");

    // A hand-signed click, as a local user (or the demo) would send it.
    const body = makeBlockAction({ actionId: "approve_request", value: request.id, userId: "U0TUCSSUP1" });
    const response = await postSignedSlack(test.base, body, "application/x-www-form-urlencoded", {
      secret: SANDBOX_SLACK_SIGNING_SECRET,
    });
    expect(response.status).toBe(200);
    const approved = await waitFor(
      () => test.app.prisma.request.findUniqueOrThrow({ where: { id: request.id } }),
      (r) => r.status !== "pending_approval",
    );
    expect(["approved", "staffing"]).toContain(approved.status);
    const updated = await waitFor(
      () => slackEntries().find((e) => e.method === "chat.update" && e.ts === posted?.ts),
      (e) => e !== undefined,
    );
    expect(JSON.stringify(updated?.blocks)).toContain("U0TUCSSUP1");
  });

  it("POST /sandbox/slack/click signs and delivers a click; bad input gets 400 with field errors", async () => {
    const { request } = await createSubmittedRequest(test.app.prisma);
    await test.app.queues.enqueueOpenApprovals(request.number);
    await waitFor(
      () => test.app.prisma.request.findUniqueOrThrow({ where: { id: request.id } }),
      (r) => r.slackMessageTs !== null,
    );
    const bad = await fetch(`${test.base}/sandbox/slack/click`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ action: "launch", value: "", user: "nobody" }),
    });
    expect(bad.status).toBe(400);
    const { errors } = (await bad.json()) as { errors: { path: string }[] };
    expect(errors.map((e) => e.path).sort()).toEqual(["action", "user", "value"]);

    const click = await fetch(`${test.base}/sandbox/slack/click`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ action: "approve_request", value: request.id, user: "U0TUCSSUP2" }),
    });
    expect(((await click.json()) as { status: number }).status).toBe(200);
    const approval = await waitFor(
      () => test.app.prisma.approval.findFirstOrThrow({ where: { requestId: request.id } }),
      (a) => a.decision === "approved",
    );
    expect(approval.decidedBy).toBe("U0TUCSSUP2");
  });
});
