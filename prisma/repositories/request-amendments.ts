import { type Positions, RANKS, type Rank } from "../../core/agencies/index.ts";
import { createIntakeState, type IntakeState } from "../../core/intake/index.ts";
import type { Quote } from "../../core/pricing/index.ts";
import type { QuoteRequest } from "../../core/requests/index.ts";
import type { Prisma, PrismaClient } from "../client.ts";

type Tx = Prisma.TransactionClient;

/** Audit actions of a supervisor's edit and the customer's answer to it. */
export const EDIT_PROPOSED_ACTION = "request.edit_proposed";
export const EDIT_ACCEPTED_ACTION = "request.edit_accepted";
export const EDIT_DECLINED_ACTION = "request.edit_declined";

/** Statuses in which an approved request can still be edited (before its shift is under way). */
export const EDITABLE_STATUSES = ["approved", "staffing", "staffed"] as const;
const OPEN = ["open", "offered"];

export interface PositionRow {
  id: string;
  index: number;
  rank: Rank;
  status: string;
}

/** What changing a request's positions to a new rank split does, or why it can't be done. */
export type PositionPlan =
  | { kind: "ok"; add: Rank[]; cancel: string[] }
  /** Fewer positions of `rank` than officers already hold: they would have to be released. */
  | { kind: "assigned"; rank: Rank; filled: number; wanted: number };

/**
 * Positions to add and to cancel so the live ones match `want`: surplus positions go open ones
 * first, newest first. An edit that would release an assigned officer is refused, not applied.
 */
export function planPositionChanges(positions: readonly PositionRow[], want: Positions): PositionPlan {
  const add: Rank[] = [];
  const cancel: string[] = [];
  for (const rank of RANKS) {
    const live = positions.filter((p) => p.rank === rank && p.status !== "cancelled");
    const wanted = want[rank] ?? 0;
    if (wanted > live.length) add.push(...Array.from({ length: wanted - live.length }, () => rank));
    if (wanted >= live.length) continue;
    const open = live.filter((p) => OPEN.includes(p.status)).sort((a, b) => b.index - a.index);
    const surplus = live.length - wanted;
    if (open.length < surplus) return { kind: "assigned", rank, filled: live.length - open.length, wanted };
    cancel.push(...open.slice(0, surplus).map((p) => p.id));
  }
  return { kind: "ok", add, cancel };
}

/** A request as the edit modal and its re-quote need it. */
export interface EditFacts {
  id: string;
  number: number;
  agencyId: string;
  status: string;
  /** The quote request last quoted (the latest snapshot), which the edit changes. */
  stored: QuoteRequest;
  totalCents: number;
  positions: PositionRow[];
  conversation: { id: string; channel: "sms" | "voice" | "web"; language: string | null } | null;
}

export type AmendmentOutcome =
  | { status: "accepted"; number: number; added: number; removed: number; timesChanged: boolean; openPositions: number; staffed: boolean }
  | { status: "declined"; number: number }
  | { status: "failed"; number: number; reason: string }
  | { status: "pending" | "superseded"; number: number };

/** Supervisor edits of approved requests and the customer's YES or NO to them. */
export class RequestAmendments {
  constructor(private readonly prisma: PrismaClient) {}

  async loadEditFacts(requestId: string): Promise<EditFacts | null> {
    const row = await this.prisma.request.findUnique({
      where: { id: requestId },
      include: {
        quotes: { orderBy: { createdAt: "desc" }, take: 1 },
        positions: { orderBy: { index: "asc" } },
        conversation: { select: { id: true, channel: true, language: true } },
      },
    });
    const snapshot = row?.quotes[0];
    if (!row || !snapshot) return null;
    return {
      id: row.id,
      number: row.number,
      agencyId: row.agencyId,
      status: row.status,
      stored: snapshot.requestData as unknown as QuoteRequest,
      totalCents: snapshot.totalCents,
      positions: row.positions.map((p) => ({ id: p.id, index: p.index, rank: p.rank, status: p.status })),
      conversation: row.conversation,
    };
  }

