import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";

describe("queue dashboard at /admin/queues", () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await startTestApp("dashboard", { ADMIN_PASSWORD: "s3cret-dashboard" });
  });
  afterAll(async () => {
    await test.close();
  });

  const get = (path: string, password?: string) =>
    fetch(`${test.base}${path}`, {
      headers: password ? { authorization: `Basic ${Buffer.from(`admin:${password}`).toString("base64")}` } : {},
    });

  it("asks for credentials and refuses a wrong password", async () => {
    const anonymous = await get("/admin/queues");
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Basic/);
    expect((await get("/admin/queues", "wrong")).status).toBe(401);
  });

  it("shows every queue, failed jobs included, to the admin", async () => {
    const page = await get("/admin/queues", "s3cret-dashboard");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<html");
    const api = await get("/admin/queues/api/queues", "s3cret-dashboard");
    expect(api.status).toBe(200);
    const body = (await api.json()) as { queues: { name: string }[] };
    expect(body.queues.map((q) => q.name).sort()).toEqual([
      "approvals",
      "broadcast",
      "inbound-messages",
      "maintenance",
      "outbound-bulk",
      "outbound-messages",
      "reminders",
      "slack",
    ]);
  });
});
