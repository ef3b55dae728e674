import { Prisma, type PrismaClient } from "../client.ts";

const LIVE = ["assigned", "checked_in", "checked_out"] as const;

export type AcceptOutcome =
  | {
      kind: "accepted";
      requestId: string;
      requestNumber: number;
      start: Date;
      end: Date;
      /** This acceptance filled the last open position. */
      staffed: boolean;
      /** Set when this acceptance staffed the request: the customer's conversation, told in it. */
      staffedConversationId: string | null;
    }
  | { kind: "filled" }
  | { kind: "overlap" }
  | { kind: "no_offer" }
  | { kind: "ambiguous"; codes: string[] };

export type ShiftOutcome =
  | { kind: "done"; requestId: string; requestNumber: number; minutesWorked?: number }
  | { kind: "no_assignment" }
  | { kind: "ambiguous"; codes: string[] };

/** Offers and assignments from an officer's point of view; every change is audited. */
export class OfficerShiftRepository {
  constructor(private readonly prisma: PrismaClient) {}

  findOfficerByPhone(agencyId: string, phone: string) {
    return this.prisma.officer.findUnique({ where: { agencyId_phone: { agencyId, phone } } });
  }

  /**
   * The offers a reply means. A code names a request (one code per request, for every position
   * offered in it); without a code the officer must have open offers for exactly one request.
   */
  private async pickOffers(officerId: string, code: string | null) {
    const offers = await this.prisma.offer.findMany({
      where: {
        officerId,
        // With a code, an offer another officer just won still matches, so the reply can say "filled".
        status: code ? { in: ["sent", "filled_by_other"] } : "sent",
        ...(code ? { code } : {}),
      },
      include: { position: { include: { request: true } } },
      orderBy: { position: { index: "asc" } },
    });
    const codes = [...new Set(offers.map((o) => o.code))];
    if (codes.length === 0) return { kind: "none" as const };
    if (codes.length > 1) return { kind: "many" as const, codes };
    return { kind: "some" as const, offers };
  }

  /**
   * Accepts a request's offer: tries the offered positions in order. The partial unique index on
   * Assignment(positionId) decides races, so of many officers accepting at once each position
   * goes to exactly one, and the rest are told it is filled.
   */
  async acceptOffer(officerId: string, code: string | null, at: Date): Promise<AcceptOutcome> {
    const picked = await this.pickOffers(officerId, code);
    if (picked.kind === "none") return { kind: "no_offer" };
    if (picked.kind === "many") return { kind: "ambiguous", codes: picked.codes };
    for (const offer of picked.offers) {
      if (offer.status !== "sent") continue;
      const outcome = await this.tryTakePosition(officerId, offer, at);
      if (outcome.kind !== "filled") return outcome;
    }
    return { kind: "filled" };
  }

