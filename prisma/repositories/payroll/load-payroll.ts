import { DateTime } from "luxon";
import type { AgencyConfig } from "../../../core/agencies/index.ts";
import type { LaborLine } from "../../../core/pricing/index.ts";
import { type OfficerTotal, type PayPeriod, type PayrollRow, totalPayByOfficer } from "../../../core/payroll/index.ts";
import { computeOpenPayroll, readMinutes } from "./compute-open-payroll.ts";
import type { PayrollDb } from "./load-shifts.ts";

/** A period's payroll as staff export it: live while open, the frozen entries once closed. */
export interface Payroll {
  period: PayPeriod;
  status: "open" | "closed";
  closedAt: Date | null;
  closedBy: string | null;
  rows: PayrollRow[];
  totals: OfficerTotal[];
}

/**
 * The payroll of `period` at `now`: a closed period reads only what was frozen when it closed
 * (later corrections are the next periods' adjustments); any other is computed from attendance.
 */
export async function loadPayroll(db: PayrollDb, agency: AgencyConfig, period: PayPeriod, now: Date): Promise<Payroll> {
  const stored = await db.payrollPeriod.findUnique({
    where: { agencyId_startDate: { agencyId: agency.id, startDate: period.startDate } },
    select: { id: true, status: true, closedAt: true, closedBy: true },
  });
  if (stored?.status === "closed") {
    const rows = await loadFrozenRows(db, stored.id, period, agency.timeZone);
    return { period, status: "closed", closedAt: stored.closedAt, closedBy: stored.closedBy, rows, totals: totalPayByOfficer(rows) };
  }
  const rows = await computeOpenPayroll(db, agency, period, now.getTime());
  return { period, status: "open", closedAt: null, closedBy: null, rows, totals: totalPayByOfficer(rows) };
}

interface EntryRow {
  officerId: string;
  firstName: string;
  lastName: string;
  badgeNumber: string;
  assignmentId: string | null;
  requestId: string | null;
  requestNumber: number | null;
  shiftStart: Date | null;
  kind: string;
  minutes: unknown;
  amountCents: number;
  lines: unknown;
  reason: string | null;
}

/** A closed period's entries as rows, dated by their shift's scheduled start (local). */
async function loadFrozenRows(db: PayrollDb, periodId: string, period: PayPeriod, timeZone: string): Promise<PayrollRow[]> {
  const entries = await db.$queryRaw<EntryRow[]>`
    SELECT e."officerId", o."firstName", o."lastName", o."badgeNumber", e."assignmentId", e."requestId",
           r."number" AS "requestNumber", a."start" AS "shiftStart", e."kind", e."minutes", e."amountCents", e."lines", e."reason"
    FROM "PayrollEntry" e
    JOIN "Officer" o ON o."id" = e."officerId"
    LEFT JOIN "Request" r ON r."id" = e."requestId"
    LEFT JOIN "Assignment" a ON a."id" = e."assignmentId"
    WHERE e."periodId" = ${periodId}::uuid`;
  return entries.map((entry) => ({
    officer: { id: entry.officerId, name: `${entry.firstName} ${entry.lastName}`.trim(), badge: entry.badgeNumber },
    date: entry.shiftStart === null ? period.startDate : (DateTime.fromJSDate(entry.shiftStart, { zone: timeZone }).toISODate() ?? ""),
    requestId: entry.requestId,
    requestNumber: entry.requestNumber,
    assignmentId: entry.assignmentId,
    kind: entry.kind === "adjustment" ? "adjustment" : "shift",
    minutes: readMinutes(entry.minutes),
    amountCents: entry.amountCents,
    lines: Array.isArray(entry.lines) ? (entry.lines as LaborLine[]) : [],
    reason: entry.reason,
  }));
}