  /**
   * Stores the re-quoted change as pending (an earlier pending one is superseded), audits it
   * with the supervisor as actor and, when the customer has a channel, records the question
   * for delivery and marks the conversation as awaiting their YES or NO, all in one transaction.
   */
  async propose(input: {
    requestId: string;
    agencyId: string;
    by: string;
    request: QuoteRequest;
    quote: Quote;
    previousTotalCents: number;
    changes: string[];
    notice: { conversationId: string; channel: "sms" | "web"; body: string; question: string; requestNumber: number } | null;
    at: Date;
  }): Promise<{ amendmentId: string }> {
    return this.prisma.$transaction(async (tx) => {
      await tx.requestAmendment.updateMany({
        where: { requestId: input.requestId, status: "pending" },
        data: { status: "superseded", decidedAt: input.at },
      });
      const amendment = await tx.requestAmendment.create({
        data: {
          requestId: input.requestId,
          proposedBy: input.by,
          requestData: input.request as unknown as object,
          quote: input.quote as unknown as object,
          totalCents: input.quote.totalCents,
          previousTotalCents: input.previousTotalCents,
          createdAt: input.at,
        },
      });
      await tx.auditEvent.create({
        data: {
          agencyId: input.agencyId,
          actorKind: "supervisor",
          actorId: input.by,
          action: EDIT_PROPOSED_ACTION,
          entityType: "Request",
          entityId: input.requestId,
          data: {
            amendmentId: amendment.id,
            changes: input.changes,
            totalCents: input.quote.totalCents,
            previousTotalCents: input.previousTotalCents,
            customerAsked: input.notice !== null,
          },
          at: input.at,
        },
      });
      const { notice } = input;
      if (notice) {
        // Locked, so a customer turn committing meanwhile is not silently overwritten by this write.
        const rows = await tx.$queryRaw<{ state: unknown; participant: string }[]>`
          SELECT "state", "participant" FROM "Conversation" WHERE "id" = ${notice.conversationId}::uuid FOR UPDATE`;
        const row = rows[0];
        if (row) {
          const state = readState(row.state);
          state.amendment = { id: amendment.id, requestNumber: notice.requestNumber, question: notice.question, reprompted: false };
          await tx.conversation.update({ where: { id: notice.conversationId }, data: { state: state as object } });
          await tx.message.create({
            data: {
              conversationId: notice.conversationId,
              direction: "outbound",
              channel: notice.channel,
              from: "bot",
              to: row.participant,
              body: notice.body,
              status: "recorded",
            },
          });
        }
      }
      return { amendmentId: amendment.id };
    });
  }

  /** How an answered amendment ended, for the Slack follow-up after the customer's turn. */
  async readOutcome(amendmentId: string): Promise<(AmendmentOutcome & { requestId: string; proposedBy: string; totalCents: number }) | null> {
    const row = await this.prisma.requestAmendment.findUnique({ where: { id: amendmentId }, include: { request: { select: { number: true } } } });
    if (!row) return null;
    const outcome = (row.outcome ?? {}) as Record<string, unknown>;
    return { ...outcome, status: row.status, number: row.request.number, requestId: row.requestId, proposedBy: row.proposedBy, totalCents: row.totalCents } as AmendmentOutcome & {
      requestId: string;
      proposedBy: string;
      totalCents: number;
    };
  }
}

/** Reads a stored intake state as the intake store does; an older shape starts fresh. */
function readState(value: unknown): IntakeState {
  const state = (typeof value === "string" ? JSON.parse(value) : value) as Partial<IntakeState> | null;
  if (state && state.version === 1 && state.slots && state.phase) return { ...createIntakeState(), ...state } as IntakeState;
  return createIntakeState();
}

/**
 * The customer's YES or NO, inside their turn's transaction. YES applies the amendment as it was
 * quoted: the request's fields, positions added (open, for the next wave) or cancelled (open ones
 * only), offers at the old times withdrawn, and its quote kept verbatim as a "requote" snapshot.
 * A change that no longer fits (cancelled, under way, officers assigned since) is marked failed.
 */
