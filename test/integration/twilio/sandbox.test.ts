import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Application } from "../../../bots/application.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";

describe("sandbox mode (no Twilio credentials)", () => {
  let test: TestApp;
  let app: Application;
  let base: string;

  beforeAll(async () => {
    test = await startTestApp("sandbox");
    ({ app, base } = test);
  });

  afterAll(async () => {
    await test.close();
  });

  it("delivers POST /sandbox/sms through the signed webhook path and records the replies in the outbox", async () => {
    const from = "+15205559876";
    const response = await fetch(`${base}/sandbox/sms`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ from, to: "+15205550100", body: "I need 2 officers Saturday 6-11pm at 4500 E Broadway" }),
    });
    expect(response.status).toBe(200);
    const deadline = Date.now() + 15_000;
    let outbox: { channel: string; to: string; from: string; body: string; at: string }[] = [];
    while (Date.now() < deadline) {
      outbox = (await (await fetch(`${base}/sandbox/outbox`)).json()) as typeof outbox;
      if (outbox.filter((m) => m.to === from).length >= 2) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const mine = outbox.filter((m) => m.to === from);
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(mine[0]).toMatchObject({ channel: "sms", from: "+15205550100" });
    expect(mine.map((m) => m.at)).toEqual([...mine.map((m) => m.at)].sort());
    // The stand-in answers before the worker stores the SID: poll the rows.
    let stored = await app.prisma.message.findMany({ where: { to: from, direction: "outbound" } });
    for (let i = 0; i < 200 && !stored.every((m) => m.providerId?.startsWith("SM")); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      stored = await app.prisma.message.findMany({ where: { to: from, direction: "outbound" } });
    }
    expect(stored.length).toBeGreaterThanOrEqual(2);
    expect(stored.every((m) => m.providerId?.startsWith("SM"))).toBe(true);
  });

  it("answers bad sandbox input with field errors", async () => {
    const response = await fetch(`${base}/sandbox/sms`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ from: "nope", body: 3 }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { path: string }[] };
    expect(body.errors.map((e) => e.path).sort()).toEqual(["body", "from", "to"]);
  });
});
