import type { DutyChange, RosterChange, RosterEntry, RosterOfficer } from "../../core/roster/index.ts";
import { Prisma, type PrismaClient } from "../client.ts";

/** Who changed the roster, as the audit trail records it. */
export interface RosterActor {
  kind: "supervisor" | "system";
  /** Slack user id, or "cli" for an import from the command line. */
  id: string;
}

const SELECT = {
  id: true,
  badgeNumber: true,
  firstName: true,
  lastName: true,
  phone: true,
  rank: true,
  seniorityDate: true,
  assignedVehicle: true,
  livesInCity: true,
  communityServiceOfficer: true,
  active: true,
} as const;

type OfficerRow = Prisma.OfficerGetPayload<{ select: typeof SELECT }>;

const toRosterOfficer = (row: OfficerRow): RosterOfficer => ({ ...row, seniorityDate: row.seniorityDate.toISOString().slice(0, 10) });

const toData = (entry: RosterEntry) => ({ ...entry, seniorityDate: new Date(`${entry.seniorityDate}T00:00:00Z`) });

/** Every officer of the agency, active or not, as roster imports and the modal compare against. */
export async function loadRoster(prisma: PrismaClient, agencyId: string): Promise<RosterOfficer[]> {
  const rows = await prisma.officer.findMany({ where: { agencyId }, select: SELECT, orderBy: { badgeNumber: "asc" } });
  return rows.map(toRosterOfficer);
}

export async function findRosterOfficer(prisma: PrismaClient, agencyId: string, officerId: string): Promise<RosterOfficer | null> {
  const row = await prisma.officer.findFirst({ where: { id: officerId, agencyId }, select: SELECT });
  return row ? toRosterOfficer(row) : null;
}

/** The audit action of a roster change: deactivation is named apart, since it stops offers. */
function auditAction(change: Exclude<RosterChange, { kind: "unchanged" }>): string {
  return change.kind === "add" ? "roster.officer_added" : change.kind === "deactivate" ? "roster.officer_deactivated" : "roster.officer_updated";
}

/**
 * Applies roster changes in one transaction, each with its audit event: all of them or none
 * (a unique-constraint failure half-way rolls every row back).
 */
export async function applyRosterChanges(
  prisma: PrismaClient,
  agencyId: string,
  changes: readonly RosterChange[],
  actor: RosterActor,
  via: "slack" | "csv",
): Promise<{ officerIds: string[] }> {
  return prisma.$transaction(async (tx) => {
    const officerIds: string[] = [];
    for (const change of changes) {
      if (change.kind === "unchanged") continue;
      const officer =
        change.kind === "add"
          ? await tx.officer.create({ data: { agencyId, ...toData(change.entry) }, select: { id: true } })
          : await tx.officer.update({ where: { id: change.officerId }, data: toData(change.entry), select: { id: true } });
      officerIds.push(officer.id);
      await tx.auditEvent.create({
        data: {
          agencyId,
          actorKind: actor.kind,
          actorId: actor.id,
          action: auditAction(change),
          entityType: "Officer",
          entityId: officer.id,
          data: { via, badge: change.entry.badgeNumber, ...(change.kind === "add" ? {} : { fields: change.fields }) },
        },
      });
    }
    return { officerIds };
  });
}

/** Which unique field a failed write clashed on (phone or badge), or null for another error. */
export function findUniqueClash(error: unknown): "phone" | "badge" | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return null;
  const text = JSON.stringify(error.meta ?? {}) + error.message;
  if (text.includes("phone")) return "phone";
  if (text.includes("badge")) return "badge";
  return null;
}

/** Replaces the listed officers' regular duty in one transaction, audited per officer. */
export async function applyDutyChanges(
  prisma: PrismaClient,
  agencyId: string,
  changes: readonly DutyChange[],
  actor: RosterActor,
): Promise<number> {
  const changed = changes.filter((c) => !c.unchanged);
  await prisma.$transaction(async (tx) => {
    for (const change of changed) {
      const regularDuty = change.after.map((s) => ({ start: new Date(s.start).toISOString(), end: new Date(s.end).toISOString() }));
      await tx.officer.update({ where: { id: change.officerId }, data: { regularDuty } });
      await tx.auditEvent.create({
        data: {
          agencyId,
          actorKind: actor.kind,
          actorId: actor.id,
          action: "roster.regular_duty_replaced",
          entityType: "Officer",
          entityId: change.officerId,
          data: { via: "csv", badge: change.badgeNumber, spans: change.after.length },
        },
      });
    }
  });
  return changed.length;
}

/** Every officer's regular duty by badge, as the duty import compares against. */
export async function loadRegularDuty(prisma: PrismaClient, agencyId: string) {
  const rows = await prisma.officer.findMany({ where: { agencyId }, select: { id: true, badgeNumber: true, regularDuty: true } });
  return rows.map((row) => ({ id: row.id, badgeNumber: row.badgeNumber, regularDuty: readSpans(row.regularDuty) }));
}

function readSpans(json: unknown): { start: number; end: number }[] {
  if (!Array.isArray(json)) return [];
  return json
    .map((d: { start?: unknown; end?: unknown }) => ({ start: Date.parse(String(d?.start)), end: Date.parse(String(d?.end)) }))
    .filter((d) => Number.isFinite(d.start) && Number.isFinite(d.end) && d.end > d.start);
}

/** Counts for `/detail roster`: active officers by rank, inactive, paused now, with quiet hours. */
export async function summarizeRoster(prisma: PrismaClient, agencyId: string, now: Date) {
  const [byRank, inactive, paused, quiet] = await Promise.all([
    prisma.officer.groupBy({ by: ["rank"], where: { agencyId, active: true }, _count: { _all: true } }),
    prisma.officer.count({ where: { agencyId, active: false } }),
    prisma.officer.count({
      where: { agencyId, active: true, offersPausedAt: { not: null }, OR: [{ offersPausedUntil: null }, { offersPausedUntil: { gt: now } }] },
    }),
    prisma.officer.count({ where: { agencyId, active: true, quietHoursStart: { not: null } } }),
  ]);
  return { byRank: byRank.map((r) => ({ rank: r.rank, count: r._count._all })), inactive, paused, quiet };
}
