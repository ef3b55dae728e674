import { PassThrough } from "node:stream";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAgency } from "../../../agencies/load-agencies.ts";
import { commands } from "../../../bots/cli/commands/index.ts";
import { runInvoicesCsv } from "../../../bots/cli/commands/invoices-csv.ts";
import { SANDBOX_SLACK_SIGNING_SECRET } from "../../../bots/slack/slack-settings.ts";
import { createPrismaClient } from "../../../prisma/client.ts";
import { draftRequestInvoice } from "../../../prisma/repositories/invoices/index.ts";
import { createSubmittedRequest } from "../../builders/submitted-request.ts";
import { dropPrivateDatabase, privateDatabaseUrl } from "../../support/private-database.ts";
import { makeSlashCommand, postSignedSlack } from "../../support/slack-request.ts";
import { workAsScheduled } from "../../builders/finished-request.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import { waitFor } from "../../support/wait-for.ts";

const AGENCY = "tucson-az-pd";
const SUPERVISOR = "U0TUCSSUP1";
// Tucson is UTC-7 all year: 2026-03-01 00:00 local is 07:00Z.
const IN_MARCH = new Date("2026-03-10T17:30:00Z");
const LAST_MARCH_HOUR = new Date("2026-04-01T06:30:00Z"); // 2026-03-31 23:30 local
const FIRST_APRIL_HOUR = new Date("2026-04-01T07:30:00Z"); // 2026-04-01 00:30 local

type CsvRecord = Record<string, string>;

