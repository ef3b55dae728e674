import { DateTime } from "luxon";
import type { AgencyConfig } from "../../../core/agencies/index.ts";
import { brandCents } from "../../../core/money/index.ts";
import {
  describeAdjustment,
  type FrozenPay,
  isPayableShift,
  measureAdjustment,
  NO_MINUTES,
  type PaidMinutes,
  type PayPeriod,
  type PayrollRow,
  payShift,
  type ShiftPay,
} from "../../../core/payroll/index.ts";
import { Prisma } from "../../client.ts";
import { type LoadedShift, loadShifts, type PayrollDb } from "./load-shifts.ts";

const ZERO_PAY: ShiftPay = { minutes: { ...NO_MINUTES }, lines: [], amountCents: brandCents(0) };

/**
 * The rows of a period not closed yet, from the attendance as it is at `nowMs`: every paid shift
 * whose scheduled start (Assignment.start, read in the agency's zone through the period's
 * instants) falls in the period, plus an adjustment for every shift of an earlier closed period
 * whose pay no longer matches what was frozen for it. The scheduled start, not the check-in, places
 * a shift: a corrected check-in then never moves a shift out of a frozen period, it adjusts it.
 */
export async function computeOpenPayroll(db: PayrollDb, agency: AgencyConfig, period: PayPeriod, nowMs: number): Promise<PayrollRow[]> {
  const [shifts, adjustments] = await Promise.all([
    loadShifts(db, agency, Prisma.sql`a."start" >= ${new Date(period.startMs)} AND a."start" < ${new Date(period.endMs)}`),
    computeAdjustments(db, agency, period, nowMs),
  ]);
  const rows: PayrollRow[] = [];
  for (const loaded of shifts) {
    if (!isPayableShift(loaded.state, nowMs)) continue;
    const pay = payShift(agency, loaded.shift);
    rows.push({ ...describeShift(loaded, agency.timeZone), kind: "shift", ...pay, reason: null });
  }
  return [...rows, ...adjustments];
}

/**
 * Adjustments for `period`: shifts of the agency's closed periods before it whose pay now differs
 * from the sum of everything frozen for them (their shift entry and earlier adjustments). Only
 * shifts whose request or position changed after their period closed are repriced: a rate card or
 * pay-rate change must not reopen every shift ever paid.
 *
 * "After it closed" is measured from the period row's createdAt, not closedAt: closing creates the
 * row with the server's clock (the same clock as updatedAt), while closedAt is the `at` the caller
 * gave. An hour's margin covers clock skew between app and database; a wider net only reprices
 * more shifts, and those that did not change add nothing.
 */
async function computeAdjustments(db: PayrollDb, agency: AgencyConfig, period: PayPeriod, nowMs: number): Promise<PayrollRow[]> {
  const periodStart = new Date(period.startMs);
  const candidates = await loadShifts(
    db,
    agency,
    Prisma.sql`EXISTS (
      SELECT 1 FROM "PayrollPeriod" pp
      WHERE pp."agencyId" = r."agencyId" AND pp."status" = 'closed' AND pp."start" < ${periodStart}
        AND a."start" >= pp."start" AND a."start" < pp."end"
        AND (r."updatedAt" > pp."createdAt" - interval '1 hour'
             OR EXISTS (SELECT 1 FROM "Assignment" c WHERE c."positionId" = a."positionId" AND c."updatedAt" > pp."createdAt" - interval '1 hour')
             OR EXISTS (SELECT 1 FROM "QuoteSnapshot" q WHERE q."requestId" = r."id" AND q."createdAt" > pp."createdAt" - interval '1 hour')))`,
  );
  if (candidates.length === 0) return [];
  const [closedPeriods, entries] = await Promise.all([
    db.payrollPeriod.findMany({
      where: { agencyId: agency.id, status: "closed", start: { lt: periodStart } },
      select: { startDate: true, start: true, end: true },
    }),
    db.payrollEntry.findMany({
      where: { assignmentId: { in: candidates.map((c) => c.assignmentId) }, period: { status: "closed" } },
      select: { assignmentId: true, minutes: true, amountCents: true },
    }),
  ]);
  const frozenByAssignment = new Map<string, FrozenPay[]>();
  for (const entry of entries) {
    if (entry.assignmentId === null) continue;
    const list = frozenByAssignment.get(entry.assignmentId) ?? [];
    list.push({ minutes: readMinutes(entry.minutes), amountCents: entry.amountCents });
    frozenByAssignment.set(entry.assignmentId, list);
  }
  const rows: PayrollRow[] = [];
  for (const loaded of candidates) {
    const now = isPayableShift(loaded.state, nowMs) ? payShift(agency, loaded.shift) : ZERO_PAY;
    const frozen = frozenByAssignment.get(loaded.assignmentId) ?? [];
    const difference = measureAdjustment(now, frozen);
    if (difference === null) continue;
    const original = closedPeriods.find(
      (closed) => loaded.shiftStartMs >= closed.start.getTime() && loaded.shiftStartMs < closed.end.getTime(),
    );
    rows.push({
      ...describeShift(loaded, agency.timeZone),
      kind: "adjustment",
      minutes: difference.minutes,
      amountCents: difference.amountCents,
      lines: now.lines,
      reason: describeAdjustment({
        requestNumber: loaded.requestNumber,
        periodStartDate: original?.startDate ?? "",
        paidCents: now.amountCents - difference.amountCents,
        nowCents: now.amountCents,
      }),
    });
  }
  return rows;
}

function describeShift(loaded: LoadedShift, timeZone: string) {
  return {
    officer: loaded.officer,
    date: DateTime.fromMillis(loaded.shiftStartMs, { zone: timeZone }).toISODate() ?? "",
    requestId: loaded.requestId,
    requestNumber: loaded.requestNumber,
    assignmentId: loaded.assignmentId,
  };
}

/** A frozen entry's minutes (Json { regular, holiday, emergency }); a missing kind is 0. */
export function readMinutes(value: unknown): PaidMinutes {
  const record = (value ?? {}) as Partial<Record<keyof PaidMinutes, unknown>>;
  const read = (kind: keyof PaidMinutes) => (typeof record[kind] === "number" ? (record[kind] as number) : 0);
  return { regular: read("regular"), holiday: read("holiday"), emergency: read("emergency") };
}
