import type { Rank } from "../../../core/agencies/index.ts";
import { Prisma, type PrismaClient } from "../../client.ts";
import type { RequestToBill } from "./price-invoice-item.ts";

type Row = Omit<RequestToBill, "quotes" | "positions"> & {
  customerId: string | null;
  requestData: unknown;
  positions: { index: number; rank: Rank; status: RequestToBill["positions"][number]["status"]; assignments: { status: string; checkedInAt: string | null; checkedOutAt: string | null }[] }[] | null;
};

/**
 * Finished requests with what pricing needs (last confirmed quote, positions, attendance) in one
 * statement: a month-end close reads thousands, and Prisma's nested reads cost a query per
 * parent for the newest quote. `where` is a SQL condition on "Request" r.
 */
async function loadWhere(prisma: PrismaClient, where: Prisma.Sql): Promise<(RequestToBill & { customerId: string | null })[]> {
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT r."id", r."number", r."agencyId", r."customerId", r."status"::text AS "status", r."requestedAt", r."approvedAt",
           r."cancelledAt", r."cancellationFeeCents",
           (SELECT q."requestData" FROM "QuoteSnapshot" q WHERE q."requestId" = r."id" ORDER BY q."createdAt" DESC LIMIT 1) AS "requestData",
           (SELECT json_agg(json_build_object(
                     'index', p."index", 'rank', p."rank", 'status', p."status",
                     'assignments', (SELECT COALESCE(json_agg(json_build_object(
                                        'status', a."status", 'checkedInAt', a."checkedInAt", 'checkedOutAt', a."checkedOutAt")), '[]'::json)
                                     FROM "Assignment" a WHERE a."positionId" = p."id"))
                   ORDER BY p."index")
            FROM "Position" p WHERE p."requestId" = r."id") AS "positions"
    FROM "Request" r
    WHERE ${where}
    ORDER BY r."start", r."number"`;
  return rows.map((row) => ({
    ...row,
    quotes: row.requestData === null ? [] : [{ requestData: row.requestData }],
    positions: (row.positions ?? []).map((position) => ({
      ...position,
      assignments: position.assignments.map((a) => ({
        status: a.status,
        checkedInAt: a.checkedInAt === null ? null : new Date(a.checkedInAt),
        checkedOutAt: a.checkedOutAt === null ? null : new Date(a.checkedOutAt),
      })),
    })),
  }));
}

const NOT_BILLED = Prisma.sql`NOT EXISTS (SELECT 1 FROM "InvoiceItem" i WHERE i."requestId" = r."id" AND NOT i."voided")`;

/** One request, billed or not (the caller checks). */
export async function loadRequestToBill(prisma: PrismaClient, requestId: string) {
  const [row] = await loadWhere(prisma, Prisma.sql`r."id" = ${requestId}::uuid`);
  return row ?? null;
}

/**
 * An account's finished requests not yet on a live invoice, up to a period's end: completed ones
 * whose shift ended before it, cancelled ones with a fee cancelled before it.
 */
export function loadUnbilledRequests(prisma: PrismaClient, agencyId: string, customerId: string, periodEnd: Date) {
  return loadWhere(
    prisma,
    Prisma.sql`r."agencyId" = ${agencyId} AND r."customerId" = ${customerId}::uuid AND ${NOT_BILLED} AND (
      (r."status" = 'completed' AND r."end" < ${periodEnd})
      OR (r."status" = 'cancelled' AND r."cancellationFeeCents" > 0 AND r."cancelledAt" < ${periodEnd}))`,
  );
}
