import type { Rank } from "../agencies/index.ts";
import { type RosterEntry, type RosterField, type RosterFields, ROSTER_FIELDS, readRosterEntry } from "./read-roster-entry.ts";

/** One problem of an import: the CSV line (the header is row 1) and the column, or "file". */
export interface ImportProblem {
  row: number;
  column: string;
  message: string;
}

/** An officer on the roster now, as an import compares against. */
export type RosterOfficer = RosterEntry & { id: string };

export type RosterChange =
  | { kind: "add"; row: number; entry: RosterEntry }
  /** `fields`: the columns whose value changes. */
  | { kind: "update"; row: number; officerId: string; entry: RosterEntry; fields: RosterField[] }
  /** An active officer the file marks inactive (other fields may change with it). */
  | { kind: "deactivate"; row: number; officerId: string; entry: RosterEntry; fields: RosterField[] }
  | { kind: "unchanged"; row: number; officerId: string };

export interface RosterImportPlan {
  problems: ImportProblem[];
  changes: RosterChange[];
}

/** The columns a roster file must have; the others may be left out (kept as they are). */
export const REQUIRED_ROSTER_COLUMNS: readonly RosterField[] = ["badge", "first_name", "last_name", "phone", "rank", "seniority_date"];

/**
 * What a roster file would do, upserting by badge: every problem by row and column (a field
 * readRosterEntry refuses, a badge or phone twice in the file, a phone of another officer on
 * the roster), and what would be added, changed or deactivated. Officers the file does not list
 * are left alone. A column the file leaves out keeps an existing officer's value. `today` is
 * the agency's local date (YYYY-MM-DD).
 */
export function planRosterImport(input: {
  columns: readonly string[];
  rows: readonly { row: number; fields: Record<string, string> }[];
  roster: readonly RosterOfficer[];
  ranks: readonly Rank[];
  today: string;
}): RosterImportPlan {
  const problems: ImportProblem[] = [];
  const changes: RosterChange[] = [];
  const known = new Set<string>(ROSTER_FIELDS);
  for (const column of input.columns) {
    if (!known.has(column)) problems.push({ row: 1, column, message: `unknown column (the columns are ${ROSTER_FIELDS.join(", ")})` });
  }
  for (const column of REQUIRED_ROSTER_COLUMNS) {
    if (!input.columns.includes(column)) problems.push({ row: 1, column, message: "column is missing" });
  }
  if (problems.length > 0) return { problems, changes };

  const byBadge = new Map(input.roster.map((o) => [o.badgeNumber, o]));
  const byPhone = new Map(input.roster.map((o) => [o.phone, o]));
  const badgeRows = new Map<string, number>();
  const phoneRows = new Map<string, number>();
  for (const { row, fields } of input.rows) {
    const existing = byBadge.get((fields.badge ?? "").trim());
    const read = readRosterEntry(fillMissing(fields, input.columns, existing), input.ranks, input.today);
    if (read.kind === "problems") {
      for (const p of read.problems) problems.push({ row, column: p.field, message: p.message });
      continue;
    }
    const { entry } = read;
    const sameBadge = badgeRows.get(entry.badgeNumber);
    if (sameBadge !== undefined) problems.push({ row, column: "badge", message: `badge ${entry.badgeNumber} is also on row ${sameBadge}` });
    else badgeRows.set(entry.badgeNumber, row);
    const samePhone = phoneRows.get(entry.phone);
    if (samePhone !== undefined) problems.push({ row, column: "phone", message: `${entry.phone} is also on row ${samePhone}` });
    else phoneRows.set(entry.phone, row);
    const holder = byPhone.get(entry.phone);
    if (holder && holder.badgeNumber !== entry.badgeNumber) {
      problems.push({
        row,
        column: "phone",
        message: `${entry.phone} belongs to ${holder.firstName} ${holder.lastName} (badge ${holder.badgeNumber}) on the roster`,
      });
    }
    if (!existing) {
      changes.push({ kind: "add", row, entry });
      continue;
    }
    const fieldsChanged = diffEntries(existing, entry);
    if (fieldsChanged.length === 0) changes.push({ kind: "unchanged", row, officerId: existing.id });
    else if (existing.active && !entry.active) changes.push({ kind: "deactivate", row, officerId: existing.id, entry, fields: fieldsChanged });
    else changes.push({ kind: "update", row, officerId: existing.id, entry, fields: fieldsChanged });
  }
  problems.sort((a, b) => a.row - b.row || ROSTER_FIELDS.indexOf(a.column as RosterField) - ROSTER_FIELDS.indexOf(b.column as RosterField));
  return { problems, changes };
}

/** An existing officer's values for the columns the file leaves out. */
function fillMissing(fields: Record<string, string>, columns: readonly string[], existing: RosterEntry | undefined): RosterFields {
  const kept: Partial<RosterFields> = existing ? formatEntry(existing) : {};
  const filled = {} as RosterFields;
  for (const field of ROSTER_FIELDS) filled[field] = columns.includes(field) ? fields[field] : kept[field];
  return filled;
}

/** A roster entry as the text fields it would be typed as (the Slack modal's initial values too). */
export function formatEntry(entry: RosterEntry): RosterFields {
  const yesNo = (value: boolean) => (value ? "yes" : "no");
  return {
    badge: entry.badgeNumber,
    first_name: entry.firstName,
    last_name: entry.lastName,
    phone: entry.phone,
    rank: entry.rank,
    seniority_date: entry.seniorityDate,
    assigned_vehicle: entry.assignedVehicle ?? "",
    lives_in_city: yesNo(entry.livesInCity),
    cso: yesNo(entry.communityServiceOfficer),
    active: yesNo(entry.active),
  };
}

const ENTRY_KEYS: Record<RosterField, keyof RosterEntry> = {
  badge: "badgeNumber",
  first_name: "firstName",
  last_name: "lastName",
  phone: "phone",
  rank: "rank",
  seniority_date: "seniorityDate",
  assigned_vehicle: "assignedVehicle",
  lives_in_city: "livesInCity",
  cso: "communityServiceOfficer",
  active: "active",
};

/** The columns whose values differ between two entries, in column order. */
export function diffEntries(before: RosterEntry, after: RosterEntry): RosterField[] {
  return ROSTER_FIELDS.filter((field) => before[ENTRY_KEYS[field]] !== after[ENTRY_KEYS[field]]);
}
