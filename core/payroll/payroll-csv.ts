import { stringify } from "csv-stringify/sync";
import { formatDollars } from "../invoicing/index.ts";
import { roundHalfUp } from "../money/index.ts";
import { type PayrollRow, sortPayrollRows, totalPayByOfficer } from "./payroll-rows.ts";
import type { PaidMinutes } from "./shift-pay.ts";

/** The payroll export's columns, in order; the header row is these names. */
export const PAYROLL_CSV_COLUMNS = [
  "officer_name",
  "badge",
  "date",
  "request",
  "kind",
  "regular_hours",
  "holiday_hours",
  "emergency_hours",
  "regular_minutes",
  "holiday_minutes",
  "emergency_minutes",
  "amount_usd",
  "amount_cents",
  "reason",
] as const;

export type PayrollCsvRow = Record<(typeof PAYROLL_CSV_COLUMNS)[number], string>;

/** 90 minutes → "1.50": decimal hours to 2 places, rounded half away from zero, as timesheets read. */
export function formatHours(minutes: number): string {
  const hundredths = roundHalfUp(Math.abs(minutes) * 100, 60);
  const sign = minutes < 0 && hundredths > 0 ? "-" : "";
  return `${sign}${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, "0")}`;
}

function describeMinutes(minutes: PaidMinutes) {
  return {
    regular_hours: formatHours(minutes.regular),
    holiday_hours: formatHours(minutes.holiday),
    emergency_hours: formatHours(minutes.emergency),
    regular_minutes: String(minutes.regular),
    holiday_minutes: String(minutes.holiday),
    emergency_minutes: String(minutes.emergency),
  };
}

/**
 * One row per officer per shift (and per adjustment), each officer's rows followed by their
 * `total` row (kind "total", no date or request). Officers by name, rows by date.
 */
export function toPayrollCsvRows(rows: readonly PayrollRow[]): PayrollCsvRow[] {
  const sorted = sortPayrollRows(rows);
  const out: PayrollCsvRow[] = [];
  for (const total of totalPayByOfficer(sorted)) {
    for (const row of sorted.filter((candidate) => candidate.officer.id === total.officer.id)) {
      out.push({
        officer_name: row.officer.name,
        badge: row.officer.badge,
        date: row.date,
        request: row.requestNumber === null ? "" : `#${row.requestNumber}`,
        kind: row.kind,
        ...describeMinutes(row.minutes),
        amount_usd: formatDollars(row.amountCents),
        amount_cents: String(row.amountCents),
        reason: row.reason ?? "",
      });
    }
    out.push({
      officer_name: total.officer.name,
      badge: total.officer.badge,
      date: "",
      request: "",
      kind: "total",
      ...describeMinutes(total.minutes),
      amount_usd: formatDollars(total.amountCents),
      amount_cents: String(total.amountCents),
      reason: `${total.shifts} shift${total.shifts === 1 ? "" : "s"}`,
    });
  }
  return out;
}

/** The payroll CSV file: a header row, then `toPayrollCsvRows`; RFC 4180 quoting, CRLF lines. */
export function formatPayrollCsv(rows: readonly PayrollRow[]): string {
  return stringify(toPayrollCsvRows(rows), { header: true, columns: [...PAYROLL_CSV_COLUMNS], record_delimiter: "windows" });
}
