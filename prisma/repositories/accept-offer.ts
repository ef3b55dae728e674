import type { AgencyConfig } from "../../core/agencies/index.ts";
import {
  checkEligibility,
  describeShiftToFill,
  findOfferExpiry,
  meetsRank,
  type OfficerCandidate,
} from "../../core/dispatch/index.ts";
import type { AcceptRefusal } from "../../core/officers/index.ts";
import { Prisma, type PrismaClient } from "../client.ts";
import { LIVE_ASSIGNMENT, markStaffedIfFull } from "./request-progress.ts";
import { toOfficerCandidate } from "./officer-candidate.ts";

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
      /** Officers' conversations holding a recorded "has been filled" text to send. */
      filledNoticeConversationIds: string[];
    }
  | AcceptRefusal
  | { kind: "no_offer" }
  | { kind: "ambiguous"; codes: string[] };

/**
 * Offer statuses whose position a YES may still take when it is open: a position dropped after
 * someone else won it, or an officer changing their NO to a YES.
 */
const ANSWERABLE = ["sent", "filled_by_other", "expired", "declined"] as const;

/** Fatigue windows reach 7 days either side of a shift: older or later shifts cannot matter. */
const ROSTER_MARGIN_MS = 8 * 24 * 3_600_000;

/** A position went to another officer between our read and our insert: try the next one. */
const TAKEN = Symbol("taken");

/**
 * Accepts an officer's offer for one request (`offers` all carry the same code): gives them the
 * first open position offered to them that every dispatch rule lets them take, or says why none.
 *
 * Each try is one transaction that first locks the officer's row, so two YES of one officer at
 * once are decided one after the other and the second sees the first's assignment: together they
 * can never break overlap, rest or the 24 h / 7 d caps. Between officers the partial unique index
 * on Assignment(positionId) decides: the loser of a position tries the next one.
 */
export async function acceptRequestOffer(
  prisma: PrismaClient,
  input: { officerId: string; code: string; requestId: string; agency: AgencyConfig; at: Date },
): Promise<AcceptOutcome> {
  const positions = await prisma.position.count({ where: { requestId: input.requestId } });
  // Each TAKEN means one more position is filled, so this ends within the request's positions.
  for (let attempt = 0; attempt <= positions; attempt++) {
    const outcome = await tryAccept(prisma, input);
    if (outcome !== TAKEN) return outcome;
  }
  return { kind: "filled", requestNumber: (await prisma.request.findUniqueOrThrow({ where: { id: input.requestId } })).number };
}

