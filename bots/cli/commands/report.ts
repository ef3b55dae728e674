import { datesPeriod, type ListingPeriod, monthPeriod } from "../../../core/invoicing/index.ts";
import { formatReportCsv, isReportKind, REPORT_KINDS, type ReportKind } from "../../../core/reports/index.ts";
import type { AgencyConfig } from "../../../core/agencies/index.ts";
import type { PrismaClient } from "../../../prisma/client.ts";
import { loadReportFacts } from "../../../prisma/repositories/reports/index.ts";
import type { CliCommand, CliIo } from "../command.ts";
import { connectFromEnvironment, runOnDatabase } from "../connect-database.ts";
import { parseStringOptions, readAgencyOption } from "../read-options.ts";

const USAGE = `report <${REPORT_KINDS.join("|")}> --agency ID (--month YYYY-MM | --from YYYY-MM-DD --to YYYY-MM-DD)`;

/**
 * `report <kind>`: one of the department's reports (core/reports) for a month or between two
 * local dates (both included), as CSV on stdout, from the database DATABASE_URL names.
 */
export const reportCommand: CliCommand = {
  name: "report",
  summary: "Print an agency report (officers, customers, fatigue, reliability, fairness, vehicles) as CSV (reads DATABASE_URL)",
  usage: USAGE,
  run: async (args, io) => runReport(args, io, await connectFromEnvironment()),
};

/** The command with its database given: tests pass theirs, the CLI connects from the environment. */
export async function runReport(argv: string[], io: CliIo, connect: () => PrismaClient): Promise<number> {
  return runOnDatabase(readArguments(argv), io, connect, async (prisma, read) => {
    const facts = await loadReportFacts(prisma, read.agency, read.period);
    await write(io.stdout, formatReportCsv(read.report, facts));
    return 0;
  });
}

type ReadArguments =
  | { kind: "valid"; report: ReportKind; agency: AgencyConfig; period: ListingPeriod }
  | { kind: "invalid"; problems: string[] };

function readArguments(argv: string[]): ReadArguments {
  const [first, ...rest] = argv;
  const problems: string[] = [];
  let report: ReportKind | null = null;
  if (first === undefined || first.startsWith("--")) problems.push(`report: name one of ${REPORT_KINDS.join(", ")}`);
  else if (!isReportKind(first)) problems.push(`report: unknown report ${JSON.stringify(first)} (known: ${REPORT_KINDS.join(", ")})`);
  else report = first;
  const options = first !== undefined && !first.startsWith("--") ? rest : argv;
  const parsed = parseStringOptions(options, ["agency", "month", "from", "to"], USAGE);
  if (parsed.kind === "invalid") return { kind: "invalid", problems: [...problems, ...parsed.problems] };
  const { values } = parsed;
  const agency = readAgencyOption(values.agency, problems);
  const period = readPeriod(values, agency?.timeZone ?? "UTC", problems);
  if (problems.length > 0 || !agency || !period || !report) return { kind: "invalid", problems };
  return { kind: "valid", report, agency, period };
}

/** --month, or --from and --to (local dates, both included), as invoices-csv reads them. */
function readPeriod(values: Record<string, string | undefined>, timeZone: string, problems: string[]): ListingPeriod | null {
  const { month, from, to } = values;
  if (month !== undefined && (from !== undefined || to !== undefined)) {
    problems.push("--month: give either --month or --from and --to, not both");
    return null;
  }
  if (month !== undefined) {
    const period = monthPeriod(month, timeZone);
    if (!period) problems.push(`--month: must be a month as YYYY-MM, got ${JSON.stringify(month)}`);
    return period;
  }
  if (from === undefined && to === undefined) {
    problems.push("--month: is required (or --from and --to)");
    return null;
  }
  const fromOk = from !== undefined && datesPeriod(from, from, timeZone) !== null;
  const toOk = to !== undefined && datesPeriod(to, to, timeZone) !== null;
  if (from === undefined) problems.push("--from: is required with --to");
  else if (!fromOk) problems.push(`--from: must be a date as YYYY-MM-DD, got ${JSON.stringify(from)}`);
  if (to === undefined) problems.push("--to: is required with --from");
  else if (!toOk) problems.push(`--to: must be a date as YYYY-MM-DD, got ${JSON.stringify(to)}`);
  if (!fromOk || !toOk) return null;
  const period = datesPeriod(from ?? "", to ?? "", timeZone);
  if (!period) problems.push("--to: must not be before --from");
  return period;
}

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (error) => (error ? reject(error) : resolve()));
  });
}
