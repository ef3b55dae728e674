import { randomBytes, randomInt } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { runDutyImport } from "../../../bots/cli/commands/duty-import.ts";
import { runRosterImport } from "../../../bots/cli/commands/roster-import.ts";
import { createPrismaClient, type PrismaClient } from "../../../prisma/client.ts";
import { makeTestOfficer } from "../../builders/test-officer.ts";

const AGENCY = "tucson-az-pd";
const HEADER = "badge,first_name,last_name,phone,rank,seniority_date,assigned_vehicle,lives_in_city,cso,active";

/** roster-import and duty-import on the run's database, with officers made here (badges unique to the run). */
describe("roster-import and duty-import (CLI, real PostgreSQL)", () => {
  let prisma: PrismaClient;
  const run = randomBytes(3).toString("hex").toUpperCase();
  const badge = (n: number) => `RI${run}${n}`;
  const phone = () => `+1602559${String(randomInt(0, 10_000)).padStart(4, "0")}`;

  beforeAll(() => {
    prisma = createPrismaClient(inject("databaseUrl"));
  });
  afterAll(async () => {
    await prisma.$disconnect();
  });

  async function cli(command: typeof runRosterImport | typeof runDutyImport, lines: string[], apply: boolean) {
    const file = join(tmpdir(), `roster-${run}-${randomBytes(4).toString("hex")}.csv`);
    await writeFile(file, `${lines.join("\n")}\n`);
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = "";
    let err = "";
    stdout.on("data", (chunk) => (out += chunk));
    stderr.on("data", (chunk) => (err += chunk));
    const io = { stdin: new PassThrough(), stdout, stderr };
    const argv = ["--agency", AGENCY, file, ...(apply ? ["--apply"] : [])];
    // A client of its own per run: the command disconnects what it is given.
    const connect = () => createPrismaClient(inject("databaseUrl"));
    const code = command === runRosterImport ? await runRosterImport(argv, io, connect, () => new Date("2026-12-01T19:00:00Z")) : await runDutyImport(argv, io, connect);
    return { code, out, err };
  }

  it("reports every bad row and imports nothing, then applies a clean file in one go", async () => {
    const taken = await makeTestOfficer(prisma, AGENCY);
    const existing = await makeTestOfficer(prisma, AGENCY);
    const [p1, p2] = [phone(), phone()];
    const bad = [
      HEADER,
      `${badge(1)},Ana,Ruiz,${p1.slice(2, 5)}-${p1.slice(5, 8)}-${p1.slice(8)},officer,2015-03-01,,no,no,yes`,
      `${badge(2)},Ben,Cho,555-12,captain,2015-13-01,,no,no,yes`,
      `${badge(3)},Cy,Dee,${taken.phone},officer,2015-03-01,,no,no,yes`,
      `${badge(1)},Dot,Eve,${p2},officer,2015-03-01,,no,no,yes`,
      `${existing.badgeNumber},Test,${existing.lastName},${existing.phone},sergeant,2015-01-01,Unit 9,yes,no,no`,
    ];
    const dry = await cli(runRosterImport, bad, false);
    expect(dry.code).toBe(2);
    expect(dry.out).toContain("5 problems:");
    expect(dry.out).toContain("row 3, phone: must be a phone number");
    expect(dry.out).toContain("row 3, rank: must be one of this agency's ranks");
    expect(dry.out).toContain("row 3, seniority_date: must be a date as YYYY-MM-DD");
    expect(dry.out).toContain(`row 4, phone: ${taken.phone} belongs to Test ${taken.lastName} (badge ${taken.badgeNumber}) on the roster`);
    expect(dry.out).toContain(`row 5, badge: badge ${badge(1)} is also on row 2`);
    expect(dry.out).toContain(`row 6: deactivate ${existing.badgeNumber}`);

    const applied = await cli(runRosterImport, bad, true);
    expect(applied.code).toBe(2);
    expect(applied.out).toContain("Nothing was imported");
    expect(await prisma.officer.count({ where: { agencyId: AGENCY, badgeNumber: { startsWith: `RI${run}` } } })).toBe(0);
    expect((await prisma.officer.findUniqueOrThrow({ where: { id: existing.id } })).active).toBe(true);

    const good = [bad[0] ?? "", bad[1] ?? "", `${badge(4)},Dot,Eve,${p2},sergeant,2012-07-04,,yes,no,yes`, bad[5] ?? ""];
    const check = await cli(runRosterImport, good, false);
    expect(check.code).toBe(0);
    expect(check.out).toContain("Would add 2, change 0, deactivate 1, leave 0 unchanged:");
    const done = await cli(runRosterImport, good, true);
    expect(done.code).toBe(0);
    expect(done.out).toContain("Imported: added 2, changed 0, deactivated 1, unchanged 0.");
    const added = await prisma.officer.findUniqueOrThrow({ where: { agencyId_badgeNumber: { agencyId: AGENCY, badgeNumber: badge(1) } } });
    expect(added).toMatchObject({ firstName: "Ana", phone: p1, rank: "officer", active: true });
    expect(await prisma.officer.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({
      active: false,
      rank: "sergeant",
      assignedVehicle: "Unit 9",
      livesInCity: true,
    });
    const audits = await prisma.auditEvent.findMany({ where: { entityId: { in: [added.id, existing.id] } }, select: { action: true, actorId: true } });
    expect(audits).toEqual(
      expect.arrayContaining([
        { action: "roster.officer_added", actorId: "cli" },
        { action: "roster.officer_deactivated", actorId: "cli" },
      ]),
    );
    // The same file again changes nothing.
    expect((await cli(runRosterImport, good, false)).out).toContain("Would add 0, change 0, deactivate 0, leave 3 unchanged:");
  });

  it("replaces regular duty from a file, and nothing when a row is bad", async () => {
    const [a, b] = [await makeTestOfficer(prisma, AGENCY), await makeTestOfficer(prisma, AGENCY)];
    await prisma.officer.update({ where: { id: b.id }, data: { regularDuty: [{ start: "2026-11-01T14:00:00.000Z", end: "2026-11-01T22:00:00.000Z" }] } });
    const rows = [
      "badge,start,end",
      `${a.badgeNumber},2026-12-02 15:00,2026-12-02 23:00`,
      `${a.badgeNumber},2026-12-02 07:00,2026-12-02 15:00`,
      `${b.badgeNumber},2026-12-03T07:00:00-07:00,2026-12-03 11:00`,
    ];
    const bad = await cli(runDutyImport, [...rows, `${a.badgeNumber},2026-12-04 09:00,2026-12-04 08:00`, "NOBODY,2026-12-04 09:00,2026-12-04 10:00"], true);
    expect(bad.code).toBe(2);
    expect(bad.out).toContain("row 5, end: must be after start");
    expect(bad.out).toContain("row 6, badge: no officer with badge NOBODY on the roster");
    expect((await prisma.officer.findUniqueOrThrow({ where: { id: a.id } })).regularDuty).toEqual([]);

    const dry = await cli(runDutyImport, rows, false);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain("Would replace the regular duty of 2 officers");
    expect((await cli(runDutyImport, rows, true)).code).toBe(0);
    // Tucson is UTC−7: the two touching spans are one, 07:00–23:00 local.
    expect((await prisma.officer.findUniqueOrThrow({ where: { id: a.id } })).regularDuty).toEqual([
      { start: "2026-12-02T14:00:00.000Z", end: "2026-12-03T06:00:00.000Z" },
    ]);
    expect((await prisma.officer.findUniqueOrThrow({ where: { id: b.id } })).regularDuty).toEqual([
      { start: "2026-12-03T14:00:00.000Z", end: "2026-12-03T18:00:00.000Z" },
    ]);
  });

  it("exits 2 with one line per bad argument", async () => {
    const stderr = new PassThrough();
    let err = "";
    stderr.on("data", (chunk) => (err += chunk));
    const code = await runRosterImport(["--agency", "nowhere"], { stdin: new PassThrough(), stdout: new PassThrough(), stderr }, () => {
      throw new Error("must not connect");
    }, () => new Date());
    expect(code).toBe(2);
    expect(err).toContain("--agency: unknown agency nowhere");
    expect(err).toContain("FILE: is required");
  });
});
