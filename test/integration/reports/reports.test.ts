import { mkdirSync, writeFileSync } from "node:fs";
import { PassThrough } from "node:stream";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runReport } from "../../../bots/cli/commands/report.ts";
import { SANDBOX_SLACK_SIGNING_SECRET } from "../../../bots/slack/slack-settings.ts";
import { createPrismaClient } from "../../../prisma/client.ts";
import { seedActivity } from "../../../prisma/seed-activity.ts";
import { dropPrivateDatabase, privateDatabaseUrl } from "../../support/private-database.ts";
import { makeSlashCommand, postSignedSlack } from "../../support/slack-request.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import { waitFor } from "../../support/wait-for.ts";

const AGENCY = "mesquite-tx-pd";
const MONTH = "2026-12";
// Mesquite is America/Chicago: December 2026 is UTC-6 throughout.
const FROM = new Date("2026-12-01T06:00:00Z");
const TO = new Date("2027-01-01T06:00:00Z");
const NOW = new Date("2027-01-20T12:00:00Z");
const SUPERVISOR = "U0MESQSUP1";
const DISPATCHER = "U0MESQDSP1";
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

type CsvRecord = Record<string, string>;
const sum = (rows: CsvRecord[], column: string) => rows.reduce((total, row) => total + Number(row[column]), 0);

