// Security at the deployment edge: the app started in each configuration mix a department might
// deploy, probed over HTTP as an attacker would. Sandbox stand-ins exist only when nothing is
// live; a live deployment turns an unconfigured platform off instead of standing it in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError } from "../../../config/env.ts";
import { SANDBOX_SLACK_SIGNING_SECRET } from "../../../bots/slack/slack-settings.ts";
import { startFakeSlackServer, type FakeSlackServer } from "../../fakes/fake-slack-server.ts";
import { startFakeTwilio } from "../../fakes/fake-twilio-server.ts";
import { createSubmittedRequest } from "../../builders/submitted-request.ts";
import { makeWebActivity } from "../../support/bot-framework.ts";
import { makeBlockAction, makeSlashCommand, postSignedSlack, TEST_SLACK_SIGNING_SECRET } from "../../support/slack-request.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";

const TWILIO_LIVE = { TWILIO_ACCOUNT_SID: `AC${"7".repeat(32)}`, TWILIO_AUTH_TOKEN: "mix-auth-token" };
const FORM = "application/x-www-form-urlencoded";

/** What every probe of a live deployment must find closed: no sandbox route answers anything. */
async function expectNoSandbox(base: string): Promise<void> {
  const probes: [string, string, unknown][] = [
    ["GET", "/sandbox/outbox", undefined],
    ["POST", "/sandbox/sms", { from: "+15205550111", to: "+15205550100", body: "hi" }],
    ["POST", "/sandbox/slack/click", { action: "approve", requestNumber: 1, user: "U0TUCSSUP1" }],
    ["POST", "/sandbox/slack/reply", { conversationId: "x", user: "U0TUCSSUP1", text: "hi" }],
    ["POST", "/sandbox/slack/api/chat.postMessage", { channel: "C1", text: "hi" }],
    ["POST", "/sandbox/twilio/2010-04-01/Accounts/AC0/Messages.json", { To: "+15205550111", Body: "x" }],
    ["POST", "/sandbox/directline/tucson-az-pd/v3/directline/conversations", {}],
  ];
  for (const [method, path, body] of probes) {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(response.status, `${method} ${path}`).toBe(404);
    expect(await response.json()).toMatchObject({ error: "not_found" });
  }
}

describe("all sandbox (no credentials at all)", () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await startTestApp("mix-sandbox");
  });
  afterAll(async () => test?.close());

  it("serves the stand-ins, on loopback", async () => {
    expect(test.app.deployment).toMatchObject({ sandbox: true, host: "127.0.0.1" });
    expect((await fetch(`${test.base}/sandbox/outbox`)).status).toBe(200);
  });

  it("hands the chat page a Direct Line path on this server, never one built from the Host header", async () => {
    const response = await fetch(`${test.base}/chat/tucson-az-pd/token`, { method: "POST", headers: { host: "evil.example.com" } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { domain: string };
    expect(body.domain).toBe("/sandbox/directline/tucson-az-pd/v3/directline");
  });

  it("refuses web chat replies to a serviceUrl off this machine (no server-side request anywhere)", async () => {
    const response = await fetch(`${test.base}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(makeWebActivity({ conversationId: "ssrf-probe", text: "hi", serviceUrl: "http://169.254.169.254/latest/" })),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: "service_url_not_allowed" });
    const stored = await test.app.prisma.conversation.count({ where: { participant: { contains: "ssrf-probe" } } });
    expect(stored).toBe(0);
  });

  it("refuses to start on a non-loopback interface or behind a public address", async () => {
    await expect(startTestApp("mix-sandbox-public", { HOST: "0.0.0.0" })).rejects.toThrow(/HOST: sandbox mode .* loopback only/);
    await expect(startTestApp("mix-sandbox-url", { PUBLIC_BASE_URL: "https://detaildesk.example.org", MICROSOFT_APP_ID: "" })).rejects.toThrow(
      ConfigError,
    );
  });
});

for (const nodeEnv of ["development", "production"]) {
  describe(`Twilio live, Slack and Bot Framework unset (NODE_ENV=${nodeEnv})`, () => {
    let test: TestApp;
    let twilio: Awaited<ReturnType<typeof startFakeTwilio>>;
    beforeAll(async () => {
      twilio = await startFakeTwilio();
      test = await startTestApp(`mix-twilio-${nodeEnv}`, {
        ...TWILIO_LIVE,
        TWILIO_API_BASE_URL: twilio.url,
        NODE_ENV: nodeEnv,
        ADMIN_PASSWORD: "mix-admin-password",
        HOST: "0.0.0.0",
      });
    });
    afterAll(async () => {
      await test?.close();
      await twilio?.close();
    });

    it("has no sandbox routes and no outbox", async () => {
      expect(test.app.outbox).toBeNull();
      expect(test.app.deployment.modes).toMatchObject({ twilio: "live", slack: "off", webchat: "off" });
      await expectNoSandbox(test.base);
    });

    it("has no Slack endpoint: an approve click signed with the sandbox's public secret changes nothing", async () => {
      const { request } = await createSubmittedRequest(test.app.prisma);
      const body = makeBlockAction({ actionId: "approve", value: request.id, userId: "U0TUCSSUP1" });
      const response = await postSignedSlack(test.base, body, FORM, { secret: SANDBOX_SLACK_SIGNING_SECRET });
      expect(response.status).toBe(404);
      const clicked = await fetch(`${test.base}/sandbox/slack/click`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ action: "approve", value: request.id, user: "U0TUCSSUP1" }),
      });
      expect(clicked.status).toBe(404);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const after = await test.app.prisma.request.findUniqueOrThrow({ where: { id: request.id } });
      expect(after.status).toBe(request.status);
      expect(twilio.messages).toEqual([]);
    });

    it("has no anonymous Bot Framework endpoint and no chat token", async () => {
      const response = await fetch(`${test.base}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(makeWebActivity({ conversationId: "anon-probe", text: "hi" })),
      });
      expect(response.status).toBe(404);
      const token = await fetch(`${test.base}/chat/tucson-az-pd/token`, { method: "POST" });
      expect(token.status).toBe(503);
      expect(await token.json()).toMatchObject({ error: "web_chat_not_configured" });
    });
  });
}

