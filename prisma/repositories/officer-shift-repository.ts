import { Prisma, type PrismaClient } from "../client.ts";

const LIVE = ["assigned", "checked_in", "checked_out"] as const;

export type AcceptOutcome =
  | { kind: "accepted"; requestNumber: number; start: Date; end: Date }
  | { kind: "filled" }
  | { kind: "overlap" }
  | { kind: "no_offer" }
  | { kind: "ambiguous"; codes: string[] };

export type ShiftOutcome =
  | { kind: "done"; requestNumber: number; minutesWorked?: number }
  | { kind: "no_assignment" }
  | { kind: "ambiguous"; codes: string[] };

/** Offers and assignments from an officer's point of view; every change is audited. */
export class OfficerShiftRepository {
  constructor(private readonly prisma: PrismaClient) {}

  findOfficerByPhone(agencyId: string, phone: string) {
    return this.prisma.officer.findUnique({ where: { agencyId_phone: { agencyId, phone } } });
  }

  private async pickOffer(officerId: string, code: string | null) {
    // With a code, an offer another officer just won still matches, so the reply can say "filled".
    const offers = await this.prisma.offer.findMany({
      where: { officerId, status: code ? { in: ["sent", "filled_by_other"] } : "sent", ...(code ? { code } : {}) },
      include: { position: { include: { request: true } } },
    });
    if (offers.length === 1) return { kind: "one" as const, offer: offers[0]! };
    if (offers.length === 0) return { kind: "none" as const };
    return { kind: "many" as const, codes: offers.map((o) => o.code) };
  }

