import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../../../bots/cli/command.ts";
import { cancelFeeCommand } from "../../../../bots/cli/commands/cancel-fee.ts";
import { quoteCommand } from "../../../../bots/cli/commands/quote.ts";
import { WORKED_EXAMPLE_REQUEST } from "../../../builders/quote-request.ts";

const REPO_ROOT = path.resolve(import.meta.dirname, "../../../..");
const TSX = path.join(REPO_ROOT, "node_modules/.bin/tsx");
const WORKED_EXAMPLE = WORKED_EXAMPLE_REQUEST;
const tempDir = mkdtempSync(path.join(tmpdir(), "detaildesk-cli-"));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

/** Runs the real CLI entry point, as `npm run -s detaildesk -- …` does. */
function runCli(args: string[], stdin = "") {
  const result = spawnSync(TSX, [path.join(REPO_ROOT, "bots/cli/main.ts"), ...args], {
    cwd: REPO_ROOT,
    input: stdin,
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs one command in-process with in-memory streams. */
async function runInProcess(command: typeof quoteCommand, args: string[], stdin = "") {
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
  const code = await command.run(args, io satisfies CliIo);
  return { code, stdout, stderr };
}

describe("detaildesk quote (real process)", () => {
  it("prints one JSON quote for the worked example from stdin", () => {
    const { code, stdout, stderr } = runCli(["quote", "-"], JSON.stringify(WORKED_EXAMPLE));
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const quote = JSON.parse(stdout);
    expect(quote.totalCents).toBe(297215);
    expect(quote.positions).toEqual({ officer: 4, sergeant: 1, commander: 0 });
    expect(quote.lines).toHaveLength(4);
  });

  it("reads a file path too", () => {
    const file = path.join(tempDir, "request.json");
    writeFileSync(file, JSON.stringify({ ...WORKED_EXAMPLE, flags: { bodyguardOrBouncer: true } }));
    const { code, stdout } = runCli(["quote", file]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).screening).toMatchObject({
      decision: "reject",
      reasons: [{ code: "bodyguard_or_bouncer" }],
    });
  });

  it("exits 2 with nothing on stdout for malformed JSON", () => {
    const { code, stdout, stderr } = runCli(["quote", "-"], '{"agency": "tucson-az-pd",');
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^\(input\): malformed JSON: /);
  });

  it("exits 2 listing each bad field on its own line", () => {
    const { code, stdout, stderr } = runCli(
      ["quote", "-"],
      JSON.stringify({ ...WORKED_EXAMPLE, agency: "atlantis-pd", officers: 0, vehicles: 2, start: "Dec 24" }),
    );
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toEqual([
      "agency: unknown agency",
      "start: must be an ISO 8601 date and time with a UTC offset, e.g. 2026-12-24T20:00:00-07:00",
      "officers: Too small: expected number to be >=1",
    ]);
  });

  it("prints the cancellation fee", () => {
    const { code, stdout } = runCli(
      ["cancel-fee", "-"],
      JSON.stringify({
        ...WORKED_EXAMPLE,
        approvedAt: "2026-12-02T09:00:00-07:00",
        cancelledAt: "2026-12-20T09:00:00-07:00",
      }),
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      feeCents: 17600,
      lines: [{ kind: "admin_fee", minutes: 1650, unitCents: 640, amountCents: 17600 }],
    });
  });
});

describe("request commands (in process)", () => {
  it("exits 2 naming an unreadable file", async () => {
    const missing = path.join(tempDir, "missing.json");
    const { code, stdout, stderr } = await runInProcess(quoteCommand, [missing]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(`${missing}: ENOENT`);
  });

  it("exits 2 with usage when FILE is missing", async () => {
    const { code, stderr } = await runInProcess(quoteCommand, []);
    expect(code).toBe(2);
    expect(stderr).toBe("usage: npm run -s detaildesk -- quote FILE|-\n");
  });

  it("requires cancelledAt for cancel-fee", async () => {
    const { code, stdout, stderr } = await runInProcess(
      cancelFeeCommand,
      ["-"],
      JSON.stringify(WORKED_EXAMPLE),
    );
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe("cancelledAt: is required\n");
  });

  it("charges nothing for an unapproved cancellation", async () => {
    const input = { ...WORKED_EXAMPLE, approvedAt: null, cancelledAt: "2026-12-24T19:00:00-07:00" };
    const { code, stdout } = await runInProcess(cancelFeeCommand, ["-"], JSON.stringify(input));
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ feeCents: 0, lines: [] });
  });

  it("rejects a JSON value that is not an object", async () => {
    const { code, stderr } = await runInProcess(quoteCommand, ["-"], "[]");
    expect(code).toBe(2);
    expect(stderr).toBe("(root): Invalid input: expected object, received array\n");
  });
});
