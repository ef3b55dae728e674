import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { spawnTs } from "../../support/spawn-process.ts";

const SANDBOX_ENV = {
  TWILIO_ACCOUNT_SID: "",
  SLACK_BOT_TOKEN: "",
  OPENAI_API_KEY: "",
  MICROSOFT_APP_ID: "",
  LOG_LEVEL: "info",
  NODE_ENV: "development",
};

describe("npm start", () => {
  const server = new URL(inject("serverUrl"));
  const databaseName = `detaildesk_start_${randomBytes(4).toString("hex")}`;

  afterAll(async () => {
    const client = new pg.Client({ connectionString: server.toString() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
    await client.end();
  });

  it("creates, migrates and seeds a missing database, then serves /healthz", async () => {
    const databaseUrl = new URL(server);
    databaseUrl.pathname = `/${databaseName}`;
    const app = spawnTs("bots/main.ts", [], {
      ...SANDBOX_ENV,
      PORT: "0",
      DATABASE_URL: databaseUrl.toString(),
      REDIS_URL: inject("redisUrl"),
      REDIS_PREFIX: `${inject("redisPrefix")}:start`,
    });
    try {
      const listening = await app.waitForLine(/DetailDesk listening/, 60_000);
      const firstLine = JSON.parse(app.stdout().split("\n")[0] ?? "{}") as { msg?: string };
      expect(firstLine.msg).toMatch(/sandbox mode/);
      const port = (JSON.parse(listening) as { port: number }).port;

      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: "ok", database: "up", redis: "up" });

      const client = new pg.Client({ connectionString: databaseUrl.toString() });
      await client.connect();
      const agencies = await client.query<{ id: string }>(`SELECT id FROM "Agency" ORDER BY id`);
      const officers = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Officer"`);
      await client.end();
      expect(agencies.rows.map((r) => r.id)).toEqual(["mesquite-tx-pd", "rockport-tx-pd", "tucson-az-pd"]);
      expect(Number(officers.rows[0]?.n)).toBeGreaterThanOrEqual(40);
    } finally {
      await app.stop();
    }
  });

  it("exits non-zero with one line naming the masked database URL when PostgreSQL is unreachable", async () => {
    const app = spawnTs("bots/main.ts", [], {
      ...SANDBOX_ENV,
      PORT: "0",
      DATABASE_URL: "postgresql://detail:hunter2@127.0.0.1:1/detaildesk",
      REDIS_URL: inject("redisUrl"),
    });
    const code = await app.exited;
    expect(code).not.toBe(0);
    const lines = app.stderr().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("postgresql://detail:****@127.0.0.1:1/detaildesk");
    expect(app.stderr()).not.toContain("hunter2");
    expect(app.stdout()).not.toContain("hunter2");
    expect(app.stderr()).not.toMatch(/\n\s+at /);
  });

  it("names every malformed variable and exits non-zero", async () => {
    const app = spawnTs("bots/main.ts", [], { ...SANDBOX_ENV, PORT: "eighty", REDIS_URL: "nope" });
    expect(await app.exited).not.toBe(0);
    expect(app.stderr()).toContain("PORT");
    expect(app.stderr()).toContain("REDIS_URL");
  });

  it("npm run web: serves HTTP without workers, and stays up while Slack cannot be reached", async () => {
    const app = spawnTs("bots/main.ts", ["--web"], {
      ...SANDBOX_ENV,
      PORT: "0",
      DATABASE_URL: inject("databaseUrl"),
      REDIS_URL: inject("redisUrl"),
      REDIS_PREFIX: `${inject("redisPrefix")}:start-web`,
      SLACK_BOT_TOKEN: "xoxb-unreachable",
      SLACK_SIGNING_SECRET: "unreachable-signing-secret",
      // Nothing listens on port 1: a token check at boot would fail (and used to end the process).
      SLACK_API_URL: "http://127.0.0.1:1/api/",
    });
    try {
      const listening = JSON.parse(await app.waitForLine(/DetailDesk listening/, 60_000)) as { port: number; workers: string };
      expect(listening.workers).toBe("npm run worker");
      // Longer than Bolt's retries of auth.test against the unreachable address.
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      expect(app.child.exitCode).toBeNull();
      const response = await fetch(`http://127.0.0.1:${listening.port}/healthz`);
      expect(response.status).toBe(200);
    } finally {
      await app.stop();
    }
  });
});
