export { normalizePhone } from "./normalize-phone.ts";
export { type DutyChange, type DutyImportPlan, type DutySpan, DUTY_COLUMNS, MAX_DUTY_HOURS, mergeSpans, planDutyImport, readInstant } from "./plan-duty-import.ts";
export {
  diffEntries,
  formatEntry,
  type ImportProblem,
  planRosterImport,
  REQUIRED_ROSTER_COLUMNS,
  type RosterChange,
  type RosterImportPlan,
  type RosterOfficer,
} from "./plan-roster-import.ts";
export { readCsvRecords } from "./read-csv-records.ts";
export { type FieldProblem, type RosterEntry, type RosterField, type RosterFields, ROSTER_FIELDS, readRosterEntry } from "./read-roster-entry.ts";
