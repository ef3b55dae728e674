// `npm run web` runs a bundle of the web process's modules on plain node (scripts/build-web.mjs).
// Its modules find their files relative to their own sources (agencies/, prisma/migrations, the
// web chat script), so this starts it on a fresh database, as a clean clone's first run would.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { findFreePort } from "../../support/free-port.ts";
import { dropPrivateDatabase, privateDatabaseUrl } from "../../support/private-database.ts";
import { REPO_ROOT, type RunningProcess, spawnNode } from "../../support/spawn-process.ts";
import { postSignedTwilioForm } from "../../support/twilio-webhook.ts";

const AUTH_TOKEN = "web-bundle-test-token";
const PUBLIC_BASE = "https://detaildesk.bundle.invalid";
const TUCSON_NUMBER = "+15205550100";

describe("npm run web (the bundle on plain node)", () => {
  const databaseUrl = privateDatabaseUrl("web_bundle");
  let web: RunningProcess;
  let base: string;

  beforeAll(async () => {
    const script = (JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts
      .web as string;
    // The build step, then `exec node <flags> dist/web/main.mjs --web`.
    const [build, run] = script.split("&&").map((step) => step.trim().replace(/^exec\s+/, "").split(/\s+/));
    expect(build?.[0]).toBe("node");
    expect(run?.[0]).toBe("node");
    execFileSync(process.execPath, build?.slice(1) ?? [], { cwd: REPO_ROOT });
    const port = await findFreePort();
    base = `http://127.0.0.1:${port}`;
    web = spawnNode(run?.slice(1) ?? [], {
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_BASE_URL: PUBLIC_BASE,
      DATABASE_URL: databaseUrl,
      REDIS_URL: inject("redisUrl"),
      REDIS_PREFIX: `${inject("redisPrefix")}:web-bundle`,
      LOG_LEVEL: "info",
      TWILIO_ACCOUNT_SID: `AC${"e".repeat(32)}`,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      MICROSOFT_APP_ID: "00000000-0000-0000-0000-000000000001",
      MICROSOFT_APP_PASSWORD: "test-only",
    });
    await web.waitForLine(/DetailDesk listening/, 60_000);
  }, 90_000);
  afterAll(async () => {
    await web?.stop();
    await dropPrivateDatabase(databaseUrl);
  });

  it("created, migrated and seeded its database, and reports it healthy", async () => {
    expect(web.stdout()).toMatch(/created database/);
    expect(web.stdout()).toMatch(/applied migrations/);
    expect(web.stdout()).toMatch(/seeded empty database/);
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", database: "up", redis: "up" });
  });

  it("stores a signed inbound SMS for an agency's number and answers delivery callbacks", async () => {
    const sms = await postSignedTwilioForm(`${base}/twilio/sms`, `${PUBLIC_BASE}/twilio/sms`, AUTH_TOKEN, {
      MessageSid: `SM${"f".repeat(32)}`,
      AccountSid: `AC${"e".repeat(32)}`,
      From: "+15206660001",
      To: TUCSON_NUMBER,
      Body: "I need 2 officers Saturday",
      NumMedia: "0",
    });
    expect(sms.status).toBe(200);
    const status = await postSignedTwilioForm(`${base}/twilio/status`, `${PUBLIC_BASE}/twilio/status`, AUTH_TOKEN, {
      MessageSid: `SM${"f".repeat(31)}0`,
      MessageStatus: "delivered",
    });
    expect(status.status).toBe(204);
  });

  it("loads the lazily imported routes from their chunks (the web chat page and its script, the customer page)", async () => {
    expect((await fetch(`${base}/chat/tucson-az-pd`)).status).toBe(200);
    const script = await fetch(`${base}/chat/assets/webchat.js`);
    expect(script.status).toBe(200);
    expect((await script.text()).length).toBeGreaterThan(1_000);
    const page = await fetch(`${base}/c/not-a-token`);
    expect([400, 403, 404, 410, 503]).toContain(page.status);
  });
});
