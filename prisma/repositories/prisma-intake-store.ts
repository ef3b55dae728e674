import {
  type ConversationRecord,
  type CustomerRequestView,
  createIntakeState,
  fillRequestNumber,
  type IntakeEffect,
  type IntakeState,
  type IntakeStore,
  type TurnCommit,
} from "../../core/intake/index.ts";
import type { Channel, InboundMessage } from "../../core/messages/index.ts";
import type { QuoteRequest } from "../../core/requests/index.ts";
import { Prisma, type PrismaClient } from "../client.ts";

type Tx = Prisma.TransactionClient;

/** Reads a stored state; a row from an older shape starts a fresh conversation rather than crash. */
function readState(value: unknown): IntakeState {
  const state = value as Partial<IntakeState> | null;
  if (state && state.version === 1 && state.slots && state.phase)
    return { ...createIntakeState(), ...state } as IntakeState;
  return createIntakeState();
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** The intake's persistence over PostgreSQL: conversations, every message, requests, quote snapshots. */
export class PrismaIntakeStore implements IntakeStore {
  constructor(private readonly prisma: PrismaClient) {}

  async openConversation(key: {
    agencyId: string;
    channel: Channel;
    participant: string;
  }): Promise<ConversationRecord> {
    const where = {
      agencyId: key.agencyId,
      channel: key.channel,
      participant: key.participant,
      role: "customer" as const,
    };
    const row =
      (await this.prisma.conversation.findFirst({
        where: { ...where, closedAt: null },
        orderBy: { createdAt: "desc" },
      })) ??
      (await this.prisma.conversation.create({ data: { ...where, state: createIntakeState() as object } }));
    return {
      id: row.id,
      agencyId: row.agencyId,
      channel: row.channel,
      participant: row.participant,
      state: readState(row.state),
      holder: row.holder,
    };
  }

  async recordInbound(
    conversationId: string,
    message: InboundMessage,
  ): Promise<{ duplicate: true } | { duplicate: false; messageId: string }> {
    try {
      const row = await this.prisma.message.create({
        data: {
          conversationId,
          direction: "inbound",
          channel: message.channel,
          from: message.from,
          to: message.to,
          body: message.text,
          media: message.media,
          providerId: message.providerId,
          status: "received",
          createdAt: message.receivedAt,
        },
      });
      return { duplicate: false, messageId: row.id };
    } catch (error) {
      if (isUniqueViolation(error)) return { duplicate: true };
      throw error;
    }
  }

  async listCustomerRequests(agencyId: string, participant: string): Promise<CustomerRequestView[]> {
    const rows = await this.prisma.request.findMany({
      where: { agencyId, customer: { contact: participant } },
      orderBy: { number: "desc" },
      take: 20,
      include: {
        quotes: { orderBy: { createdAt: "desc" }, take: 1 },
        positions: { include: { assignments: { select: { minutesWorked: true } } } },
      },
    });
    return rows.flatMap((row) => {
      const snapshot = row.quotes[0];
      if (!snapshot) return [];
      const worked = row.positions.flatMap((p) => p.assignments.map((a) => a.minutesWorked ?? 0));
      return [
        {
          number: row.number,
          status: row.status,
          request: snapshot.requestData as unknown as QuoteRequest,
          approvedAt: row.approvedAt?.toISOString() ?? null,
          minutesWorked: worked.length > 0 ? Math.max(...worked) : 0,
        },
      ];
    });
  }

  async commitTurn(conversation: ConversationRecord, commit: TurnCommit, at: Date): Promise<TurnCommit> {
    return this.prisma.$transaction(async (tx) => {
      let requestNumber: number | null = null;
      for (const effect of commit.effects) {
        const number = await applyEffect(tx, conversation, effect, commit.state, at);
        requestNumber = number ?? requestNumber;
      }
      const final = fillRequestNumber(commit, requestNumber);
      await tx.conversation.update({
        where: { id: conversation.id },
        data: {
          state: final.state as object,
          stateName: final.state.phase,
          language: final.state.language ?? "en",
          lastMessageAt: at,
        },
      });
      if (final.replies.length > 0) {
        await tx.message.createMany({
          data: final.replies.map((reply, index) => ({
            conversationId: conversation.id,
            direction: "outbound" as const,
            channel: conversation.channel,
            from: "bot",
            to: conversation.participant,
            body: reply.text,
            status: "recorded" as const,
            // Keeps replies in order when read back by time.
            createdAt: new Date(at.getTime() + index + 1),
          })),
        });
      }
      return final;
    });
  }
}

async function applyEffect(
  tx: Tx,
  conversation: ConversationRecord,
  effect: IntakeEffect,
  state: IntakeState,
  at: Date,
): Promise<number | null> {
  const audit = (action: string, entityType: string, entityId: string, data: object = {}) =>
    tx.auditEvent.create({
      data: {
        agencyId: conversation.agencyId,
        actorKind: "customer",
        actorId: conversation.participant,
        action,
        entityType,
        entityId,
        data,
        at,
      },
    });
  switch (effect.kind) {
    case "submit_request": {
      const customer = await tx.customer.upsert({
        where: { agencyId_contact: { agencyId: conversation.agencyId, contact: conversation.participant } },
        create: {
          agencyId: conversation.agencyId,
          contact: conversation.participant,
          name: effect.customer.name,
          organization: effect.customer.organization,
          language: state.language ?? "en",
        },
        update: { name: effect.customer.name, organization: effect.customer.organization },
      });
      const { request, quote } = effect;
      const row = await tx.request.create({
        data: {
          agencyId: conversation.agencyId,
          customerId: customer.id,
          conversationId: conversation.id,
          status: "submitted",
          start: new Date(request.start),
          end: new Date(request.end),
          officers: request.officers,
          category: request.category,
          vehicles: request.vehicles,
          vehicleMiles: request.vehicleMiles,
          eventType: request.eventType ?? null,
          address: request.address ?? Prisma.JsonNull,
          flags: request.flags,
          postOrders: effect.postOrders,
          requestedAt: request.requestedAt ? new Date(request.requestedAt) : at,
          quotes: {
            create: {
              totalCents: quote.totalCents,
              decision: quote.screening.decision,
              quote: quote as unknown as object,
              requestData: request as unknown as object,
            },
          },
        },
      });
      await audit("request.submitted", "Request", row.id, {
        number: row.number,
        totalCents: quote.totalCents,
      });
      return row.number;
    }
    case "cancel_request": {
      const row = await tx.request.update({
        where: { number: effect.requestNumber },
        data: {
          status: "cancelled",
          cancelledAt: new Date(effect.cancelledAt),
          cancellationFeeCents: effect.feeCents,
        },
      });
      await audit("request.cancelled", "Request", row.id, { feeCents: effect.feeCents });
      return null;
    }
    case "opt_out":
      await tx.optOut.upsert({
        where: { agencyId_phone: { agencyId: conversation.agencyId, phone: conversation.participant } },
        create: { agencyId: conversation.agencyId, phone: conversation.participant, keyword: "STOP" },
        update: {},
      });
      await audit("contact.opted_out", "Conversation", conversation.id);
      return null;
    case "opt_in":
      await tx.optOut.deleteMany({
        where: { agencyId: conversation.agencyId, phone: conversation.participant },
      });
      await audit("contact.opted_in", "Conversation", conversation.id);
      return null;
    case "escalate":
      await audit("conversation.escalated", "Conversation", conversation.id, { reason: effect.reason });
      return null;
  }
}