describe("Invoice CSV export (CLI and /detail invoices csv in sandbox Slack, private database)", () => {
  let test: TestApp;
  const databaseUrl = privateDatabaseUrl("invoices_csv");
  const invoices: { id: string; number: string; totalCents: number }[] = [];

  /** A completed request with one officer who worked it as scheduled, and its draft invoice. */
  async function draftedInvoice(createdAt: Date) {
    const { prisma } = test.app;
    const agency = getAgency(AGENCY);
    if (!agency) throw new Error("no agency");
    const { request } = await createSubmittedRequest(prisma, { officers: 1 });
    await workAsScheduled(prisma, request, 1);
    const drafted = await draftRequestInvoice(prisma, agency, request.id, createdAt);
    if (drafted.kind !== "drafted") throw new Error(`not drafted: ${JSON.stringify(drafted)}`);
    // Drafted "in March": the export selects by the day an invoice was drafted.
    return prisma.invoice.update({ where: { id: drafted.invoice.id }, data: { createdAt }, include: { items: { include: { request: true } } } });
  }

  beforeAll(async () => {
    test = await startTestApp("invoices-csv", { DATABASE_URL: databaseUrl });
    const draft = await draftedInvoice(IN_MARCH);
    const paid = await draftedInvoice(LAST_MARCH_HOUR);
    await test.app.prisma.invoice.update({
      where: { id: paid.id },
      data: {
        status: "paid",
        issuedAt: new Date("2026-03-31T16:00:00Z"),
        issuedBy: SUPERVISOR,
        paidAt: new Date("2026-04-01T06:45:00Z"),
        paidBy: SUPERVISOR,
        paymentReference: 'CHK 7, "March"',
      },
    });
    await draftedInvoice(FIRST_APRIL_HOUR);
    invoices.push(draft, paid);
  });
  afterAll(async () => {
    await test?.close();
    await dropPrivateDatabase(databaseUrl);
  });

  async function runInProcess(args: string[]) {
    const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() };
    const out: string[] = [];
    const err: string[] = [];
    io.stdout.on("data", (chunk: Buffer) => out.push(chunk.toString("utf8")));
    io.stderr.on("data", (chunk: Buffer) => err.push(chunk.toString("utf8")));
    const code = await runInvoicesCsv(args, io, () => createPrismaClient(databaseUrl));
    return { code, stdout: out.join(""), stderr: err.join("") };
  }

  function expectMarchRows(csv: string) {
    const rows = parse(csv, { columns: true }) as CsvRecord[];
    expect(rows.map((r) => r.number)).toEqual(invoices.map((i) => i.number));
    const [draft, paid] = rows;
    expect(draft).toMatchObject({ status: "draft", kind: "request", customer_name: "Dana Builder", customer_organization: "Builder Hardware" });
    expect(draft?.drafted_at).toBe("2026-03-10 10:30");
    expect(draft?.customer_contact).toMatch(/^\+1520\d{7}$/);
    expect(draft?.requests).toMatch(/^#\d+$/);
    expect(paid).toMatchObject({
      status: "paid",
      drafted_at: "2026-03-31 23:30",
      issued_at: "2026-03-31 09:00",
      paid_at: "2026-03-31 23:45",
      voided_at: "",
      payment_reference: 'CHK 7, "March"',
    });
    for (const [index, row] of rows.entries()) {
      const cents = invoices[index]?.totalCents ?? -1;
      expect(row.total_cents).toBe(String(cents));
      expect(row.total_usd).toBe(`${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`);
      expect(row.period_start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const sum = rows.reduce((total, row) => total + Number(row.total_cents), 0);
    expect(sum).toBe(invoices.reduce((total, i) => total + i.totalCents, 0));
  }

  it("prints one row per invoice drafted in the month, local dates and totals in dollars and cents", async () => {
    const { code, stdout, stderr } = await runInProcess(["--agency", AGENCY, "--month", "2026-03"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout.split("\r\n")[0]).toBe(
      "number,status,kind,customer_name,customer_organization,customer_contact,requests,period_start,period_end,drafted_at,issued_at,paid_at,voided_at,payment_reference,void_reason,total_usd,total_cents",
    );
    expectMarchRows(stdout);
  });

  it("takes inclusive local dates: --to 2026-03-31 keeps the invoice drafted at 23:30 that day", async () => {
    const last = await runInProcess(["--agency", AGENCY, "--from", "2026-03-31", "--to", "2026-03-31"]);
    expect((parse(last.stdout, { columns: true }) as CsvRecord[]).map((r) => r.number)).toEqual([invoices[1]?.number]);
    const april = await runInProcess(["--agency", AGENCY, "--from", "2026-04-01", "--to", "2026-04-30"]);
    expect(parse(april.stdout, { columns: true })).toHaveLength(1);
  });

  it("exits 2 with one line per problem for bad arguments, printing nothing", async () => {
    const bad = await runInProcess(["--agency", "nowhere-pd", "--month", "2026-13"]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^--agency: unknown agency nowhere-pd \(known: .*tucson-az-pd.*\)$/),
      '--month: must be a month as YYYY-MM, got "2026-13"',
    ]);
    const range = await runInProcess(["--agency", AGENCY, "--from", "2026-03-31", "--to", "2026-03-01"]);
    expect(range).toMatchObject({ code: 2, stderr: "--to: must not be before --from\n" });
    const missing = await runInProcess([]);
    expect(missing.stderr.trim().split("\n")).toEqual(["--agency: is required", "--month: is required (or --from and --to)"]);
    const both = await runInProcess(["--agency", AGENCY, "--month", "2026-03", "--to", "2026-03-02"]);
    expect(both).toMatchObject({ code: 2, stderr: "--month: give either --month or --from and --to, not both\n" });
  });

  it("is a command of the CLI (`npm run -s detaildesk -- invoices-csv`)", () => {
    expect(commands.map((c) => c.name)).toContain("invoices-csv");
  });

  it("/detail invoices csv 2026-03 answers at once and uploads the same CSV to the channel (sandbox stand-in)", async () => {
    expect(test.app.slack.mode).toBe("sandbox");
    const response = await postSignedSlack(
      test.base,
      makeSlashCommand({ text: "invoices csv 2026-03", userId: SUPERVISOR, channelId: "C0TUCSAPPR" }),
      "application/x-www-form-urlencoded",
      { secret: SANDBOX_SLACK_SIGNING_SECRET },
    );
    expect(((await response.json()) as { text: string }).text).toBe(
      "Uploading invoices-tucson-az-pd-2026-03.csv (2 invoices) to this channel.",
    );
    const upload = await waitFor(
      () => (test.app.outbox?.list() ?? []).find((e) => e.method === "files.completeUploadExternal"),
      (e) => e !== undefined,
    );
    expect(upload?.to).toBe("C0TUCSAPPR");
    expectMarchRows(upload?.body ?? "");

    const usage = await postSignedSlack(
      test.base,
      makeSlashCommand({ text: "invoices csv March", userId: SUPERVISOR }),
      "application/x-www-form-urlencoded",
      { secret: SANDBOX_SLACK_SIGNING_SECRET },
    );
    expect(((await usage.json()) as { text: string }).text).toContain("Usage: `/detail invoices");
  });
});