export async function applyAmendmentAnswer(
  tx: Tx,
  input: { amendmentId: string; accepted: boolean; agencyId: string; actorId: string; at: Date },
): Promise<void> {
  const amendment = await tx.requestAmendment.findUnique({ where: { id: input.amendmentId } });
  if (amendment?.status !== "pending") return;
  const audit = (action: string, data: object) =>
    tx.auditEvent.create({
      data: {
        agencyId: input.agencyId,
        actorKind: "customer",
        actorId: input.actorId,
        action,
        entityType: "Request",
        entityId: amendment.requestId,
        data: { amendmentId: amendment.id, ...data },
        at: input.at,
      },
    });
  const finish = (status: string, outcome: object) =>
    tx.requestAmendment.update({ where: { id: amendment.id }, data: { status, outcome, decidedAt: input.at } });
  if (!input.accepted) {
    await finish("declined", {});
    await audit(EDIT_DECLINED_ACTION, {});
    return;
  }
  const request = await tx.request.findUniqueOrThrow({ where: { id: amendment.requestId }, include: { positions: true } });
  const amended = amendment.requestData as unknown as QuoteRequest;
  const quote = amendment.quote as unknown as Quote;
  const fail = async (reason: string) => {
    await finish("failed", { reason });
    await audit(EDIT_ACCEPTED_ACTION, { applied: false, reason });
  };
  if (!(EDITABLE_STATUSES as readonly string[]).includes(request.status)) return fail(`the request is ${request.status.replace(/_/g, " ")}`);
  const plan = planPositionChanges(request.positions, quote.positions);
  if (plan.kind === "assigned") return fail(`${plan.filled} ${plan.rank} position(s) are now filled`);
  const start = new Date(amended.start);
  const end = new Date(amended.end);
  const timesChanged = start.getTime() !== request.start.getTime() || end.getTime() !== request.end.getTime();
  if (timesChanged && request.positions.some((p) => p.status === "filled")) return fail("officers are assigned at the old times");

  if (plan.cancel.length > 0) {
    await tx.offer.updateMany({ where: { positionId: { in: plan.cancel }, status: "sent" }, data: { status: "withdrawn" } });
    await tx.position.updateMany({ where: { id: { in: plan.cancel } }, data: { status: "cancelled" } });
  }
  if (timesChanged) {
    // Offers name the old times: withdrawn, and their positions offered again by the next wave.
    await tx.offer.updateMany({ where: { position: { requestId: request.id }, status: "sent" }, data: { status: "withdrawn" } });
    await tx.position.updateMany({ where: { requestId: request.id, status: "offered" }, data: { status: "open" } });
  }
  const lastIndex = Math.max(0, ...request.positions.map((p) => p.index));
  // Higher ranks first, as at approval, so they are offered first.
  const added = [...plan.add].sort((a, b) => RANKS.indexOf(b) - RANKS.indexOf(a));
  if (added.length > 0) {
    await tx.position.createMany({ data: added.map((rank, i) => ({ requestId: request.id, index: lastIndex + i + 1, rank })) });
  }
  const openPositions = await tx.position.count({ where: { requestId: request.id, status: { in: ["open", "offered"] } } });
  const live = await tx.position.count({ where: { requestId: request.id, status: { not: "cancelled" } } });
  const status = openPositions > 0 ? (request.status === "staffed" ? "staffing" : request.status) : live > 0 ? "staffed" : request.status;
  await tx.request.update({
    where: { id: request.id },
    data: { start, end, officers: amended.officers, category: amended.category, status },
  });
  await tx.quoteSnapshot.create({
    data: {
      requestId: request.id,
      totalCents: quote.totalCents,
      decision: "requote",
      quote: quote as unknown as object,
      requestData: amended as unknown as object,
      createdAt: input.at,
    },
  });
  const outcome = {
    added: added.length,
    removed: plan.cancel.length,
    timesChanged,
    openPositions,
    staffed: status === "staffed" && request.status !== "staffed",
  };
  await finish("accepted", outcome);
  await audit(EDIT_ACCEPTED_ACTION, { applied: true, ...outcome, totalCents: quote.totalCents });
}
