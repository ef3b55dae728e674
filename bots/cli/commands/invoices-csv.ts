import { datesPeriod, formatInvoiceCsv, type ListingPeriod, monthPeriod } from "../../../core/invoicing/index.ts";
import type { PrismaClient } from "../../../prisma/client.ts";
import { listInvoices } from "../../../prisma/repositories/invoice-listing.ts";
import type { CliCommand, CliIo } from "../command.ts";
import { connectFromEnvironment, runOnDatabase } from "../connect-database.ts";
import { parseStringOptions, readAgencyOption } from "../read-options.ts";

const USAGE = "invoices-csv --agency ID (--month YYYY-MM | --from YYYY-MM-DD --to YYYY-MM-DD)";

/**
 * `invoices-csv`: an agency's invoices drafted in a month or between two local dates (both
 * included), as CSV on stdout, from the database DATABASE_URL names.
 */
export const invoicesCsvCommand: CliCommand = {
  name: "invoices-csv",
  summary: "Print an agency's invoices for a month or a date range as CSV (reads DATABASE_URL)",
  usage: USAGE,
  run: async (args, io) => runInvoicesCsv(args, io, await connectFromEnvironment()),
};

/** The command with its database given: tests pass theirs, the CLI connects from the environment. */
export async function runInvoicesCsv(argv: string[], io: CliIo, connect: () => PrismaClient): Promise<number> {
  return runOnDatabase(readArguments(argv), io, connect, async (prisma, read) => {
    const invoices = await listInvoices(prisma, read.agencyId, { kind: "period", startMs: read.period.startMs, endMs: read.period.endMs });
    await write(io.stdout, formatInvoiceCsv(invoices, read.timeZone));
    return 0;
  });
}

type ReadArguments =
  | { kind: "valid"; agencyId: string; timeZone: string; period: ListingPeriod }
  | { kind: "invalid"; problems: string[] };

/** Every problem with the arguments, one line each, or the agency and the period they name. */
function readArguments(argv: string[]): ReadArguments {
  const parsed = parseStringOptions(argv, ["agency", "month", "from", "to"], USAGE);
  if (parsed.kind === "invalid") return parsed;
  const { values } = parsed;
  const problems: string[] = [];
  const agency = readAgencyOption(values.agency, problems);
  // Dates are read in the agency's zone; UTC stands in to check their form when the agency is bad.
  const timeZone = agency?.timeZone ?? "UTC";
  const { month, from, to } = values;
  let period: ListingPeriod | null = null;
  if (month !== undefined && (from !== undefined || to !== undefined)) {
    problems.push("--month: give either --month or --from and --to, not both");
  } else if (month !== undefined) {
    period = monthPeriod(month, timeZone);
    if (!period) problems.push(`--month: must be a month as YYYY-MM, got ${JSON.stringify(month)}`);
  } else if (from === undefined && to === undefined) {
    problems.push("--month: is required (or --from and --to)");
  } else {
    const fromOk = from !== undefined && datesPeriod(from, from, timeZone) !== null;
    const toOk = to !== undefined && datesPeriod(to, to, timeZone) !== null;
    if (from === undefined) problems.push("--from: is required with --to");
    else if (!fromOk) problems.push(`--from: must be a date as YYYY-MM-DD, got ${JSON.stringify(from)}`);
    if (to === undefined) problems.push("--to: is required with --from");
    else if (!toOk) problems.push(`--to: must be a date as YYYY-MM-DD, got ${JSON.stringify(to)}`);
    if (fromOk && toOk) {
      period = datesPeriod(from ?? "", to ?? "", timeZone);
      if (!period) problems.push("--to: must not be before --from");
    }
  }
  if (problems.length > 0 || !agency || !period) return { kind: "invalid", problems };
  return { kind: "valid", agencyId: agency.id, timeZone: agency.timeZone, period };
}

function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (error) => (error ? reject(error) : resolve()));
  });
}
