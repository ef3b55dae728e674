import type { AgencyConfig } from "../../../core/agencies/index.ts";
import { findPayPeriod, isPayPeriodFinished, type PayPeriod } from "../../../core/payroll/index.ts";
import type { PrismaClient } from "../../client.ts";
import { computeOpenPayroll } from "./compute-open-payroll.ts";

export type ClosePayrollOutcome =
  | { kind: "closed"; period: PayPeriod; entries: number; officers: number; totalCents: number }
  /** Closed before (by `closedBy` at `closedAt`): nothing was changed. */
  | { kind: "already_closed"; period: PayPeriod; closedAt: Date | null; closedBy: string | null }
  /** The period has not ended at `at`: shifts may still be worked in it. */
  | { kind: "not_finished"; period: PayPeriod }
  | { kind: "invalid_date" };

// Closing a big period reprices hundreds of shifts inside the transaction.
const CLOSE_TIMEOUT_MS = 60_000;

/**
 * Freezes the pay period containing the local date `date` (its first day, or any day in it): its
 * rows as computed at `at`, adjustments included, become PayrollEntry rows, the period is marked
 * closed, and `payroll.closed` is audited, all in one transaction. Closing a closed period changes
 * nothing. `by` is the Slack user id, or "cli" for the command line (audited as the system).
 *
 * Closes of one agency take turns (an advisory lock): two periods closed at once would otherwise
 * both freeze the same adjustment, and it would be paid twice.
 */
export async function closePayrollPeriod(
  prisma: PrismaClient,
  agency: AgencyConfig,
  date: string,
  by: string,
  at: Date,
): Promise<ClosePayrollOutcome> {
  const period = findPayPeriod(agency.payroll.payPeriod, date, agency.timeZone);
  if (!period) return { kind: "invalid_date" };
  if (!isPayPeriodFinished(period, at.getTime())) return { kind: "not_finished", period };
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`payroll:${agency.id}`}))`;
      const stored = await tx.payrollPeriod.upsert({
        where: { agencyId_startDate: { agencyId: agency.id, startDate: period.startDate } },
        create: { agencyId: agency.id, startDate: period.startDate, start: new Date(period.startMs), end: new Date(period.endMs) },
        update: {},
      });
      if (stored.status === "closed") {
        return { kind: "already_closed", period, closedAt: stored.closedAt, closedBy: stored.closedBy } as const;
      }
      const rows = await computeOpenPayroll(tx, agency, period, at.getTime());
      await tx.payrollEntry.createMany({
        data: rows.map((row) => ({
          periodId: stored.id,
          agencyId: agency.id,
          officerId: row.officer.id,
          assignmentId: row.assignmentId,
          requestId: row.requestId,
          kind: row.kind,
          minutes: row.minutes,
          amountCents: row.amountCents,
          lines: row.lines as unknown as object[],
          reason: row.reason,
        })),
      });
      await tx.payrollPeriod.update({ where: { id: stored.id }, data: { status: "closed", closedAt: at, closedBy: by } });
      const totalCents = rows.reduce((sum, row) => sum + row.amountCents, 0);
      const officers = new Set(rows.map((row) => row.officer.id)).size;
      await tx.auditEvent.create({
        data: {
          agencyId: agency.id,
          actorKind: by === "cli" ? "system" : "supervisor",
          actorId: by,
          action: "payroll.closed",
          entityType: "PayrollPeriod",
          entityId: stored.id,
          data: {
            startDate: period.startDate,
            lastDate: period.lastDate,
            entries: rows.length,
            adjustments: rows.filter((row) => row.kind === "adjustment").length,
            officers,
            totalCents,
          },
          at,
        },
      });
      return { kind: "closed", period, entries: rows.length, officers, totalCents } as const;
    },
    { timeout: CLOSE_TIMEOUT_MS, maxWait: 10_000 },
  );
}
