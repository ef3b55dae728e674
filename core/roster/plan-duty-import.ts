import { DateTime } from "luxon";
import type { ImportProblem } from "./plan-roster-import.ts";

/** A regular-duty span, epoch ms, [start, end). */
export interface DutySpan {
  start: number;
  end: number;
}

/** The columns of a regular-duty file. */
export const DUTY_COLUMNS = ["badge", "start", "end"] as const;

/** The longest regular-duty span one row may give: a longer one is a typo (a wrong date). */
export const MAX_DUTY_HOURS = 24;

export interface DutyChange {
  officerId: string;
  badgeNumber: string;
  before: DutySpan[];
  /** Sorted by start, overlapping and touching spans merged. */
  after: DutySpan[];
  unchanged: boolean;
}

export interface DutyImportPlan {
  problems: ImportProblem[];
  changes: DutyChange[];
}

/**
 * What a regular-duty file would do: each officer it lists gets exactly its rows as their
 * regular duty (sorted, overlaps merged); officers it does not list keep theirs. Times are ISO
 * instants with an offset or "YYYY-MM-DD HH:MM" local to `zone`; a local time the clocks skip
 * (spring forward) is a problem rather than a guess. Every problem is listed by row and column.
 */
export function planDutyImport(input: {
  columns: readonly string[];
  rows: readonly { row: number; fields: Record<string, string> }[];
  roster: readonly { id: string; badgeNumber: string; regularDuty: DutySpan[] }[];
  zone: string;
}): DutyImportPlan {
  const problems: ImportProblem[] = [];
  for (const column of input.columns) {
    if (!(DUTY_COLUMNS as readonly string[]).includes(column)) problems.push({ row: 1, column, message: `unknown column (the columns are ${DUTY_COLUMNS.join(", ")})` });
  }
  for (const column of DUTY_COLUMNS) if (!input.columns.includes(column)) problems.push({ row: 1, column, message: "column is missing" });
  if (problems.length > 0) return { problems, changes: [] };

  const byBadge = new Map(input.roster.map((o) => [o.badgeNumber, o]));
  const spans = new Map<string, DutySpan[]>();
  for (const { row, fields } of input.rows) {
    const badge = (fields.badge ?? "").trim();
    const officer = byBadge.get(badge);
    if (!officer) problems.push({ row, column: "badge", message: badge === "" ? "is required" : `no officer with badge ${badge} on the roster` });
    const start = readInstant(fields.start ?? "", input.zone);
    const end = readInstant(fields.end ?? "", input.zone);
    if (typeof start === "string") problems.push({ row, column: "start", message: start });
    if (typeof end === "string") problems.push({ row, column: "end", message: end });
    if (typeof start !== "number" || typeof end !== "number" || !officer) continue;
    if (end <= start) {
      problems.push({ row, column: "end", message: "must be after start" });
      continue;
    }
    if (end - start > MAX_DUTY_HOURS * 3_600_000) {
      problems.push({ row, column: "end", message: `a regular-duty span is at most ${MAX_DUTY_HOURS} hours` });
      continue;
    }
    spans.set(officer.id, [...(spans.get(officer.id) ?? []), { start, end }]);
  }
  const changes: DutyChange[] = [];
  for (const [officerId, listed] of spans) {
    const officer = input.roster.find((o) => o.id === officerId);
    if (!officer) continue;
    const before = mergeSpans(officer.regularDuty);
    const after = mergeSpans(listed);
    const unchanged = before.length === after.length && before.every((s, i) => s.start === after[i]?.start && s.end === after[i]?.end);
    changes.push({ officerId, badgeNumber: officer.badgeNumber, before: officer.regularDuty, after, unchanged });
  }
  return { problems, changes };
}

/** Sorted by start, overlapping or touching spans joined. */
export function mergeSpans(spans: readonly DutySpan[]): DutySpan[] {
  const merged: DutySpan[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const LOCAL = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})$/;

/** Epoch ms of an ISO instant or a local "YYYY-MM-DD HH:MM" in `zone`, or the problem with it. */
export function readInstant(text: string, zone: string): number | string {
  const value = text.trim();
  if (value === "") return "is required";
  if (WITH_OFFSET.test(value)) {
    const at = DateTime.fromISO(value, { setZone: true });
    return at.isValid ? at.toMillis() : `is not a real time: ${JSON.stringify(value)}`;
  }
  const local = LOCAL.exec(value);
  if (!local) return `must be an ISO instant (2026-12-01T07:00:00-07:00) or a local "YYYY-MM-DD HH:MM", got ${JSON.stringify(value)}`;
  const at = DateTime.fromFormat(`${local[1]} ${local[2]}`, "yyyy-MM-dd HH:mm", { zone });
  if (!at.isValid) return `is not a real time: ${JSON.stringify(value)}`;
  // Luxon moves a skipped local time forward; the file meant a time that does not exist there.
  if (at.toFormat("yyyy-MM-dd HH:mm") !== `${local[1]} ${local[2]}`) return `${value} does not exist in ${zone} (the clocks skip it)`;
  return at.toMillis();
}
