import type { AgencyConfig, Category, Rank } from "../../../core/agencies/index.ts";
import { CATEGORIES } from "../../../core/agencies/index.ts";
import type { AssignmentState, PaidOfficer, ShiftToPay } from "../../../core/payroll/index.ts";
import type { Prisma, PrismaClient } from "../../client.ts";

/** The client or a transaction's: closing computes the period inside its transaction. */
export type PayrollDb = PrismaClient | Prisma.TransactionClient;

/** One assignment with what its pay needs, as loaded (epoch ms). */
export interface LoadedShift {
  assignmentId: string;
  officer: PaidOfficer;
  requestId: string;
  requestNumber: number;
  /** The shift's scheduled start (Assignment.start): what places it in a pay period. */
  shiftStartMs: number;
  state: AssignmentState;
  shift: ShiftToPay;
}

interface Row {
  assignmentId: string;
  assignmentStatus: string;
  start: Date;
  end: Date;
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
  superseded: boolean;
  positionStatus: string;
  officerId: string;
  firstName: string;
  lastName: string;
  badgeNumber: string;
  rank: Rank;
  requestId: string;
  requestNumber: number;
  requestStatus: string;
  requestStart: Date;
  requestEnd: Date;
  category: string;
  vehicles: number;
  requestedAt: Date | null;
  requestData: Record<string, unknown> | null;
}

/**
 * The agency's assignments matching `where` (a SQL condition on "Assignment" a, "Position" p,
 * "Request" r), each with its officer, position rank, request and the request's last confirmed
 * quote, in one statement: a period holds hundreds of shifts and Prisma's nested reads would cost a
 * query per request for the newest quote.
 */
export async function loadShifts(db: PayrollDb, agency: AgencyConfig, where: Prisma.Sql): Promise<LoadedShift[]> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT a."id" AS "assignmentId", a."status"::text AS "assignmentStatus", a."start", a."end", a."checkedInAt", a."checkedOutAt",
           EXISTS (SELECT 1 FROM "Assignment" b
                   WHERE b."positionId" = a."positionId" AND b."id" <> a."id" AND b."checkedInAt" IS NOT NULL
                     AND b."status" IN ('checked_in', 'checked_out')
                     AND (a."checkedInAt" IS NULL OR b."checkedInAt" > a."checkedInAt")) AS "superseded",
           p."status"::text AS "positionStatus", p."rank"::text AS "rank",
           o."id" AS "officerId", o."firstName", o."lastName", o."badgeNumber",
           r."id" AS "requestId", r."number" AS "requestNumber", r."status"::text AS "requestStatus",
           r."start" AS "requestStart", r."end" AS "requestEnd", r."category", r."vehicles", r."requestedAt",
           (SELECT q."requestData" FROM "QuoteSnapshot" q WHERE q."requestId" = r."id" ORDER BY q."createdAt" DESC LIMIT 1) AS "requestData"
    FROM "Assignment" a
    JOIN "Position" p ON p."id" = a."positionId"
    JOIN "Request" r ON r."id" = p."requestId"
    JOIN "Officer" o ON o."id" = a."officerId"
    WHERE r."agencyId" = ${agency.id} AND ${where}
    ORDER BY a."start", r."number", p."index"`;
  return rows.map(toLoadedShift);
}

function toLoadedShift(row: Row): LoadedShift {
  // The invoice prices the quote the customer last confirmed (an amendment re-quotes it); pay
  // follows the same figures, and the request's columns stand in for a request never quoted.
  const quoted = row.requestData ?? {};
  const instant = (value: unknown, fallback: Date | null) =>
    typeof value === "string" && !Number.isNaN(Date.parse(value)) ? Date.parse(value) : (fallback?.getTime() ?? null);
  const category = (CATEGORIES as readonly string[]).includes(String(quoted.category ?? row.category))
    ? (String(quoted.category ?? row.category) as Category)
    : "regular";
  const startMs = instant(quoted.start, row.requestStart) ?? row.requestStart.getTime();
  const endMs = instant(quoted.end, row.requestEnd) ?? row.requestEnd.getTime();
  const checkInMs = row.checkedInAt?.getTime() ?? null;
  return {
    assignmentId: row.assignmentId,
    officer: { id: row.officerId, name: `${row.firstName} ${row.lastName}`.trim(), badge: row.badgeNumber },
    requestId: row.requestId,
    requestNumber: row.requestNumber,
    shiftStartMs: row.start.getTime(),
    state: {
      requestStatus: row.requestStatus,
      assignmentStatus: row.assignmentStatus,
      checkInMs,
      endMs: row.end.getTime(),
      // A position removed by an amendment is not billed, so nobody is paid for it.
      superseded: row.superseded || row.positionStatus === "cancelled",
    },
    shift: {
      rank: row.rank,
      category,
      startMs,
      endMs,
      vehicles: typeof quoted.vehicles === "number" ? quoted.vehicles : row.vehicles,
      requestedAtMs: instant(quoted.requestedAt, row.requestedAt),
      checkInMs,
      checkOutMs: checkInMs === null ? null : (row.checkedOutAt?.getTime() ?? null),
    },
  };
}
