import { PassThrough } from "node:stream";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { runPayroll } from "../../../bots/cli/commands/payroll.ts";
import { answerDetailCommand } from "../../../bots/slack/listeners/detail-command.ts";
import type { PayrollUpload } from "../../../bots/slack/listeners/detail-payroll.ts";
import type { SlackListenerDeps } from "../../../bots/slack/listeners/listener-deps.ts";
import type { AgencyConfig } from "../../../core/agencies/index.ts";
import { findPayPeriod, PAYROLL_CSV_COLUMNS } from "../../../core/payroll/index.ts";
import { createPrismaClient, type PrismaClient } from "../../../prisma/client.ts";
import { closePayrollPeriod, loadPayroll } from "../../../prisma/repositories/payroll/index.ts";
import { createFinishedRequest } from "../../builders/finished-request.ts";
import { getTestAgency } from "../../builders/quote-request.ts";

// Every date is in 2031–2032: no other test file's shifts fall in these pay periods.
const TUCSON = getTestAgency("tucson-az-pd");
const ROCKPORT = getTestAgency("rockport-tx-pd");
const MESQUITE = getTestAgency("mesquite-tx-pd");
const at = (iso: string) => new Date(iso);
const FLAGS = { armedPrivateSecurity: false, civilLegalService: false, bodyguardOrBouncer: false, alcoholPrincipalBusiness: false };

/** A request booked a month ahead (regular rates), `officers` positions, local times with offset. */
function shift(start: string, end: string, officers: number, requestedAt: string) {
  return { requestedAt, start, end, officers, vehicles: 0, eventType: "store security", address: { line1: "1 Main St", city: "Mesquite", state: "TX" }, flags: FLAGS };
}

function periodOf(agency: AgencyConfig, date: string) {
  const period = findPayPeriod(agency.payroll.payPeriod, date, agency.timeZone);
  if (!period) throw new Error(`no period for ${date}`);
  return period;
}

type CsvRecord = Record<string, string>;

