import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../../../bots/cli/command.ts";
import { invoiceCommand } from "../../../../bots/cli/commands/invoice.ts";
import { WORKED_EXAMPLE_REQUEST } from "../../../builders/quote-request.ts";

const REPO_ROOT = path.resolve(import.meta.dirname, "../../../..");
const TSX = path.join(REPO_ROOT, "node_modules/.bin/tsx");
const tempDir = mkdtempSync(path.join(tmpdir(), "detaildesk-invoice-"));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

// policy.md "Invoice contract (worked hours)": the quote example, worked.
const WORKED_EXAMPLE_INVOICE = {
  ...WORKED_EXAMPLE_REQUEST,
  worked: [
    { rank: "officer", checkIn: "2026-12-24T19:50:00-07:00", checkOut: "2026-12-25T01:20:00-07:00" },
    { rank: "officer", checkIn: "2026-12-24T20:10:00-07:00", checkOut: "2026-12-25T00:30:00-07:00" },
    { rank: "officer", checkIn: "2026-12-24T20:00:00-07:00", checkOut: "2026-12-25T01:00:00-07:00" },
    { rank: "officer", checkIn: null, checkOut: null },
    { rank: "sergeant", checkIn: "2026-12-24T20:00:00-07:00", checkOut: "2026-12-25T01:00:00-07:00" },
  ],
};

/** Runs the real CLI entry point, as `npm run -s detaildesk -- …` does. */
function runCli(args: string[], stdin = "") {
  const result = spawnSync(TSX, [path.join(REPO_ROOT, "bots/cli/main.ts"), ...args], {
    cwd: REPO_ROOT,
    input: stdin,
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the command in-process with in-memory streams. */
async function runInProcess(args: string[], stdin = "") {
  const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() };
  let stdout = "";
  let stderr = "";
  io.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  io.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  io.stdin.end(stdin);
  const code = await invoiceCommand.run(args, io satisfies CliIo);
  return { code, stdout, stderr };
}

/** The worked example with some records replaced. */
function withRecords(changes: Record<number, unknown>) {
  return { ...WORKED_EXAMPLE_INVOICE, worked: WORKED_EXAMPLE_INVOICE.worked.map((r, i) => changes[i] ?? r) };
}

describe("detaildesk invoice (real process)", () => {
  it("prints the policy's worked example from stdin as pretty JSON", () => {
    const { code, stdout, stderr } = runCli(["invoice", "-"], JSON.stringify(WORKED_EXAMPLE_INVOICE));
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\{\n {2}"lines": \[\n/);
    expect(JSON.parse(stdout)).toEqual({
      lines: [
        {
          kind: "labor",
          rank: "officer",
          rateKind: "holiday",
          minutes: 970,
          unitCents: 9617,
          amountCents: 155475,
        },
        {
          kind: "labor",
          rank: "sergeant",
          rateKind: "holiday",
          minutes: 330,
          unitCents: 10871,
          amountCents: 59791,
        },
        { kind: "vehicle", minutes: 350, unitCents: 1500, amountCents: 8750 },
        { kind: "admin_fee", minutes: 1300, unitCents: 640, amountCents: 13867 },
      ],
      laborCents: 215266,
      vehicleCents: 8750,
      adminFeeCents: 13867,
      totalCents: 237883,
      billedMinutesPerPosition: [350, 290, 330, 0, 330],
    });
  });

  it("reads a file path too", () => {
    const file = path.join(tempDir, "invoice.json");
    writeFileSync(file, JSON.stringify(WORKED_EXAMPLE_INVOICE));
    const { code, stdout } = runCli(["invoice", file]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).totalCents).toBe(237883);
  });

  it("exits 2 with nothing on stdout for malformed JSON", () => {
    const { code, stdout, stderr } = runCli(["invoice", "-"], '{"agency": "tucson-az-pd",');
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^\(input\): malformed JSON: /);
  });

  it("is listed by --help", () => {
    const { code, stdout } = runCli(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ {2}invoice +Price the hours worked/m);
  });
});

describe("detaildesk invoice (in process)", () => {
  it("exits 2 with usage when FILE is missing", async () => {
    const { code, stdout, stderr } = await runInProcess([]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe("usage: npm run -s detaildesk -- invoice FILE|-\n");
  });

  it("requires worked", async () => {
    const { code, stdout, stderr } = await runInProcess(["-"], JSON.stringify(WORKED_EXAMPLE_REQUEST));
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe("worked: is required\n");
  });

  it("lists each bad record field on its own line", async () => {
    const input = withRecords({
      0: { rank: "officer", checkIn: "2026-12-24T20:00:00-07:00", checkOut: "2026-12-24T19:00:00-07:00" },
      1: { rank: "officer", checkIn: null, checkOut: "2026-12-25T01:00:00-07:00" },
      3: { rank: "officer", checkin: "2026-12-24T20:00:00-07:00" },
    });
    const { code, stdout, stderr } = await runInProcess(["-"], JSON.stringify(input));
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toEqual([
      "worked[0].checkOut: must not be before checkIn",
      "worked[1].checkOut: must be null when checkIn is null (a position nobody checked in to was not worked)",
      "worked[3].checkIn: is required",
      "worked[3].checkOut: is required",
    ]);
  });

  it("checks ranks against the quote's positions and the 24-hour bound", async () => {
    const input = withRecords({
      2: { rank: "sergeant", checkIn: null, checkOut: null },
      4: { rank: "sergeant", checkIn: "2026-12-24T20:00:00-07:00", checkOut: "2026-12-25T21:00:00-07:00" },
    });
    const { code, stdout, stderr } = await runInProcess(["-"], JSON.stringify(input));
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toEqual([
      "worked[2].rank: must be officer (records follow the quote's positions: 4 officers, then 1 sergeant)",
      "worked[4].checkOut: must bill at most 24 hours for the position (1530 minutes billed)",
    ]);
  });

  it("needs one record per position, alongside other field problems", async () => {
    const input = {
      ...WORKED_EXAMPLE_INVOICE,
      agency: "atlantis-pd",
      worked: WORKED_EXAMPLE_INVOICE.worked.slice(0, 4),
    };
    const { code, stdout, stderr } = await runInProcess(["-"], JSON.stringify(input));
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toEqual([
      "agency: unknown agency",
      "worked: must have one record per position: 5, not 4",
    ]);
  });
});
