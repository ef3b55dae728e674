import { DateTime } from "luxon";
import { type DutySpan, planDutyImport } from "../../../core/roster/index.ts";
import type { PrismaClient } from "../../../prisma/client.ts";
import { applyDutyChanges, loadRegularDuty } from "../../../prisma/repositories/roster-repository.ts";
import type { CliCommand, CliIo } from "../command.ts";
import { connectFromEnvironment } from "../connect-database.ts";
import { readImportArguments, writeLines } from "../read-import-arguments.ts";
import { describeProblems } from "./roster-import.ts";

const USAGE = "duty-import --agency ID FILE [--apply]";

/**
 * `duty-import`: regular-duty schedules from a CSV file (columns badge, start, end; ISO instants
 * or local "YYYY-MM-DD HH:MM"), replacing each listed officer's regular duty, so the fatigue caps
 * count on-duty hours. Same dry run, `--apply`, one transaction and exit codes as roster-import.
 */
export const dutyImportCommand: CliCommand = {
  name: "duty-import",
  summary: "Check (or --apply) a regular-duty CSV: replace the listed officers' on-duty hours (reads DATABASE_URL)",
  usage: USAGE,
  run: async (args, io) => runDutyImport(args, io, await connectFromEnvironment()),
};

export async function runDutyImport(argv: string[], io: CliIo, connect: () => PrismaClient): Promise<number> {
  const read = await readImportArguments(argv, USAGE, io);
  if (read.kind === "invalid") {
    await writeLines(io.stderr, read.problems);
    return 2;
  }
  const { agency } = read;
  const prisma = connect();
  try {
    const plan = planDutyImport({ columns: read.columns, rows: read.rows, roster: await loadRegularDuty(prisma, agency.id), zone: agency.timeZone });
    const span = (s: DutySpan) => {
      const start = DateTime.fromMillis(s.start, { zone: agency.timeZone });
      const end = DateTime.fromMillis(s.end, { zone: agency.timeZone });
      return `${start.toFormat("yyyy-MM-dd HH:mm")}–${end.toFormat(end.hasSame(start, "day") ? "HH:mm" : "yyyy-MM-dd HH:mm")}`;
    };
    const changed = plan.changes.filter((c) => !c.unchanged);
    const lines = [
      ...describeProblems(plan.problems),
      `${read.apply && plan.problems.length === 0 ? "Replaced" : "Would replace"} the regular duty of ${changed.length} officer${changed.length === 1 ? "" : "s"} (${plan.changes.length - changed.length} unchanged):`,
      ...changed.map((c) => `  ${c.badgeNumber}: ${c.before.length} span${c.before.length === 1 ? "" : "s"} → ${c.after.map(span).join(", ")}`),
    ];
    if (plan.problems.length > 0) {
      await writeLines(io.stdout, [...lines, read.apply ? "Nothing was imported: fix the problems and run it again." : "Dry run: nothing was changed."]);
      return 2;
    }
    if (!read.apply) {
      await writeLines(io.stdout, [...lines, "Dry run: nothing was changed. Run again with --apply to import."]);
      return 0;
    }
    await applyDutyChanges(prisma, agency.id, plan.changes, { kind: "system", id: "cli" });
    await writeLines(io.stdout, lines);
    return 0;
  } finally {
    await prisma.$disconnect();
  }
}