describe("all live (fake provider APIs)", () => {
  let test: TestApp;
  let twilio: Awaited<ReturnType<typeof startFakeTwilio>>;
  let slack: FakeSlackServer;
  beforeAll(async () => {
    twilio = await startFakeTwilio();
    slack = await startFakeSlackServer("xoxb-mix");
    test = await startTestApp("mix-live", {
      ...TWILIO_LIVE,
      TWILIO_API_BASE_URL: twilio.url,
      SLACK_BOT_TOKEN: "xoxb-mix",
      SLACK_SIGNING_SECRET: TEST_SLACK_SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      MICROSOFT_APP_ID: "11111111-2222-3333-4444-555555555555",
      MICROSOFT_APP_PASSWORD: "mix-app-password",
      PUBLIC_BASE_URL: "https://detaildesk.example.org",
      HOST: "0.0.0.0",
    });
  });
  afterAll(async () => {
    await test?.close();
    await twilio?.close();
    await slack?.close();
  });

  it("has no sandbox routes", async () => {
    await expectNoSandbox(test.base);
  });

  it("refuses Slack requests signed with the sandbox's public default secret", async () => {
    const body = makeSlashCommand({ text: "pending", userId: "U0TUCSSUP1", channelId: "C0TUCSAPPR" });
    const response = await postSignedSlack(test.base, body, FORM, { secret: SANDBOX_SLACK_SIGNING_SECRET });
    expect(response.status).toBe(403);
  });

  it("answers an unauthenticated Bot Framework request 401 in JSON, without botbuilder printing its stack", async () => {
    const printed: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => printed.push(args);
    try {
      const response = await fetch(`${test.base}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(makeWebActivity({ conversationId: "jwt-probe", text: "hi", serviceUrl: "https://directline.botframework.com/" })),
      });
      expect(response.status).toBe(401);
      const text = await response.text();
      expect(JSON.parse(text)).toMatchObject({ error: "unauthorized" });
      expect(text).not.toMatch(/\bat \w|node_modules/);
    } finally {
      console.error = original;
    }
    expect(printed).toEqual([]);
  });

  it("refuses a serviceUrl that is not a Microsoft channel before authenticating anything", async () => {
    const response = await fetch(`${test.base}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(makeWebActivity({ conversationId: "ssrf-live", text: "hi", serviceUrl: "https://attacker.example.com/" })),
    });
    expect(response.status).toBe(403);
  });

  it("answers the chat token 503 with a clear JSON reason when DIRECT_LINE_SECRET is missing", async () => {
    const response = await fetch(`${test.base}/chat/tucson-az-pd/token`, { method: "POST" });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: "web_chat_not_configured", message: expect.stringContaining("DIRECT_LINE_SECRET") });
  });
});

describe("live with PUBLIC_BASE_URL and HOST unset, no Bot Framework credentials", () => {
  let test: TestApp;
  let twilio: Awaited<ReturnType<typeof startFakeTwilio>>;
  beforeAll(async () => {
    twilio = await startFakeTwilio();
    test = await startTestApp("mix-no-public", { ...TWILIO_LIVE, TWILIO_API_BASE_URL: twilio.url, HOST: "" });
  });
  afterAll(async () => {
    await test?.close();
    await twilio?.close();
  });

  it("listens on every interface, so web chat is off rather than anonymous", async () => {
    expect(test.app.deployment.host).toBe("0.0.0.0");
    expect(test.app.deployment.modes.webchat).toBe("off");
    const response = await fetch(`${test.base}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(makeWebActivity({ conversationId: "open-probe", text: "hi", serviceUrl: "http://127.0.0.1:9/" })),
    });
    expect(response.status).toBe(404);
    await expectNoSandbox(test.base);
  });
});