async function tryAccept(
  prisma: PrismaClient,
  input: { officerId: string; code: string; requestId: string; agency: AgencyConfig; at: Date },
): Promise<AcceptOutcome | typeof TAKEN> {
  const { officerId, code, agency, at } = input;
  let inserting = false;
  try {
    return await prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT "id" FROM "Officer" WHERE "id" = ${officerId}::uuid FOR UPDATE`;
      const request = await tx.request.findUniqueOrThrow({ where: { id: input.requestId } });
      const requestNumber = request.number;
      if (request.status === "cancelled") return { kind: "cancelled" as const, requestNumber };
      if (request.status === "completed") return { kind: "completed" as const, requestNumber };
      if (!["approved", "staffing", "staffed", "in_progress"].includes(request.status)) return { kind: "no_offer" as const };
      const holding = await tx.assignment.count({
        where: { officerId, status: { in: [...LIVE_ASSIGNMENT] }, position: { requestId: request.id } },
      });
      if (holding > 0) return { kind: "already_yours" as const, requestNumber };

      const officer = await tx.officer.findUniqueOrThrow({ where: { id: officerId } });
      const offers = await tx.offer.findMany({
        where: {
          officerId,
          code,
          status: { in: [...ANSWERABLE] },
          position: { requestId: request.id, status: { in: ["open", "offered"] } },
        },
        include: { position: true },
        orderBy: { position: { index: "asc" } },
      });
      if (offers.length === 0) return explainNothingOpen(tx, request, officer.rank);

      const expiryOf = (offer: (typeof offers)[number]) =>
        findOfferExpiry(
          { sentAt: offer.sentAt.getTime(), expiresAt: offer.expiresAt?.getTime() ?? null },
          { start: request.start.getTime(), end: request.end.getTime() },
          agency.dispatch,
        );
      const live = offers.filter((offer) => at.getTime() < expiryOf(offer));
      if (live.length === 0) {
        await tx.offer.updateMany({
          where: { id: { in: offers.map((o) => o.id) }, status: "sent" },
          data: { status: "expired" },
        });
        return { kind: "expired" as const, requestNumber, expiredAt: Math.max(...offers.map(expiryOf)) };
      }

      const candidate = await readCandidate(tx, officer, request);
      const checked = live.map((offer) => ({
        offer,
        eligibility: checkEligibility(
          candidate,
          describeShiftToFill(
            { start: request.start.getTime(), end: request.end.getTime(), vehicles: request.vehicles, eventType: request.eventType },
            offer.position,
            agency,
          ),
          agency.dispatch,
        ),
      }));
      const chosen = checked.find((c) => c.eligibility.eligible)?.offer;
      if (!chosen) {
        const first = checked[0]!.eligibility;
        const reason = first.eligible ? "overlap" : first.reason;
        if (reason === "rank") return { kind: "needs_rank" as const, requestNumber, rank: live[0]!.position.rank };
        return { kind: "ineligible" as const, requestNumber, reason, city: agency.city };
      }

      inserting = true;
      await tx.assignment.create({
        data: { positionId: chosen.positionId, officerId, start: request.start, end: request.end },
      });
      inserting = false;
      await tx.offer.update({ where: { id: chosen.id }, data: { status: "accepted", respondedAt: at } });
      await tx.offer.updateMany({
        where: { officerId, code, status: "sent", id: { not: chosen.id } },
        data: { status: "withdrawn" },
      });
      await tx.position.update({ where: { id: chosen.positionId }, data: { status: "filled" } });
      const beaten = await tx.offer.updateManyAndReturn({
        where: { positionId: chosen.positionId, status: "sent", id: { not: chosen.id } },
        data: { status: "filled_by_other" },
        select: { officerId: true },
      });
      await tx.auditEvent.create({
        data: {
          agencyId: request.agencyId,
          actorKind: "officer",
          actorId: officerId,
          action: "offer.accepted",
          entityType: "Position",
          entityId: chosen.positionId,
          at,
        },
      });
      const { staffed, conversationId: staffedConversationId } = await markStaffedIfFull(tx, request, at);
      const filledNoticeConversationIds = await recordFilledNotices(tx, {
        request,
        officerIds: [...new Set(beaten.map((b) => b.officerId))],
        from: agency.phoneNumbers[0] ?? "bot",
      });
      return {
        kind: "accepted" as const,
        requestId: request.id,
        requestNumber,
        start: request.start,
        end: request.end,
        staffed,
        staffedConversationId,
        filledNoticeConversationIds,
      };
    });
  } catch (error) {
    // Only the assignment insert can meet another officer's row for the position.
    if (inserting && error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return TAKEN;
    throw error;
  }
}

/**
 * None of the officer's offered positions is open: say "filled", unless a position they could
 * not have been offered (a higher rank) is what is still open, which is worth saying.
 */
async function explainNothingOpen(
  tx: Prisma.TransactionClient,
  request: { id: string; number: number },
  rank: OfficerCandidate["rank"],
): Promise<AcceptRefusal> {
  const open = await tx.position.findMany({
    where: { requestId: request.id, status: { in: ["open", "offered"] } },
    orderBy: { index: "asc" },
    select: { rank: true },
  });
  const [first] = open;
  if (first && open.every((p) => !meetsRank(rank, p.rank))) {
    return { kind: "needs_rank", requestNumber: request.number, rank: first.rank };
  }
  return { kind: "filled", requestNumber: request.number };
}

/** The officer as dispatch sees them, with their live shifts near this request (read under the lock). */
async function readCandidate(
  tx: Prisma.TransactionClient,
  officer: {
    id: string;
    rank: OfficerCandidate["rank"];
    active: boolean;
    seniorityDate: Date;
    assignedVehicle: string | null;
    livesInCity: boolean;
    communityServiceOfficer: boolean;
    regularDuty: unknown;
  },
  request: { start: Date; end: Date },
): Promise<OfficerCandidate> {
  const shifts = await tx.assignment.findMany({
    where: {
      officerId: officer.id,
      status: { in: [...LIVE_ASSIGNMENT] },
      start: { lt: new Date(request.end.getTime() + ROSTER_MARGIN_MS) },
      end: { gt: new Date(request.start.getTime() - ROSTER_MARGIN_MS) },
    },
    select: { start: true, end: true },
  });
  return toOfficerCandidate(officer, shifts);
}

/**
 * "Has been filled" texts, recorded with the acceptance that caused them: to each officer this
 * acceptance beat who now has no offer of the request left open (one text per officer however
 * many positions they were offered), unless they turned these texts off (FILLED OFF).
 * Opted-out numbers are skipped by the sender (send-sms), as for every text.
 */
async function recordFilledNotices(
  tx: Prisma.TransactionClient,
  input: { request: { id: string; number: number; agencyId: string }; officerIds: string[]; from: string },
): Promise<string[]> {
  if (input.officerIds.length === 0) return [];
  const told = await tx.officer.findMany({
    where: {
      id: { in: input.officerIds },
      notifyWhenFilled: true,
      offers: { none: { status: "sent", position: { requestId: input.request.id } } },
    },
    select: { phone: true },
  });
  const conversationIds: string[] = [];
  for (const { phone } of told) {
    const key = { agencyId: input.request.agencyId, channel: "sms" as const, participant: phone, role: "officer" as const };
    const conversation =
      (await tx.conversation.findFirst({ where: { ...key, closedAt: null } })) ?? (await tx.conversation.create({ data: key }));
    await tx.message.create({
      data: {
        conversationId: conversation.id,
        direction: "outbound",
        channel: "sms",
        from: input.from,
        to: phone,
        body: `Request #${input.request.number} has been filled. Thank you for answering.`,
        status: "recorded",
      },
    });
    conversationIds.push(conversation.id);
  }
  return conversationIds;
}
