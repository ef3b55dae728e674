import type { ViewOutput } from "@slack/bolt";
import type { Rank } from "../../core/agencies/index.ts";
import { type RosterEntry, type RosterField, type RosterFields, readRosterEntry } from "../../core/roster/index.ts";
import { ROSTER_INPUT } from "./render-roster-modal.ts";

export type RosterModalInput =
  | { kind: "entry"; entry: RosterEntry }
  /** Messages by block id, for Slack's `response_action: "errors"`. */
  | { kind: "errors"; errors: Record<string, string> };

/** The block a roster field's error is shown under (the yes/no fields share the checkboxes). */
export function blockOf(field: RosterField): string {
  return field === "lives_in_city" || field === "cso" || field === "active" ? ROSTER_INPUT.flags : ROSTER_INPUT[field];
}

/** The modal's values checked as the CSV import checks a row (core/roster readRosterEntry). */
export function readRosterModal(view: ViewOutput, ranks: readonly Rank[], today: string): RosterModalInput {
  const values = view.state.values;
  const read = (block: string) => values[block]?.[ROSTER_INPUT.action];
  const flags = new Set((read(ROSTER_INPUT.flags)?.selected_options ?? []).map((o) => o.value));
  const yesNo = (flag: string) => (flags.has(flag) ? "yes" : "no");
  const fields: RosterFields = {
    badge: read(ROSTER_INPUT.badge)?.value ?? "",
    first_name: read(ROSTER_INPUT.first_name)?.value ?? "",
    last_name: read(ROSTER_INPUT.last_name)?.value ?? "",
    phone: read(ROSTER_INPUT.phone)?.value ?? "",
    rank: read(ROSTER_INPUT.rank)?.selected_option?.value ?? "",
    seniority_date: read(ROSTER_INPUT.seniority_date)?.selected_date ?? "",
    assigned_vehicle: read(ROSTER_INPUT.assigned_vehicle)?.value ?? "",
    lives_in_city: yesNo("lives_in_city"),
    cso: yesNo("cso"),
    active: yesNo("active"),
  };
  const result = readRosterEntry(fields, ranks, today);
  if (result.kind === "entry") return result;
  const errors: Record<string, string> = {};
  for (const problem of result.problems) {
    const block = blockOf(problem.field);
    // Slack shows one message per block; the field's own name reads better than the CSV column's.
    errors[block] = errors[block] ?? (problem.message === "is required" ? "Required." : capitalize(problem.message));
  }
  return { kind: "errors", errors };
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