describe("payroll: periods, live pay, freezing and adjustments (real PostgreSQL)", () => {
  let prisma: PrismaClient;

  beforeAll(() => {
    prisma = createPrismaClient(inject("databaseUrl"));
  });
  afterAll(async () => {
    await prisma.$disconnect();
  });

  const assignmentsOf = (requestId: string) =>
    prisma.assignment.findMany({ where: { position: { requestId } }, include: { officer: true, position: true }, orderBy: { position: { index: "asc" } } });

  async function runCli(argv: string[], now: Date) {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = "";
    let err = "";
    stdout.on("data", (chunk) => (out += chunk));
    stderr.on("data", (chunk) => (err += chunk));
    const code = await runPayroll(argv, { stdin: new PassThrough(), stdout, stderr }, () => createPrismaClient(inject("databaseUrl")), () => now);
    return { code, out, err };
  }

  it("Mesquite (semi-monthly): pays worked shifts live, a no-show nothing, a forgotten check-out to the end; the CSV parses back", async () => {
    const worked = await createFinishedRequest(prisma, {
      agency: MESQUITE,
      customerId: null,
      request: shift("2031-05-05T10:00:00-05:00", "2031-05-05T14:00:00-05:00", 2, "2031-04-01T10:00:00-05:00"),
      worked: [
        { checkIn: at("2031-05-05T09:50:00-05:00"), checkOut: at("2031-05-05T14:30:00-05:00") },
        { checkIn: null, checkOut: null },
      ],
    });
    // Still in progress, the officer never checked out: paid to the scheduled end once it passed.
    const running = await createFinishedRequest(prisma, {
      agency: MESQUITE,
      customerId: null,
      status: "in_progress",
      request: shift("2031-05-15T20:00:00-05:00", "2031-05-15T23:00:00-05:00", 1, "2031-04-01T10:00:00-05:00"),
      worked: [{ checkIn: at("2031-05-15T20:00:00-05:00"), checkOut: null }],
    });
    const [runningAssignment] = await assignmentsOf(running.id);
    await prisma.assignment.update({ where: { id: runningAssignment?.id ?? "" }, data: { status: "checked_in", checkedOutAt: null } });
    // In the next period (May 16 local, 00:30): not in this one.
    await createFinishedRequest(prisma, {
      agency: MESQUITE,
      customerId: null,
      request: shift("2031-05-16T00:30:00-05:00", "2031-05-16T03:00:00-05:00", 1, "2031-04-01T10:00:00-05:00"),
      worked: [{ checkIn: at("2031-05-16T00:30:00-05:00"), checkOut: at("2031-05-16T03:00:00-05:00") }],
    });
    const [first, noShow] = await assignmentsOf(worked.id);
    const period = periodOf(MESQUITE, "2031-05-10");
    expect(period).toMatchObject({ startDate: "2031-05-01", lastDate: "2031-05-15" });

    // During the running shift it is not paid yet; after its end it is.
    const during = await loadPayroll(prisma, MESQUITE, period, at("2031-05-15T21:00:00-05:00"));
    expect(during.rows.map((row) => row.requestNumber)).toEqual([worked.number]);
    const payroll = await loadPayroll(prisma, MESQUITE, period, at("2031-05-20T09:00:00-05:00"));
    expect(payroll.status).toBe("open");
    // 10:00 (arriving early is not paid) to 14:30: 270 min × $55.00 = $247.50; 20:00–23:00: $165.00.
    expect(payroll.rows.map((row) => [row.officer.badge, row.requestNumber, row.minutes.regular, row.amountCents])).toEqual(
      expect.arrayContaining([
        [first?.officer.badgeNumber, worked.number, 270, 24750],
        [runningAssignment?.officer.badgeNumber, running.number, 180, 16500],
      ]),
    );
    expect(payroll.rows).toHaveLength(2);
    expect(payroll.totals.find((total) => total.officer.id === noShow?.officerId)).toBeUndefined();

    const { code, out, err } = await runCli(["--agency", MESQUITE.id, "--period", "2031-05-10"], at("2031-05-20T09:00:00-05:00"));
    expect(err).toBe("");
    expect(code).toBe(0);
    const records = parse(out, { columns: true }) as CsvRecord[];
    expect(Object.keys(records[0] ?? {})).toEqual([...PAYROLL_CSV_COLUMNS]);
    const mine = records.filter((record) => record.badge === first?.officer.badgeNumber);
    expect(mine).toEqual([
      {
        officer_name: `${first?.officer.firstName} ${first?.officer.lastName}`,
        badge: first?.officer.badgeNumber,
        date: "2031-05-05",
        request: `#${worked.number}`,
        kind: "shift",
        regular_hours: "4.50",
        holiday_hours: "0.00",
        emergency_hours: "0.00",
        regular_minutes: "270",
        holiday_minutes: "0",
        emergency_minutes: "0",
        amount_usd: "247.50",
        amount_cents: "24750",
        reason: "",
      },
      expect.objectContaining({ kind: "total", date: "", request: "", regular_hours: "4.50", amount_usd: "247.50", reason: "1 shift" }),
    ]);
    expect(records).toHaveLength(4);
  });

  it("the CLI rejects bad arguments with one line per problem, and an unfinished period for --close", async () => {
    const bad = await runCli(["--agency", "nowhere", "--period", "2031-02-30"], at("2031-05-20T09:00:00Z"));
    expect(bad).toMatchObject({ code: 2, out: "" });
    expect(bad.err.trim().split("\n")).toEqual([
      expect.stringMatching(/^--agency: unknown agency nowhere/),
      '--period: must be a date as YYYY-MM-DD, got "2031-02-30"',
    ]);
    const early = await runCli(["--agency", MESQUITE.id, "--period", "2031-06-03", "--close"], at("2031-06-10T09:00:00-05:00"));
    expect(early).toMatchObject({ code: 2, out: "" });
    expect(early.err).toMatch(/^--close: the pay period 2031-06-01 to 2031-06-15 has not ended yet/);
  });

  it("Rockport (weekly): the agency's pay rates replace the bill rate where it sets them", async () => {
    const request = await createFinishedRequest(prisma, {
      agency: ROCKPORT,
      customerId: null,
      request: shift("2031-07-08T18:00:00-05:00", "2031-07-08T21:00:00-05:00", 1, "2031-06-01T10:00:00-05:00"),
      worked: [{ checkIn: at("2031-07-08T18:00:00-05:00"), checkOut: at("2031-07-08T21:00:00-05:00") }],
    });
    const period = periodOf(ROCKPORT, "2031-07-08");
    expect(period).toMatchObject({ startDate: "2031-07-07", lastDate: "2031-07-13" });
    const now = at("2031-07-20T09:00:00-05:00");
    const atBill = await loadPayroll(prisma, ROCKPORT, period, now);
    const paying: AgencyConfig = {
      ...ROCKPORT,
      payroll: { ...ROCKPORT.payroll, payRates: { officer: { regular: 4000, holiday: 5000, emergency: 5000 } } },
    };
    const atPay = await loadPayroll(prisma, paying, period, now);
    const find = (rows: typeof atBill.rows) => rows.find((row) => row.requestNumber === request.number);
    // 180 min × $56.50 = $169.50 billed and paid; at the agency's $40.00: $120.00.
    expect(find(atBill.rows)).toMatchObject({ amountCents: 16950, minutes: { regular: 180 } });
    expect(find(atPay.rows)).toMatchObject({ amountCents: 12000, minutes: { regular: 180 }, lines: [expect.objectContaining({ unitCents: 4000 })] });
  });

  it("Tucson (bi-weekly): closing freezes a period once; a later correction is adjusted in the next period exactly once", async () => {
    const request = await createFinishedRequest(prisma, {
      agency: TUCSON,
      customerId: null,
      request: shift("2031-03-11T18:00:00-07:00", "2031-03-11T22:00:00-07:00", 1, "2031-02-01T10:00:00-07:00"),
      worked: [{ checkIn: at("2031-03-11T18:00:00-07:00"), checkOut: at("2031-03-11T22:00:00-07:00") }],
    });
    const [assignment] = await assignmentsOf(request.id);
    const first = periodOf(TUCSON, "2031-03-11");
    const second = periodOf(TUCSON, "2031-03-30");
    const third = periodOf(TUCSON, "2031-04-10");
    expect([first.startDate, second.startDate, third.startDate]).toEqual(["2031-03-09", "2031-03-23", "2031-04-06"]);

    expect(await closePayrollPeriod(prisma, TUCSON, first.startDate, "U0TUCSSUP1", at("2031-03-22T12:00:00-07:00"))).toMatchObject({
      kind: "not_finished",
    });
    const closedAt = at("2031-03-24T09:00:00-07:00");
    const closed = await closePayrollPeriod(prisma, TUCSON, "2031-03-15", "U0TUCSSUP1", closedAt);
    // 240 min × $64.11 = $256.44.
    expect(closed).toMatchObject({ kind: "closed", entries: 1, totalCents: 25644 });
    const again = await closePayrollPeriod(prisma, TUCSON, first.startDate, "U0TUCSSUP2", at("2031-03-25T09:00:00-07:00"));
    expect(again).toMatchObject({ kind: "already_closed", closedBy: "U0TUCSSUP1" });
    const stored = await prisma.payrollPeriod.findUniqueOrThrow({
      where: { agencyId_startDate: { agencyId: TUCSON.id, startDate: first.startDate } },
      include: { entries: true },
    });
    expect(stored).toMatchObject({ status: "closed", closedBy: "U0TUCSSUP1", closedAt });
    expect(stored.entries).toEqual([
      expect.objectContaining({ kind: "shift", assignmentId: assignment?.id, amountCents: 25644, minutes: { regular: 240, holiday: 0, emergency: 0 } }),
    ]);
    const audits = await prisma.auditEvent.findMany({ where: { action: "payroll.closed", entityId: stored.id } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorKind: "supervisor", actorId: "U0TUCSSUP1", data: expect.objectContaining({ entries: 1, totalCents: 25644 }) });

    // A supervisor corrects the check-out to 23:00 after the close: 300 min = $320.55.
    await prisma.assignment.update({ where: { id: assignment?.id ?? "" }, data: { checkedOutAt: at("2031-03-11T23:00:00-07:00") } });
    const frozen = await loadPayroll(prisma, TUCSON, first, at("2031-04-01T09:00:00-07:00"));
    expect(frozen.status).toBe("closed");
    expect(frozen.rows).toEqual([expect.objectContaining({ kind: "shift", amountCents: 25644, date: "2031-03-11", requestNumber: request.number })]);

    const live = await loadPayroll(prisma, TUCSON, second, at("2031-04-06T09:00:00-07:00"));
    const adjustments = live.rows.filter((row) => row.assignmentId === assignment?.id);
    expect(adjustments).toEqual([
      expect.objectContaining({ kind: "adjustment", amountCents: 6411, minutes: { regular: 60, holiday: 0, emergency: 0 }, date: "2031-03-11" }),
    ]);
    expect(adjustments[0]?.reason).toContain(`#${request.number}`);
    expect(adjustments[0]?.reason).toContain("2031-03-09");

    expect(await closePayrollPeriod(prisma, TUCSON, second.startDate, "cli", at("2031-04-06T10:00:00-07:00"))).toMatchObject({ kind: "closed" });
    const secondFrozen = await loadPayroll(prisma, TUCSON, second, at("2031-04-20T09:00:00-07:00"));
    expect(secondFrozen.rows.filter((row) => row.assignmentId === assignment?.id)).toEqual([
      expect.objectContaining({ kind: "adjustment", amountCents: 6411 }),
    ]);
    // Paid once: the third period sees the frozen shift and adjustment add up to the pay now.
    const later = await loadPayroll(prisma, TUCSON, third, at("2031-04-20T09:00:00-07:00"));
    expect(later.rows.filter((row) => row.assignmentId === assignment?.id)).toEqual([]);

    // A second correction (the officer never came) takes the whole $320.55 back in the third.
    await prisma.assignment.update({ where: { id: assignment?.id ?? "" }, data: { status: "no_show", checkedInAt: null, checkedOutAt: null } });
    const takenBack = await loadPayroll(prisma, TUCSON, third, at("2031-04-20T09:00:00-07:00"));
    expect(takenBack.rows.filter((row) => row.assignmentId === assignment?.id)).toEqual([
      expect.objectContaining({ kind: "adjustment", amountCents: -32055, minutes: { regular: -300, holiday: 0, emergency: 0 } }),
    ]);
  });

  it("/detail payroll: supervisors get the CSV of the last finished period uploaded, and close a finished period", async () => {
    const request = await createFinishedRequest(prisma, {
      agency: TUCSON,
      customerId: null,
      request: shift("2032-01-06T08:00:00-07:00", "2032-01-06T12:00:00-07:00", 1, "2031-12-01T10:00:00-07:00"),
      worked: [{ checkIn: at("2032-01-06T08:00:00-07:00"), checkOut: at("2032-01-06T12:00:00-07:00") }],
    });
    const period = periodOf(TUCSON, "2032-01-06");
    const now = at(new Date(period.endMs + 3 * 86_400_000).toISOString());
    const deps = { prisma, agencies: [TUCSON], now: () => now } as unknown as SlackListenerDeps;
    const uploads: PayrollUpload[] = [];
    const ask = (userId: string, text: string) =>
      answerDetailCommand(deps, { text, userId, channelId: TUCSON.slack.approvalsChannel, upload: (file) => uploads.push(file) });

    expect(await ask("U0TUCSDSP1", "payroll")).toMatch(/^Only Tucson Police Department supervisors can export or close officer payroll/);
    expect(await ask("U0TUCSCHF1", "payroll")).toMatch(/^Only .* supervisors can/);
    expect(uploads).toEqual([]);

    const reply = await ask("U0TUCSSUP1", "payroll");
    expect(reply).toContain(`payroll-${TUCSON.id}-${period.startDate}.csv`);
    expect(reply).toContain("open");
    expect(uploads).toHaveLength(1);
    const records = parse(uploads[0]?.content ?? "", { columns: true }) as CsvRecord[];
    expect(records.filter((record) => record.request === `#${request.number}`)).toEqual([
      expect.objectContaining({ kind: "shift", regular_hours: "4.00", amount_usd: "256.44" }),
    ]);

    const future = findPayPeriod(TUCSON.payroll.payPeriod, new Date(now.getTime()).toISOString().slice(0, 10), TUCSON.timeZone);
    expect(await ask("U0TUCSSUP1", `payroll close ${future?.startDate}`)).toMatch(/has not ended yet/);
    expect(await ask("U0TUCSSUP1", `payroll close ${period.startDate}`)).toMatch(/^Closed the pay period/);
    expect(await ask("U0TUCSSUP2", `payroll close ${period.startDate}`)).toMatch(/already closed by <@U0TUCSSUP1>/);
    expect(await ask("U0TUCSSUP1", `payroll ${period.startDate}`)).toContain("(closed)");
    expect(await ask("U0TUCSSUP1", "payroll someday")).toMatch(/^Usage/);
  });
});