  private async tryTakePosition(
    officerId: string,
    offer: { id: string; positionId: string; code: string; position: { request: RequestRow & { end: Date } } },
    at: Date,
  ): Promise<AcceptOutcome> {
    const { request } = offer.position;
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
        await tx.offer.updateMany({
          where: { officerId, code: offer.code, status: "sent", id: { not: offer.id } },
          data: { status: "withdrawn" },
        });
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
        const { staffed, conversationId: staffedConversationId } = await markStaffedIfFull(tx, request, at);
        return {
          kind: "accepted" as const,
          requestId: request.id,
          requestNumber: request.number,
          start: request.start,
          end: request.end,
          staffed,
          staffedConversationId,
        };
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        await this.prisma.offer.updateMany({
          where: { id: offer.id, status: "sent" },
          data: { status: "filled_by_other", respondedAt: at },
        });
        return { kind: "filled" };
      }
      throw error;
    }
  }

  async declineOffer(
    officerId: string,
    code: string | null,
    at: Date,
  ): Promise<AcceptOutcome | { kind: "declined" }> {
    const picked = await this.pickOffers(officerId, code);
    if (picked.kind === "none") return { kind: "no_offer" };
    if (picked.kind === "many") return { kind: "ambiguous", codes: picked.codes };
    await this.prisma.offer.updateMany({
      where: { id: { in: picked.offers.map((o) => o.id) }, status: "sent" },
      data: { status: "declined", respondedAt: at },
    });
    return { kind: "declined" };
  }

  private async pickAssignment(officerId: string, code: string | null, statuses: string[]) {
    const offers = await this.prisma.offer.findMany({
      where: { officerId, status: "accepted", ...(code ? { code } : {}) },
      select: { code: true, positionId: true },
    });
    const assignments = await this.prisma.assignment.findMany({
      where: {
        officerId,
        positionId: { in: offers.map((o) => o.positionId) },
        status: { in: statuses as never[] },
      },
      include: { position: { include: { request: true } } },
    });
    if (assignments.length === 1) return { kind: "one" as const, assignment: assignments[0]! };
    if (assignments.length === 0) return { kind: "none" as const };
    const codes = offers
      .filter((o) => assignments.some((a) => a.positionId === o.positionId))
      .map((o) => o.code);
    return { kind: "many" as const, codes };
  }

  async checkIn(officerId: string, code: string | null, at: Date): Promise<ShiftOutcome> {
    const picked = await this.pickAssignment(officerId, code, ["assigned"]);
    if (picked.kind !== "one") return toMissOutcome(picked);
    await this.prisma.assignment.update({
      where: { id: picked.assignment.id },
      data: { status: "checked_in", checkedInAt: at },
    });
    await this.prisma.request.updateMany({
      where: { id: picked.assignment.position.request.id, status: { in: ["staffing", "staffed"] } },
      data: { status: "in_progress" },
    });
    return { kind: "done", requestId: picked.assignment.position.request.id, requestNumber: picked.assignment.position.request.number };
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
    await completeWhenAllOut(this.prisma, picked.assignment.position.request.id, at);
    return { kind: "done", requestId: picked.assignment.position.request.id, requestNumber: picked.assignment.position.request.number, minutesWorked };
  }

  /** Gives a shift back: the position opens again (re-offering it is the broadcast worker's job). */
  async drop(officerId: string, code: string | null, at: Date): Promise<ShiftOutcome> {
    const picked = await this.pickAssignment(officerId, code, ["assigned"]);
    if (picked.kind !== "one") return toMissOutcome(picked);
    await this.prisma.$transaction([
      this.prisma.assignment.update({ where: { id: picked.assignment.id }, data: { status: "dropped" } }),
      this.prisma.position.update({ where: { id: picked.assignment.positionId }, data: { status: "open" } }),
      this.prisma.request.updateMany({
        where: { id: picked.assignment.position.request.id, status: "staffed" },
        data: { status: "staffing" },
      }),
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
    return { kind: "done", requestId: picked.assignment.position.request.id, requestNumber: picked.assignment.position.request.number };
  }

  async addNote(
    officerId: string,
    code: string | null,
    body: string,
    media: { url: string; contentType: string }[],
  ): Promise<ShiftOutcome> {
    const picked = await this.pickAssignment(officerId, code, [...LIVE]);
    if (picked.kind !== "one") return toMissOutcome(picked);
    await this.prisma.fieldNote.create({
      data: { assignmentId: picked.assignment.id, officerId, body, media },
    });
    return { kind: "done", requestId: picked.assignment.position.request.id, requestNumber: picked.assignment.position.request.number };
  }

  listUpcoming(officerId: string, now: Date) {
    return this.prisma.assignment.findMany({
      where: { officerId, status: { in: ["assigned", "checked_in"] }, end: { gt: now } },
      orderBy: { start: "asc" },
      take: 5,
      include: {
        position: { include: { request: true, offers: { where: { officerId }, select: { code: true } } } },
      },
    });
  }
}

function toMissOutcome(picked: { kind: "none" } | { kind: "many"; codes: string[] }): ShiftOutcome {
  return picked.kind === "none" ? { kind: "no_assignment" } : { kind: "ambiguous", codes: picked.codes };
}

type RequestRow = {
  id: string;
  number: number;
  agencyId: string;
  conversationId: string | null;
  start: Date;
};

/**
 * When no open position is left the request is staffed, and the customer's confirmation (who,
 * when) is recorded in their conversation for the outbound queue. Returns that conversation.
 */
async function markStaffedIfFull(
  tx: Prisma.TransactionClient,
  request: RequestRow,
  at: Date,
): Promise<{ staffed: boolean; conversationId: string | null }> {
  const conversationId = await recordStaffing(tx, request, at);
  const staffed = (await tx.request.count({ where: { id: request.id, status: "staffed" } })) > 0;
  return { staffed, conversationId };
}

async function recordStaffing(tx: Prisma.TransactionClient, request: RequestRow, at: Date): Promise<string | null> {
  const open = await tx.position.count({
    where: { requestId: request.id, status: { in: ["open", "offered"] } },
  });
  if (open > 0) return null;
  const updated = await tx.request.updateMany({
    where: { id: request.id, status: { in: ["approved", "staffing"] } },
    data: { status: "staffed" },
  });
  if (updated.count === 0) return null;
  await tx.auditEvent.create({
    data: {
      agencyId: request.agencyId,
      actorKind: "system",
      action: "request.staffed",
      entityType: "Request",
      entityId: request.id,
      at,
    },
  });
  if (!request.conversationId) return null;
  const conversation = await tx.conversation.findUnique({ where: { id: request.conversationId } });
  // A caller has no channel to be told on; texters get an SMS, web chat a chat message.
  if (!conversation || conversation.channel === "voice") return null;
  const officers = await tx.assignment.findMany({
    where: { position: { requestId: request.id }, status: { in: [...LIVE] } },
    include: { officer: true },
  });
  const names = officers.map(
    (a) =>
      `${a.officer.rank === "officer" ? "Officer" : a.officer.rank === "sergeant" ? "Sgt." : "Cmdr."} ${a.officer.lastName}`,
  );
  await tx.message.create({
    data: {
      conversationId: conversation.id,
      direction: "outbound",
      channel: conversation.channel,
      from: "bot",
      to: conversation.participant,
      body: `Good news: request #${request.number} is fully staffed. Your officers: ${names.join(", ")}. Text STATUS any time.`,
      status: "recorded",
    },
  });
  return conversation.id;
}

/** The request is completed once every officer who worked it has checked out. */
async function completeWhenAllOut(prisma: PrismaClient, requestId: string, at: Date): Promise<void> {
  const stillOn = await prisma.assignment.count({
    where: { position: { requestId }, status: { in: ["assigned", "checked_in"] } },
  });
  if (stillOn > 0) return;
  const done = await prisma.request.updateMany({
    where: { id: requestId, status: { in: ["in_progress", "staffed"] } },
    data: { status: "completed" },
  });
  if (done.count === 0) return;
  const request = await prisma.request.findUniqueOrThrow({ where: { id: requestId } });
  await prisma.auditEvent.create({
    data: { agencyId: request.agencyId, actorKind: "system", action: "request.completed", entityType: "Request", entityId: requestId, at },
  });
}
