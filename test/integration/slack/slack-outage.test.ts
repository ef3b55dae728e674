import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSubmittedRequest } from "../../builders/submitted-request.ts";
import { type FakeSlackServer, startFakeSlackServer } from "../../fakes/fake-slack-server.ts";
import { makeBlockAction, makeSlashCommand, postSignedSlack, TEST_SLACK_SIGNING_SECRET } from "../../support/slack-request.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import { waitFor } from "../../support/wait-for.ts";

const FORM = "application/x-www-form-urlencoded";
const SUPERVISOR = "U0TUCSSUP1";

/**
 * The fake Slack Web API behind a switch: while `down`, every connection is dropped as an
 * unreachable Slack would (auth.test included); otherwise calls are passed through.
 */
async function startSwitchableSlack(fake: FakeSlackServer) {
  const state = { down: false };
  const read = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };
  const server: Server = createServer(async (req, res) => {
    if (state.down) {
      req.socket.destroy();
      return;
    }
    const upstream = await fetch(new URL((req.url ?? "/").replace(/^\/api\//, ""), fake.apiUrl), {
      method: req.method,
      headers: {
        "content-type": String(req.headers["content-type"] ?? "application/x-www-form-urlencoded"),
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      },
      body: await read(req),
    });
    res.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/json" });
    res.end(await upstream.text());
  });
  server.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe("Slack Web API unreachable while staff click (no auth.test per request)", () => {
  let test: TestApp;
  let fake: FakeSlackServer;
  let slack: Awaited<ReturnType<typeof startSwitchableSlack>>;

  beforeAll(async () => {
    fake = await startFakeSlackServer("xoxb-test");
    slack = await startSwitchableSlack(fake);
    test = await startTestApp("slack-outage", {
      SLACK_BOT_TOKEN: "xoxb-test",
      SLACK_SIGNING_SECRET: TEST_SLACK_SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      SMS_RATE_PER_SENDER: "0",
    });
  });
  afterAll(async () => {
    await test?.close();
    await slack?.close();
    await fake?.close();
  });

  it("still approves on a supervisor's click and still answers /detail pending", async () => {
    const { request } = await createSubmittedRequest(test.app.prisma);
    await test.app.queues.enqueueOpenApprovals(request.number);
    await waitFor(
      () => test.app.prisma.request.findUniqueOrThrow({ where: { id: request.id } }),
      (r) => r.slackMessageTs !== null,
    );

    slack.state.down = true;
    try {
      await expectHandledWhileDown(request.id, request.number);
    } finally {
      slack.state.down = false;
    }
  });

  async function expectHandledWhileDown(requestId: string, requestNumber: number) {
    const pending = await postSignedSlack(test.base, makeSlashCommand({ text: "pending", userId: SUPERVISOR }), FORM);
    expect(pending.status).toBe(200);
    const answer = (await pending.json()) as { response_type: string; text: string };
    expect(answer.response_type).toBe("ephemeral");
    expect(answer.text).toContain(`#${requestNumber}`);

    const click = await postSignedSlack(
      test.base,
      makeBlockAction({ actionId: "approve_request", value: requestId, userId: SUPERVISOR, channelId: "C0TUCSAPPR" }),
      FORM,
    );
    expect(click.status).toBe(200);
    const decided = await waitFor(
      () => test.app.prisma.approval.findFirstOrThrow({ where: { requestId } }),
      (a) => a.decision === "approved",
      5_000,
    );
    expect(decided.decidedBy).toBe(SUPERVISOR);
  }

  it("does not call auth.test for each request", async () => {
    for (let i = 0; i < 3; i += 1) {
      const response = await postSignedSlack(test.base, makeSlashCommand({ text: "help", userId: SUPERVISOR }), FORM);
      expect(response.status).toBe(200);
    }
    const before = fake.callsOf("auth.test").length;
    for (let i = 0; i < 3; i += 1) {
      await postSignedSlack(test.base, makeSlashCommand({ text: "help", userId: SUPERVISOR }), FORM);
    }
    expect(fake.callsOf("auth.test").length).toBe(before);
  });
});
