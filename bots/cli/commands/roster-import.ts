import { DateTime } from "luxon";
import { type ImportProblem, planRosterImport, type RosterChange } from "../../../core/roster/index.ts";
import type { PrismaClient } from "../../../prisma/client.ts";
import { applyRosterChanges, loadRoster } from "../../../prisma/repositories/roster-repository.ts";
import type { CliCommand, CliIo } from "../command.ts";
import { connectFromEnvironment } from "../connect-database.ts";
import { readImportArguments, writeLines } from "../read-import-arguments.ts";

const USAGE = "roster-import --agency ID FILE [--apply]";

/**
 * `roster-import`: adds and updates officers from a CSV file, by badge (columns badge,
 * first_name, last_name, phone, rank, seniority_date, assigned_vehicle, lives_in_city, cso,
 * active). A dry run unless `--apply`: it lists every problem by row and column and what would
 * change. `--apply` writes only a file without problems, in one transaction. Exit 0 ok, 2 problems.
 */
export const rosterImportCommand: CliCommand = {
  name: "roster-import",
  summary: "Check (or --apply) a roster CSV: add, change and deactivate officers by badge (reads DATABASE_URL)",
  usage: USAGE,
  run: async (args, io) => runRosterImport(args, io, await connectFromEnvironment(), () => new Date()),
};

/** The command with its database and clock given: tests pass theirs. */
export async function runRosterImport(argv: string[], io: CliIo, connect: () => PrismaClient, now: () => Date): Promise<number> {
  const read = await readImportArguments(argv, USAGE, io);
  if (read.kind === "invalid") {
    await writeLines(io.stderr, read.problems);
    return 2;
  }
  const { agency } = read;
  const prisma = connect();
  try {
    const plan = planRosterImport({
      columns: read.columns,
      rows: read.rows,
      roster: await loadRoster(prisma, agency.id),
      ranks: agency.ranks,
      today: DateTime.fromJSDate(now(), { zone: agency.timeZone }).toISODate() ?? "",
    });
    const lines = [...describeProblems(plan.problems), ...describeChanges(plan.changes, read.apply && plan.problems.length === 0)];
    if (plan.problems.length > 0) {
      await writeLines(io.stdout, [...lines, read.apply ? "Nothing was imported: fix the problems and run it again." : "Dry run: nothing was changed."]);
      return 2;
    }
    if (!read.apply) {
      await writeLines(io.stdout, [...lines, "Dry run: nothing was changed. Run again with --apply to import."]);
      return 0;
    }
    await applyRosterChanges(prisma, agency.id, plan.changes, { kind: "system", id: "cli" }, "csv");
    await writeLines(io.stdout, lines);
    return 0;
  } finally {
    await prisma.$disconnect();
  }
}

/** "row 3, phone: must be …", one line per problem, under a count. */
export function describeProblems(problems: readonly ImportProblem[]): string[] {
  if (problems.length === 0) return [];
  return [
    `${problems.length} problem${problems.length === 1 ? "" : "s"}:`,
    ...problems.map((p) => `  row ${p.row}, ${p.column}: ${p.message}`),
  ];
}

/** The changes a roster file makes (or would make), one line each, under a count. */
function describeChanges(changes: readonly RosterChange[], applied: boolean): string[] {
  const count = (kind: RosterChange["kind"]) => changes.filter((c) => c.kind === kind).length;
  const verb = applied ? "Imported" : "Would";
  const head = applied
    ? `${verb}: added ${count("add")}, changed ${count("update")}, deactivated ${count("deactivate")}, unchanged ${count("unchanged")}.`
    : `${verb} add ${count("add")}, change ${count("update")}, deactivate ${count("deactivate")}, leave ${count("unchanged")} unchanged:`;
  const lines = changes.flatMap((c): string[] => {
    switch (c.kind) {
      case "add":
        return [`  row ${c.row}: add ${c.entry.badgeNumber} ${c.entry.firstName} ${c.entry.lastName} (${c.entry.rank}${c.entry.active ? "" : ", inactive"})`];
      case "update":
        return [`  row ${c.row}: change ${c.entry.badgeNumber} ${c.entry.firstName} ${c.entry.lastName}: ${c.fields.join(", ")}`];
      case "deactivate":
        return [`  row ${c.row}: deactivate ${c.entry.badgeNumber} ${c.entry.firstName} ${c.entry.lastName}${c.fields.length > 1 ? ` (also ${c.fields.filter((f) => f !== "active").join(", ")})` : ""}`];
      default:
        return [];
    }
  });
  return [head, ...lines];
}