  /**
   * Accepts an offer. The partial unique index on Assignment(positionId) decides races: of many
   * officers accepting at once exactly one insert succeeds, the rest are told it is filled.
   */
  async acceptOffer(officerId: string, code: string | null, at: Date): Promise<AcceptOutcome> {
    const picked = await this.pickOffer(officerId, code);
    if (picked.kind === "none") return { kind: "no_offer" };
    if (picked.kind === "many") return { kind: "ambiguous", codes: picked.codes };
    const { offer } = picked;
    const { request } = offer.position;
    if (offer.status === "filled_by_other") return { kind: "filled" };
    try {
      return await this.prisma.$transaction(async (tx) => {
        const overlapping = await tx.assignment.count({
          where: { officerId, status: { in: [...LIVE] }, start: { lt: request.end }, end: { gt: request.start } },
        });
        if (overlapping > 0) return { kind: "overlap" as const };
        await tx.assignment.create({
          data: { positionId: offer.positionId, officerId, start: request.start, end: request.end },
        });
        await tx.offer.update({ where: { id: offer.id }, data: { status: "accepted", respondedAt: at } });
        await tx.position.update({ where: { id: offer.positionId }, data: { status: "filled" } });
        await tx.offer.updateMany({
          where: { positionId: offer.positionId, status: "sent", id: { not: offer.id } },
          data: { status: "filled_by_other" },
        });
        await tx.auditEvent.create({
          data: {
            agencyId: request.agencyId,
            actorKind: "officer",
            actorId: officerId,
            action: "offer.accepted",
            entityType: "Position",
            entityId: offer.positionId,
            at,
          },
        });
        return { kind: "accepted" as const, requestNumber: request.number, start: request.start, end: request.end };
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        await this.prisma.offer.update({ where: { id: offer.id }, data: { status: "filled_by_other", respondedAt: at } });
        return { kind: "filled" };
      }
      throw error;
    }
  }

  async declineOffer(officerId: string, code: string | null, at: Date): Promise<AcceptOutcome | { kind: "declined" }> {
    const picked = await this.pickOffer(officerId, code);
    if (picked.kind === "none") return { kind: "no_offer" };
    if (picked.kind === "many") return { kind: "ambiguous", codes: picked.codes };
    await this.prisma.offer.update({ where: { id: picked.offer.id }, data: { status: "declined", respondedAt: at } });
    return { kind: "declined" };
  }

  private async pickAssignment(officerId: string, code: string | null, statuses: string[]) {
    const offers = await this.prisma.offer.findMany({
      where: { officerId, status: "accepted", ...(code ? { code } : {}) },
      select: { code: true, positionId: true },
    });
    const assignments = await this.prisma.assignment.findMany({
      where: { officerId, positionId: { in: offers.map((o) => o.positionId) }, status: { in: statuses as never[] } },
      include: { position: { include: { request: true } } },
    });
    if (assignments.length === 1) return { kind: "one" as const, assignment: assignments[0]! };
    if (assignments.length === 0) return { kind: "none" as const };
    const codes = offers.filter((o) => assignments.some((a) => a.positionId === o.positionId)).map((o) => o.code);
    return { kind: "many" as const, codes };
  }

  async checkIn(officerId: string, code: string | null, at: Date): Promise<ShiftOutcome> {
    const picked = await this.pickAssignment(officerId, code, ["assigned"]);
    if (picked.kind !== "one") return toMissOutcome(picked);
    await this.prisma.assignment.update({ where: { id: picked.assignment.id }, data: { status: "checked_in", checkedInAt: at } });
    return { kind: "done", requestNumber: picked.assignment.position.request.number };
  }

  async checkOut(officerId: string, code: string | null, at: Date): Promise<ShiftOutcome> {
    const picked = await this.pickAssignment(officerId, code, ["checked_in"]);
    if (picked.kind !== "one") return toMissOutcome(picked);
    const started = picked.assignment.checkedInAt ?? picked.assignment.start;
    const minutesWorked = Math.max(0, Math.ceil((at.getTime() - started.getTime()) / 60_000));
    await this.prisma.assignment.update({
      where: { id: picked.assignment.id },
      data: { status: "checked_out", checkedOutAt: at, minutesWorked },
    });
    return { kind: "done", requestNumber: picked.assignment.position.request.number, minutesWorked };
  }

  /** Gives a shift back: the position opens again (re-offering it is the broadcast worker's job). */
  async drop(officerId: string, code: string | null, at: Date): Promise<ShiftOutcome> {
    const picked = await this.pickAssignment(officerId, code, ["assigned"]);
    if (picked.kind !== "one") return toMissOutcome(picked);
    await this.prisma.$transaction([
      this.prisma.assignment.update({ where: { id: picked.assignment.id }, data: { status: "dropped" } }),
      this.prisma.position.update({ where: { id: picked.assignment.positionId }, data: { status: "open" } }),
      this.prisma.auditEvent.create({
        data: {
          agencyId: picked.assignment.position.request.agencyId,
          actorKind: "officer",
          actorId: officerId,
          action: "assignment.dropped",
          entityType: "Assignment",
          entityId: picked.assignment.id,
          at,
        },
      }),
    ]);
    return { kind: "done", requestNumber: picked.assignment.position.request.number };
  }

  async addNote(
    officerId: string,
    code: string | null,
    body: string,
    media: { url: string; contentType: string }[],
  ): Promise<ShiftOutcome> {
    const picked = await this.pickAssignment(officerId, code, [...LIVE]);
    if (picked.kind !== "one") return toMissOutcome(picked);
    await this.prisma.fieldNote.create({ data: { assignmentId: picked.assignment.id, officerId, body, media } });
    return { kind: "done", requestNumber: picked.assignment.position.request.number };
  }

  listUpcoming(officerId: string, now: Date) {
    return this.prisma.assignment.findMany({
      where: { officerId, status: { in: ["assigned", "checked_in"] }, end: { gt: now } },
      orderBy: { start: "asc" },
      take: 5,
      include: { position: { include: { request: true, offers: { where: { officerId }, select: { code: true } } } } },
    });
  }
}

function toMissOutcome(picked: { kind: "none" } | { kind: "many"; codes: string[] }): ShiftOutcome {
  return picked.kind === "none" ? { kind: "no_assignment" } : { kind: "ambiguous", codes: picked.codes };
}
