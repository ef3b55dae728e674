// A Slack action the app cannot carry out (here: PostgreSQL cut away under it) must be answered
// with a 5xx, so Slack shows the clicker an error or retries the event; an empty 200 with nothing
// done would lose the click or the dispatcher's reply without anyone knowing.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type FakeSlackServer, startFakeSlackServer } from "../../fakes/fake-slack-server.ts";
import { startFakeTwilio } from "../../fakes/fake-twilio-server.ts";
import { makeBlockAction, makeThreadReply, postSignedSlack, TEST_SLACK_SIGNING_SECRET } from "../../support/slack-request.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import { startTcpProxy, type TcpProxy } from "../../support/tcp-proxy.ts";

const FORM = "application/x-www-form-urlencoded";

describe("Slack actions that cannot be handled", () => {
  let proxy: TcpProxy;
  let test: TestApp;
  let slack: FakeSlackServer;
  let twilio: Awaited<ReturnType<typeof startFakeTwilio>>;

  beforeAll(async () => {
    const direct = new URL(inject("databaseUrl"));
    proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const proxied = new URL(direct);
    proxied.port = String(proxy.port);
    slack = await startFakeSlackServer("xoxb-failures");
    twilio = await startFakeTwilio();
    test = await startTestApp("slack-failures", {
      DATABASE_URL: proxied.toString(),
      SLACK_BOT_TOKEN: "xoxb-failures",
      SLACK_SIGNING_SECRET: TEST_SLACK_SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      TWILIO_ACCOUNT_SID: `AC${"c".repeat(32)}`,
      TWILIO_AUTH_TOKEN: "slack-failures-token",
      TWILIO_API_BASE_URL: twilio.url,
    });
  });
  afterAll(async () => {
    proxy?.restore();
    await test?.close();
    await slack?.close();
    await twilio?.close();
    await proxy?.close();
  });

  it("answers an approve click and a dispatcher's thread reply 5xx while the database is away, 200 once it is back", async () => {
    const click = makeBlockAction({ actionId: "approve_request", value: "5c7d1e2a-0000-4000-8000-000000000001", userId: "U0TUCSSUP1" });
    const reply = () => makeThreadReply({ channel: "C0TUCSDISP", user: "U0TUCSDSP1", text: "on my way", threadTs: "1700000000.000009" });
    proxy.cut();
    try {
      const clicked = await postSignedSlack(test.base, click, FORM);
      expect(clicked.status).toBeGreaterThanOrEqual(500);
      const replied = await postSignedSlack(test.base, reply(), "application/json");
      expect(replied.status).toBeGreaterThanOrEqual(500);
    } finally {
      proxy.restore();
    }
    expect((await postSignedSlack(test.base, click, FORM)).status).toBe(200);
    expect((await postSignedSlack(test.base, reply(), "application/json")).status).toBe(200);
  }, 60_000);
});
