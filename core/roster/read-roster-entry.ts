import { DateTime } from "luxon";
import type { Rank } from "../agencies/index.ts";
import { normalizePhone } from "./normalize-phone.ts";

/** One officer as the roster holds them, checked; `seniorityDate` is YYYY-MM-DD. */
export interface RosterEntry {
  badgeNumber: string;
  firstName: string;
  lastName: string;
  /** E.164. */
  phone: string;
  rank: Rank;
  seniorityDate: string;
  assignedVehicle: string | null;
  livesInCity: boolean;
  communityServiceOfficer: boolean;
  active: boolean;
}

/** The fields of a roster entry as typed in a CSV cell or a Slack input (all text). */
export type RosterFields = Record<RosterField, string | undefined>;

/** The roster CSV's columns, in order; the Slack modal reads the same fields. */
export const ROSTER_FIELDS = [
  "badge",
  "first_name",
  "last_name",
  "phone",
  "rank",
  "seniority_date",
  "assigned_vehicle",
  "lives_in_city",
  "cso",
  "active",
] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

export interface FieldProblem {
  field: RosterField;
  message: string;
}

const NAME_MAX = 60;
const VEHICLE_MAX = 40;
const BADGE = /^[A-Za-z0-9][A-Za-z0-9-]{0,19}$/;
const RANK_WORDS: Record<string, Rank> = {
  officer: "officer",
  ofc: "officer",
  po: "officer",
  "police officer": "officer",
  sergeant: "sergeant",
  sgt: "sergeant",
  commander: "commander",
  cmdr: "commander",
  cdr: "commander",
};
const YES = new Set(["yes", "y", "true", "1", "x"]);
const NO = new Set(["no", "n", "false", "0"]);

/**
 * Checks one officer's fields against the agency's ranks: every problem, each under its field,
 * or the entry. Yes/no fields read yes/no/true/false/1/0/y/n/x; an empty one is no, except
 * `active`, which is yes (leaving it out keeps an officer on the roster). Dates are YYYY-MM-DD
 * or US M/D/YYYY, never after `today` (YYYY-MM-DD, the agency's local date).
 */
export function readRosterEntry(
  fields: RosterFields,
  ranks: readonly Rank[],
  today: string,
): { kind: "entry"; entry: RosterEntry } | { kind: "problems"; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const text = (field: RosterField) => (fields[field] ?? "").trim();
  const problem = (field: RosterField, message: string) => problems.push({ field, message });

  const badgeNumber = text("badge");
  if (!BADGE.test(badgeNumber)) problem("badge", badgeNumber === "" ? "is required" : `must be letters, digits or "-" (at most 20), got ${JSON.stringify(badgeNumber)}`);
  const firstName = text("first_name");
  const lastName = text("last_name");
  for (const [field, name] of [["first_name", firstName], ["last_name", lastName]] as const) {
    if (name === "") problem(field, "is required");
    else if (name.length > NAME_MAX) problem(field, `must be at most ${NAME_MAX} characters`);
  }
  const phoneText = text("phone");
  const phone = normalizePhone(phoneText);
  if (phone === null) {
    problem("phone", phoneText === "" ? "is required" : `must be a phone number such as 520-555-0123 or +15205550123, got ${JSON.stringify(phoneText)}`);
  }
  const rankText = text("rank").toLowerCase().replace(/\.$/, "");
  const rank = RANK_WORDS[rankText];
  if (!rank || !ranks.includes(rank)) {
    problem("rank", rankText === "" ? "is required" : `must be one of this agency's ranks (${ranks.join(", ")}), got ${JSON.stringify(text("rank"))}`);
  }
  const seniorityText = text("seniority_date");
  const seniorityDate = readDate(seniorityText);
  if (seniorityDate === null) {
    problem("seniority_date", seniorityText === "" ? "is required" : `must be a date as YYYY-MM-DD, got ${JSON.stringify(seniorityText)}`);
  } else if (seniorityDate > today) {
    problem("seniority_date", `must not be after today (${today})`);
  }
  const vehicle = text("assigned_vehicle");
  if (vehicle.length > VEHICLE_MAX) problem("assigned_vehicle", `must be at most ${VEHICLE_MAX} characters`);
  const flag = (field: RosterField, empty: boolean): boolean => {
    const value = text(field).toLowerCase();
    if (value === "") return empty;
    if (YES.has(value)) return true;
    if (NO.has(value)) return false;
    problem(field, `must be yes or no, got ${JSON.stringify(text(field))}`);
    return empty;
  };
  const livesInCity = flag("lives_in_city", false);
  const communityServiceOfficer = flag("cso", false);
  const active = flag("active", true);

  if (problems.length > 0 || phone === null || !rank || seniorityDate === null) return { kind: "problems", problems };
  return {
    kind: "entry",
    entry: {
      badgeNumber,
      firstName,
      lastName,
      phone,
      rank,
      seniorityDate,
      assignedVehicle: vehicle === "" ? null : vehicle,
      livesInCity,
      communityServiceOfficer,
      active,
    },
  };
}

/** YYYY-MM-DD from "2015-03-01" or "3/1/2015"; null when it is no real date. */
function readDate(text: string): string | null {
  const iso = DateTime.fromFormat(text, "yyyy-MM-dd", { zone: "UTC" });
  if (iso.isValid) return iso.toISODate();
  const us = DateTime.fromFormat(text, "M/d/yyyy", { zone: "UTC" });
  return us.isValid ? us.toISODate() : null;
}
