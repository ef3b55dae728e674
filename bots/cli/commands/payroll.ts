import type { AgencyConfig } from "../../../core/agencies/index.ts";
import { findPayPeriod, formatPayrollCsv, isPayPeriodFinished, type PayPeriod } from "../../../core/payroll/index.ts";
import type { PrismaClient } from "../../../prisma/client.ts";
import { closePayrollPeriod, loadPayroll } from "../../../prisma/repositories/payroll/index.ts";
import type { CliCommand, CliIo } from "../command.ts";
import { connectFromEnvironment, runOnDatabase } from "../connect-database.ts";
import { parseStringOptions, readAgencyOption } from "../read-options.ts";

const USAGE = "payroll --agency ID --period YYYY-MM-DD [--close]";

/**
 * `payroll`: the agency's payroll for the pay period containing a local date, as CSV on stdout
 * (live while the period is open, frozen once closed); `--close` then closes that period.
 */
export const payrollCommand: CliCommand = {
  name: "payroll",
  summary: "Print an agency's payroll for the pay period containing a date as CSV; --close freezes it (reads DATABASE_URL)",
  usage: USAGE,
  run: async (args, io) => runPayroll(args, io, await connectFromEnvironment(), () => new Date()),
};

/** The command with its database and clock given: tests pass theirs. */
export async function runPayroll(argv: string[], io: CliIo, connect: () => PrismaClient, now: () => Date): Promise<number> {
  return runOnDatabase(readArguments(argv, now()), io, connect, async (prisma, read) => {
    const payroll = await loadPayroll(prisma, read.agency, read.period, now());
    await write(io.stdout, formatPayrollCsv(payroll.rows));
    if (!read.close) return 0;
    const closed = await closePayrollPeriod(prisma, read.agency, read.period.startDate, "cli", now());
    const name = `pay period ${read.period.startDate} to ${read.period.lastDate}`;
    if (closed.kind === "closed") io.stderr.write(`closed ${name}: ${closed.entries} rows frozen\n`);
    else if (closed.kind === "already_closed") io.stderr.write(`${name} was already closed; nothing changed\n`);
    else throw new Error(`payroll: could not close ${name} (${closed.kind})`);
    return 0;
  });
}

type ReadArguments =
  | { kind: "valid"; agency: AgencyConfig; period: PayPeriod; close: boolean }
  | { kind: "invalid"; problems: string[] };

/** Every problem with the arguments, one line each, or the agency and the period they name. */
function readArguments(argv: string[], now: Date): ReadArguments {
  const close = argv.includes("--close");
  const parsed = parseStringOptions(
    argv.filter((arg) => arg !== "--close"),
    ["agency", "period"],
    USAGE,
  );
  if (parsed.kind === "invalid") return parsed;
  const problems: string[] = [];
  const agency = readAgencyOption(parsed.values.agency, problems);
  const date = parsed.values.period;
  let period: PayPeriod | null = null;
  if (date === undefined) problems.push("--period: is required (any date in the pay period, YYYY-MM-DD)");
  else {
    // The form is checked in UTC when the agency is unknown, so both problems are reported at once.
    period = findPayPeriod(agency?.payroll.payPeriod ?? { kind: "semimonthly" }, date, agency?.timeZone ?? "UTC");
    if (!period) problems.push(`--period: must be a date as YYYY-MM-DD, got ${JSON.stringify(date)}`);
  }
  if (agency && period && close && !isPayPeriodFinished(period, now.getTime())) {
    problems.push(`--close: the pay period ${period.startDate} to ${period.lastDate} has not ended yet`);
  }
  if (problems.length > 0 || !agency || !period) return { kind: "invalid", problems };
  return { kind: "valid", agency, period, close };
}

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (error) => (error ? reject(error) : resolve()));
  });
}