describe("Reports over a generated month (seedActivity, CLI and /detail report, private database)", () => {
  let test: TestApp;
  const databaseUrl = privateDatabaseUrl("reports");

  beforeAll(async () => {
    test = await startTestApp("reports", { DATABASE_URL: databaseUrl });
    const outcome = await seedActivity(test.app.prisma, { agencyId: AGENCY, month: MONTH, seed: 7, now: NOW });
    expect(outcome.kind).toBe("seeded");
  });
  afterAll(async () => {
    await test?.close();
    await dropPrivateDatabase(databaseUrl);
  });

  async function report(args: string[]) {
    const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() };
    const out: string[] = [];
    const err: string[] = [];
    io.stdout.on("data", (chunk: Buffer) => out.push(chunk.toString("utf8")));
    io.stderr.on("data", (chunk: Buffer) => err.push(chunk.toString("utf8")));
    const code = await runReport(args, io, () => createPrismaClient(databaseUrl));
    return { code, rows: code === 0 ? (parse(out.join(""), { columns: true }) as CsvRecord[]) : [], stderr: err.join("") };
  }
  const monthReport = (kind: string) => report([kind, "--agency", AGENCY, "--month", MONTH]);

  // Speed is not asserted here (standards: benchmarks report it); seeding takes about 1.5 s idle.
  it("generates a realistic month, and a second run adds nothing", async () => {
    const { prisma } = test.app;
    const requests = await prisma.request.count({ where: { agencyId: AGENCY, start: { gte: FROM, lt: TO } } });
    expect(requests).toBeGreaterThanOrEqual(60);
    expect(requests).toBeLessThanOrEqual(123);
    // A generated customer never has an officer's number: their texts would be read as an officer's.
    const officerPhones = new Set((await prisma.officer.findMany({ where: { agencyId: AGENCY } })).map((o) => o.phone));
    const customers = await prisma.customer.findMany({ where: { agencyId: AGENCY } });
    expect(customers.length).toBeGreaterThan(0);
    expect(customers.filter((c) => officerPhones.has(c.contact)).map((c) => c.contact)).toEqual([]);
    const statuses = await prisma.assignment.groupBy({ by: ["status"], where: { position: { request: { agencyId: AGENCY } } }, _count: true });
    const count = (status: string) => statuses.find((s) => s.status === status)?._count ?? 0;
    expect(count("checked_out")).toBeGreaterThan(50);
    expect(count("dropped") + count("no_show")).toBeGreaterThan(0);
    expect(await prisma.offer.count({ where: { status: "declined", position: { request: { agencyId: AGENCY } } } })).toBeGreaterThan(0);
    expect(await prisma.request.count({ where: { agencyId: AGENCY, vehicles: { gt: 0 } } })).toBeGreaterThan(0);
    expect(await prisma.invoice.count({ where: { agencyId: AGENCY, status: "paid" } })).toBeGreaterThan(0);
    const again = await seedActivity(prisma, { agencyId: AGENCY, month: MONTH, seed: 7, now: NOW });
    expect(again).toEqual({ kind: "already_seeded" });
    expect(await prisma.request.count({ where: { agencyId: AGENCY, start: { gte: FROM, lt: TO } } })).toBe(requests);
  });

  it("officers: worked hours per officer and billed labor match the seeded attendance and invoices", async () => {
    const { code, rows } = await monthReport("officers");
    expect(code).toBe(0);
    const worked = await test.app.prisma.$queryRaw<{ badge: string; minutes: bigint }[]>`
      SELECT o."badgeNumber" AS badge, SUM(FLOOR(EXTRACT(EPOCH FROM (a."checkedOutAt" - a."checkedInAt")) / 60))::bigint AS minutes
      FROM "Assignment" a JOIN "Officer" o ON o."id" = a."officerId"
      WHERE o."agencyId" = ${AGENCY} AND a."status" = 'checked_out' AND a."start" >= ${FROM} AND a."start" < ${TO}
      GROUP BY o."badgeNumber"`;
    for (const { badge, minutes } of worked) {
      expect(rows.find((r) => r.badge === badge)?.hours_worked).toBe((Number(minutes) / 60).toFixed(2));
    }
    const [labor] = await test.app.prisma.$queryRaw<{ cents: bigint }[]>`
      SELECT COALESCE(SUM((line->>'amountCents')::int), 0)::bigint AS cents
      FROM "InvoiceItem" i JOIN "Request" r ON r."id" = i."requestId", jsonb_array_elements(i."lines") line
      WHERE r."agencyId" = ${AGENCY} AND NOT i."voided" AND line->>'kind' = 'labor' AND r."start" >= ${FROM} AND r."start" < ${TO}`;
    expect(sum(rows, "billed_labor_cents")).toBe(Number(labor?.cents));
    expect(Number(labor?.cents)).toBeGreaterThan(0);
  });

  it("customers: billed and paid totals per customer match the invoices", async () => {
    const { rows } = await monthReport("customers");
    const billed = await test.app.prisma.$queryRaw<{ contact: string; cents: bigint; paid: bigint }[]>`
      SELECT c."contact", SUM(i."totalCents")::bigint AS cents,
             SUM(CASE WHEN v."status" = 'paid' THEN i."totalCents" ELSE 0 END)::bigint AS paid
      FROM "InvoiceItem" i JOIN "Invoice" v ON v."id" = i."invoiceId" JOIN "Request" r ON r."id" = i."requestId" JOIN "Customer" c ON c."id" = r."customerId"
      WHERE r."agencyId" = ${AGENCY} AND NOT i."voided" AND r."start" >= ${FROM} AND r."start" < ${TO}
      GROUP BY c."contact"`;
    expect(billed.length).toBeGreaterThan(3);
    for (const { contact, cents, paid } of billed) {
      expect(rows.find((r) => r.customer_contact === contact)).toMatchObject({ billed_cents: String(cents), paid_cents: String(paid) });
    }
    const requests = await test.app.prisma.request.count({ where: { agencyId: AGENCY, start: { gte: FROM, lt: TO } } });
    expect(sum(rows, "requests")).toBe(requests);
  });

  it("fatigue: every supervisor override with its reason, and cap breaches measured against Mesquite's caps", async () => {
    const { rows } = await monthReport("fatigue");
    const overrides = await test.app.prisma.auditEvent.findMany({ where: { agencyId: AGENCY, action: "assignment.assigned_by_supervisor" } });
    expect(overrides.length).toBeGreaterThanOrEqual(2);
    const reasons = overrides.map((e) => (e.data as { override: { reason: string } }).override.reason).sort();
    expect(rows.filter((r) => r.override_reason !== "").map((r) => r.override_reason).sort()).toEqual(reasons);
    for (const row of rows.filter((r) => r.exceeded !== "")) {
      const breaches = row.exceeded?.split(";") ?? [];
      if (breaches.includes("cap_24h")) expect(Number(row.hours_in_24h)).toBeGreaterThan(16);
      if (breaches.includes("cap_7d")) expect(Number(row.hours_in_7d)).toBeGreaterThan(64);
      if (breaches.includes("rest")) expect(Number(row.shortest_rest_hours)).toBeLessThan(8);
    }
    // An override for the rest rule or a cap is itself a breach once worked.
    expect(rows.filter((r) => r.override_reason !== "" && r.exceeded !== "").length).toBeGreaterThan(0);
  });

  it("reliability: no-shows, drops and late refills add up to the seeded assignments", async () => {
    const { rows } = await monthReport("reliability");
    const { prisma } = test.app;
    const where = (status: "no_show" | "dropped") => ({ status, start: { gte: FROM, lt: TO }, officer: { agencyId: AGENCY } });
    expect(sum(rows, "no_shows")).toBe(await prisma.assignment.count({ where: where("no_show") }));
    expect(sum(rows, "drops")).toBe(await prisma.assignment.count({ where: where("dropped") }));
    const [late] = await prisma.$queryRaw<{ n: bigint }[]>`
      SELECT COUNT(*)::bigint AS n FROM "Assignment" a JOIN "Officer" o ON o."id" = a."officerId"
      WHERE o."agencyId" = ${AGENCY} AND a."start" >= ${FROM} AND a."start" < ${TO} AND a."createdAt" > a."start"
        AND EXISTS (SELECT 1 FROM "Assignment" b WHERE b."positionId" = a."positionId" AND b."status" IN ('dropped', 'no_show') AND b."createdAt" < a."createdAt")`;
    expect(sum(rows, "late_refills")).toBe(Number(late?.n));
  });

  it("fairness: offers per officer over 30 days match the offers sent", async () => {
    const { rows } = await monthReport("fairness");
    const offers = await test.app.prisma.offer.count({
      where: { sentAt: { gte: new Date(TO.getTime() - 30 * 86_400_000), lt: TO }, officer: { agencyId: AGENCY } },
    });
    expect(sum(rows, "offers_30d")).toBe(offers);
    expect(rows).toHaveLength(await test.app.prisma.officer.count({ where: { agencyId: AGENCY, active: true } }));
  });

  it("vehicles: the vehicle and mileage fees of invoices drafted in the month are due to the city", async () => {
    const { rows } = await monthReport("vehicles");
    const [due] = await test.app.prisma.$queryRaw<{ cents: bigint }[]>`
      SELECT COALESCE(SUM((line->>'amountCents')::int), 0)::bigint AS cents
      FROM "InvoiceItem" i JOIN "Invoice" v ON v."id" = i."invoiceId", jsonb_array_elements(i."lines") line
      WHERE v."agencyId" = ${AGENCY} AND v."status" <> 'void' AND NOT i."voided" AND line->>'kind' IN ('vehicle', 'mileage')
        AND v."createdAt" >= ${FROM} AND v."createdAt" < ${TO}`;
    expect(rows.map((r) => r.month)).toEqual([MONTH]);
    expect(rows[0]?.due_to_city_cents).toBe(String(due?.cents));
    expect(Number(due?.cents)).toBeGreaterThan(0);
  });

  it("exits 2 with one line per problem for a bad report name or period", async () => {
    const bad = await report(["payslips", "--agency", AGENCY, "--month", "2026-13"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^report: unknown report "payslips"/),
      '--month: must be a month as YYYY-MM, got "2026-13"',
    ]);
    const range = await report(["officers", "--agency", AGENCY, "--from", "2026-12-01", "--to", "2026-12-15"]);
    expect(range.code).toBe(0);
  });

  it("/detail report officers: a summary for a supervisor, the CSV and a PNG chart uploaded; refused for a dispatcher", async () => {
    const post = (text: string, userId: string) =>
      postSignedSlack(test.base, makeSlashCommand({ text, userId, channelId: "C0MESQAPPR" }), "application/x-www-form-urlencoded", {
        secret: SANDBOX_SLACK_SIGNING_SECRET,
      }).then(async (response) => ((await response.json()) as { text: string }).text);

    expect(await post(`report officers ${MONTH}`, DISPATCHER)).toMatch(/^Only Mesquite Police Department supervisors and chief's designees can run department reports/);
    const answer = await post(`report officers ${MONTH}`, SUPERVISOR);
    expect(answer).toContain(`hours and earnings by officer, ${MONTH}`);
    expect(answer).toContain("Uploading report-officers-mesquite-tx-pd-2026-12.csv and a chart");
    const files = await waitFor(
      () => (test.app.outbox?.list() ?? []).filter((e) => e.method === "files.completeUploadExternal"),
      (found) => found.length >= 2,
    );
    const csv = files.find((f) => !f.file?.title.includes("hours per officer"));
    expect((parse(csv?.body ?? "", { columns: true }) as CsvRecord[]).length).toBeGreaterThan(5);
    const chart = files.find((f) => f.file?.title.includes("hours per officer"));
    const png = Buffer.from(chart?.file?.base64 ?? "", "base64");
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    mkdirSync("test-artifacts", { recursive: true });
    writeFileSync("test-artifacts/hours-per-officer.png", png);

    expect(await post("report payslips", SUPERVISOR)).toMatch(/^Usage: `\/detail report/);
  });
});
