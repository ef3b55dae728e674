import type pg from "pg";
import type { RosterOfficerRow } from "./officer-candidate.ts";
import type { OfferSettingsRow } from "./offer-settings.ts";

/** Where the statements run: the pg pool beneath Prisma (poolOf), as a wave reads the whole roster. */
export type Queryable = Pick<pg.Pool, "query">;

/** An active officer as a wave weighs them: roster row, PAUSE/QUIET settings, live shifts and opt-out. */
export interface WaveRosterOfficer extends RosterOfficerRow, OfferSettingsRow {
  phone: string;
  /** Their assigned, checked-in and checked-out shifts (the fatigue caps and overlaps count them). */
  assignments: { start: Date; end: Date }[];
  /** Their number texted STOP to the agency: never offered anything. */
  optedOut: boolean;
}

/**
 * The agency's active officers with their live shifts and opt-out, in one statement. Prisma's
 * findMany with the shifts included, plus the opt-outs, cost ≈ 40 ms of CPU for a roster of a
 * thousand, all of it before a wave's first text can be written; this costs a few.
 */
export async function readWaveRoster(db: Queryable, agencyId: string): Promise<WaveRosterOfficer[]> {
  const { rows } = await db.query<Omit<WaveRosterOfficer, "seniorityDate" | "assignments"> & {
    seniorityDate: string;
    assignments: { start: string; end: string }[] | string;
  }>(
    `SELECT o."id", o."phone", o."rank", o."active", to_char(o."seniorityDate", 'YYYY-MM-DD') AS "seniorityDate",
      o."assignedVehicle", o."livesInCity", o."communityServiceOfficer", o."regularDuty",
      o."offersPausedAt", o."offersPausedUntil", o."quietHoursStart", o."quietHoursEnd",
      EXISTS (SELECT 1 FROM "OptOut" x WHERE x."agencyId" = o."agencyId" AND x."phone" = o."phone") AS "optedOut",
      COALESCE((SELECT json_agg(json_build_object('start', a."start", 'end', a."end"))
        FROM "Assignment" a WHERE a."officerId" = o."id" AND a."status" IN ('assigned', 'checked_in', 'checked_out')), '[]'::json) AS "assignments"
    FROM "Officer" o WHERE o."agencyId" = $1 AND o."active"`,
    [agencyId],
  );
  return rows.map((row) => {
    const shifts = typeof row.assignments === "string" ? JSON.parse(row.assignments) : row.assignments;
    return {
      ...row,
      // A date column: read as text, so the day never moves with the process's time zone.
      seniorityDate: new Date(`${row.seniorityDate}T00:00:00Z`),
      assignments: (shifts as { start: string; end: string }[]).map((s) => ({ start: new Date(s.start), end: new Date(s.end) })),
    };
  });
}

/** The code of the request's earlier offers (one code per request), or null before its first wave. */
export async function findRequestOfferCode(db: Queryable, requestId: string): Promise<string | null> {
  const { rows } = await db.query<{ code: string }>(
    `SELECT f."code" FROM "Offer" f JOIN "Position" p ON p."id" = f."positionId" WHERE p."requestId" = $1 LIMIT 1`,
    [requestId],
  );
  return rows[0]?.code ?? null;
}
