import {
  type ConversationRecord,
  type CustomerRequestView,
  createIntakeState,
  fillRequestNumber,
  type IntakeEffect,
  type InboundRecord,
  type IntakeState,
  type IntakeStore,
  type RequestOfficerView,
  type TurnCommit,
  type TurnStart,
} from "../../core/intake/index.ts";
import { type CustomerLinkBuilder, fillCustomerLink } from "../../core/customer-page/index.ts";
import type { Channel, InboundMessage } from "../../core/messages/index.ts";
import type { QuoteRequest } from "../../core/requests/index.ts";
import { Prisma, type PrismaClient, poolOf } from "../client.ts";
import { applyAmendmentAnswer } from "./request-amendments.ts";
import { recentReplyCondition, recentReplyWindow } from "./sender-usage.ts";

type Tx = Prisma.TransactionClient;

/** Reads a stored state; a row from an older shape starts a fresh conversation rather than crash. */
function readState(value: unknown): IntakeState {
  const state = value as Partial<IntakeState> | null;
  if (state && state.version === 1 && state.slots && state.phase)
    return { ...createIntakeState(), ...state } as IntakeState;
  return createIntakeState();
}

/** A new conversation's state, as stored (createIntakeState is the same every time). */
const FRESH_STATE = JSON.stringify(createIntakeState());

/** A conversation row as the statements below return it. */
type ConversationRow = Omit<ConversationRecord, "state"> & { state: unknown };

const readConversation = (row: ConversationRow): ConversationRecord => ({
  id: row.id,
  agencyId: row.agencyId,
  channel: row.channel,
  participant: row.participant,
  state: readState(typeof row.state === "string" ? JSON.parse(row.state) : row.state),
  holder: row.holder,
});

/** No row: stored by a delivery that committed after the statement began; it acts on it. */
const readInboundRecord = (row: { id: string | null; duplicate: boolean; handled: boolean } | null): InboundRecord =>
  row && !row.duplicate
    ? { duplicate: false, messageId: row.id as string }
    : { duplicate: true, messageId: row?.id ?? null, handled: row ? row.handled : true };

/**
 * `conversation`: the participant's open conversation ($1 agency, $2 channel, $3 participant),
 * opened with state $4 when there is none; empty only when a simultaneous first message opened
 * it between the read and the insert.
 */
const OPEN_CONVERSATION = `WITH open AS (
        SELECT "id", "agencyId", "channel"::text AS "channel", "participant", "state", "holder"::text AS "holder"
        FROM "Conversation"
        WHERE "agencyId" = $1 AND "channel" = $2::"Channel" AND "participant" = $3
          AND "role" = 'customer' AND "closedAt" IS NULL
        ORDER BY "createdAt" DESC
        LIMIT 1
      ), opened AS (
        INSERT INTO "Conversation" ("id", "agencyId", "channel", "role", "participant", "state", "updatedAt")
        SELECT gen_random_uuid(), $1, $2::"Channel", 'customer', $3, $4::jsonb, now()
        WHERE NOT EXISTS (SELECT 1 FROM open)
        ON CONFLICT ("agencyId", "channel", "participant", "role") WHERE "closedAt" IS NULL DO NOTHING
        RETURNING "id", "agencyId", "channel"::text AS "channel", "participant", "state", "holder"::text AS "holder"
      ), conversation AS (
        SELECT * FROM open UNION ALL SELECT * FROM opened
      )`;

/**
 * The inbound message ($5 from, $6 to, $7 body, $8 media, $9 provider id, $10 received) in the
 * conversation, once per provider id: `stored` is the new row, or the stored one of a retried
 * delivery with whether its turn was committed (recordInbound's statement, on the conversation
 * just opened). Then the ids of the participant's requests, whether one of the conversation's
 * waits on its approvers (the relay check of bots/build-turn-deps.ts), and with $11/$12
 * (recentReplyWindow) the recent reply bodies, else null.
 */
const BEGIN_TURN = `${OPEN_CONVERSATION}, inserted AS (
        INSERT INTO "Message" ("id", "conversationId", "direction", "channel", "from", "to", "body", "media", "providerId", "status", "createdAt")
        SELECT gen_random_uuid(), c."id"::uuid, 'inbound', $2::"Channel", $5, $6, $7, $8::jsonb, $9, 'received', $10 FROM conversation c
        ON CONFLICT ("providerId") DO NOTHING
        RETURNING "id"
      ), stored AS (
        SELECT "id", false AS "duplicate", false AS "handled" FROM inserted
        UNION ALL
        SELECT m."id", true, m."handledAt" IS NOT NULL FROM "Message" m
        WHERE $9::text IS NOT NULL AND m."providerId" = $9 AND NOT EXISTS (SELECT 1 FROM inserted)
      )
      SELECT c.*,
        (SELECT row_to_json(s) FROM stored s LIMIT 1) AS "stored",
        ARRAY(SELECT r."id" FROM "Request" r JOIN "Customer" cu ON cu."id" = r."customerId"
              WHERE r."agencyId" = $1 AND cu."contact" = $3 ORDER BY r."number" DESC LIMIT 20) AS "requestIds",
        EXISTS (SELECT 1 FROM "Request" r WHERE r."conversationId" = c."id"::uuid
                AND r."status" = 'pending_approval' AND r."slackMessageTs" IS NOT NULL) AS "awaitingApprovers",
        CASE WHEN $11::timestamptz IS NULL THEN NULL ELSE ARRAY(
          SELECT "body" FROM "Message" WHERE "conversationId" = c."id"::uuid AND ${recentReplyCondition("$11", "$12::timestamptz")}
        ) END AS "recentReplies"
      FROM conversation c`;

/** Where an assigned officer stands, for STATUS; null for one no longer on the request (dropped, cancelled). */
function readAttendance(assignment: {
  status: string;
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
}): RequestOfficerView["attendance"] | null {
  switch (assignment.status) {
    case "assigned":
      return { kind: "assigned" };
    case "checked_in":
      return assignment.checkedInAt ? { kind: "checked_in", at: assignment.checkedInAt.toISOString() } : { kind: "assigned" };
    case "checked_out":
      return assignment.checkedOutAt ? { kind: "checked_out", at: assignment.checkedOutAt.toISOString() } : { kind: "assigned" };
    case "no_show":
      return { kind: "no_show" };
    default:
      return null;
  }
}

/** The intake's persistence over PostgreSQL: conversations, every message, requests, quote snapshots. */
export class PrismaIntakeStore implements IntakeStore {
  /** `customerLinks` signs the page link LINK asks for; null where this deployment serves no pages. */
  constructor(
    private readonly prisma: PrismaClient,
    private readonly customerLinks: CustomerLinkBuilder | null = null,
  ) {}

  /**
   * The participant's open conversation, opened on their first message: one statement either
   * way, on pg (Prisma's cost per statement is most of a turn's), since every inbound message starts here.
   */
  async openConversation(
    key: { agencyId: string; channel: Channel; participant: string },
    attempt = 1,
  ): Promise<ConversationRecord> {
    const { rows } = await poolOf(this.prisma).query<ConversationRow>(
      `${OPEN_CONVERSATION} SELECT * FROM conversation`,
      [key.agencyId, key.channel, key.participant, FRESH_STATE],
    );
    // Empty only when a simultaneous first message opened it between our read and our insert.
    const row = rows[0] ?? (attempt < 2 ? null : undefined);
    if (row === null) return this.openConversation(key, attempt + 1);
    if (!row) throw new Error(`openConversation: no conversation for ${key.channel} ${key.agencyId}`);
    return readConversation(row);
  }

  /**
   * The turn's first statement (see IntakeStore.beginTurn): opens the conversation, stores the
   * message in it once per provider id, and reads the ids of the participant's requests and,
   * when asked, the recent replies, on pg. Most senders have no request: then nothing more is read.
   */
  async beginTurn(
    key: { agencyId: string; channel: Channel; participant: string },
    message: InboundMessage,
    options: { repliesAsOf: Date | null },
    attempt = 1,
  ): Promise<TurnStart> {
    const window = options.repliesAsOf ? recentReplyWindow(options.repliesAsOf) : null;
    const { rows } = await poolOf(this.prisma).query<
      ConversationRow & {
        stored: { id: string | null; duplicate: boolean; handled: boolean } | null;
        requestIds: string[];
        awaitingApprovers: boolean;
        recentReplies: string[] | null;
      }
    >({
      // Named: parsed and planned once per connection (every SMS turn starts with it).
      name: "intake-begin-turn",
      text: BEGIN_TURN,
      values: [
        key.agencyId,
        key.channel,
        key.participant,
        FRESH_STATE,
        message.from,
        message.to,
        message.text,
        JSON.stringify(message.media ?? []),
        message.providerId ?? null,
        message.receivedAt,
        window?.lookback ?? null,
        window?.since ?? null,
      ],
    });
    const [row] = rows;
    // No row: a simultaneous first message opened the conversation between our read and our
    // insert, and nothing was stored (the message's insert reads the conversation): once more.
    if (!row) {
      if (attempt < 2) return this.beginTurn(key, message, options, attempt + 1);
      throw new Error(`beginTurn: no conversation for ${key.channel} ${key.agencyId}`);
    }
    const { stored } = row;
    return {
      conversation: readConversation(row),
      recorded: readInboundRecord(stored),
      requests: row.requestIds.length === 0 ? [] : await this.loadRequestViews(row.requestIds),
      recentReplies: window ? (row.recentReplies ?? []) : null,
      awaitingApprovers: row.awaitingApprovers,
    };
  }

  /**
   * Stores the inbound message once per provider id: one statement on pg that inserts it or, for
   * a retried delivery, reads the stored one (whether its turn was committed).
   */
  async recordInbound(conversationId: string, message: InboundMessage): Promise<InboundRecord> {
    const { rows } = await poolOf(this.prisma).query<{ id: string | null; duplicate: boolean; handled: boolean }>(
      `WITH inserted AS (
        INSERT INTO "Message" ("id", "conversationId", "direction", "channel", "from", "to", "body", "media", "providerId", "status", "createdAt")
        VALUES (gen_random_uuid(), $1::uuid, 'inbound', $2::"Channel", $3, $4, $5, $6::jsonb, $7, 'received', $8)
        ON CONFLICT ("providerId") DO NOTHING
        RETURNING "id"
      )
      SELECT "id", false AS "duplicate", false AS "handled" FROM inserted
      UNION ALL
      SELECT m."id", true, m."handledAt" IS NOT NULL FROM "Message" m
      WHERE $7::text IS NOT NULL AND m."providerId" = $7 AND NOT EXISTS (SELECT 1 FROM inserted)`,
      [
        conversationId,
        message.channel,
        message.from,
        message.to,
        message.text,
        JSON.stringify(message.media ?? []),
        message.providerId ?? null,
        message.receivedAt,
      ],
    );
    return readInboundRecord(rows[0] ?? null);
  }

  async listCustomerRequests(agencyId: string, participant: string): Promise<CustomerRequestView[]> {
    // Most messages come from people with no request yet: one cheap query on pg answers them
    // (the query with its relations below is four, issued even when no request matches).
    const { rows: found } = await poolOf(this.prisma).query<{ id: string }>(
      `SELECT r."id" FROM "Request" r JOIN "Customer" c ON c."id" = r."customerId"
       WHERE r."agencyId" = $1 AND c."contact" = $2
       ORDER BY r."number" DESC LIMIT 20`,
      [agencyId, participant],
    );
    if (found.length === 0) return [];
    return this.loadRequestViews(found.map((row) => row.id));
  }

  /** The requests with these ids as a customer sees them, newest first. */
  private async loadRequestViews(ids: string[]): Promise<CustomerRequestView[]> {
    const rows = await this.prisma.request.findMany({
      where: { id: { in: ids } },
      orderBy: { number: "desc" },
      include: {
        quotes: { orderBy: { createdAt: "desc" }, take: 1 },
        positions: {
          orderBy: { index: "asc" },
          include: {
            assignments: {
              orderBy: { createdAt: "asc" },
              select: {
                status: true,
                minutesWorked: true,
                checkedInAt: true,
                checkedOutAt: true,
                officer: { select: { rank: true, lastName: true } },
                // Text only: a note's photos are for staff, not for a text message.
                fieldNotes: { orderBy: { createdAt: "desc" }, take: 1, select: { body: true, createdAt: true } },
              },
            },
          },
        },
      },
    });
    return rows.flatMap((row) => {
      const snapshot = row.quotes[0];
      if (!snapshot) return [];
      const assignments = row.positions.flatMap((p) => p.assignments);
      const worked = assignments.map((a) => a.minutesWorked ?? 0);
      const notes = assignments
        .flatMap((a) => a.fieldNotes)
        .filter((note) => note.body.trim().length > 0)
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
      const latest = notes[0];
      return [
        {
          number: row.number,
          status: row.status,
          request: snapshot.requestData as unknown as QuoteRequest,
          approvedAt: row.approvedAt?.toISOString() ?? null,
          minutesWorked: worked.length > 0 ? Math.max(...worked) : 0,
          officers: assignments.flatMap((a) => {
            const attendance = readAttendance(a);
            return attendance ? [{ rank: a.officer.rank, lastName: a.officer.lastName, attendance }] : [];
          }),
          latestNote: latest ? { text: latest.body, at: latest.createdAt.toISOString() } : null,
        },
      ];
    });
  }

  async saveHeldState(conversationId: string, state: IntakeState, at: Date, inboundId: string): Promise<boolean> {
    const { rows } = await poolOf(this.prisma).query<{ updated: number }>(
      `WITH claimed AS (
        UPDATE "Message" SET "handledAt" = $3
        WHERE "id" = $4::uuid AND "handledAt" IS NULL
        RETURNING "id"
      ), updated AS (
        UPDATE "Conversation"
        SET "state" = $2::jsonb, "language" = $5, "lastMessageAt" = $3, "updatedAt" = now()
        WHERE "id" = $1::uuid AND "holder" = 'dispatcher' AND EXISTS (SELECT 1 FROM claimed)
        RETURNING "id"
      )
      SELECT (SELECT count(*)::int FROM updated) AS "updated"`,
      [conversationId, JSON.stringify(state), at, inboundId, state.language ?? "en"],
    );
    return rows[0]?.updated === 1;
  }

  async commitTurn(
    conversation: ConversationRecord,
    commit: TurnCommit,
    at: Date,
    inboundId?: string,
  ): Promise<TurnCommit | null> {
    if (commit.effects.length === 0) {
      return (await this.commitReplies(conversation, commit, at, inboundId ?? null)) ? commit : null;
    }
    return this.prisma.$transaction(async (tx) => {
      if (inboundId) {
        const claimed = await tx.message.updateMany({ where: { id: inboundId, handledAt: null }, data: { handledAt: at } });
        if (claimed.count === 0) return null;
      }
      let requestNumber: number | null = null;
      let customerLink: string | null = null;
      for (const effect of commit.effects) {
        if (effect.kind === "send_customer_link") customerLink = await this.signCustomerLink(tx, conversation, at);
        const number = await applyEffect(tx, conversation, effect, commit.state, at);
        requestNumber = number ?? requestNumber;
      }
      const numbered = fillRequestNumber(commit, requestNumber);
      const link = customerLink;
      const final = link
        ? { ...numbered, replies: numbered.replies.map((reply) => ({ ...reply, text: fillCustomerLink(reply.text, link) })) }
        : numbered;
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

  /**
   * The signed address of the page of the customer this conversation is with. The core asks for
   * it only when pages are served and the customer has bookings (so a customer record), hence
   * anything missing here is a broken invariant.
   */
  private async signCustomerLink(tx: Tx, conversation: ConversationRecord, at: Date): Promise<string> {
    if (!this.customerLinks) throw new Error("send_customer_link: this deployment serves no customer pages");
    const customer = await tx.customer.findUnique({
      where: { agencyId_contact: { agencyId: conversation.agencyId, contact: conversation.participant } },
      select: { id: true },
    });
    if (!customer) throw new Error(`send_customer_link: no customer for conversation ${conversation.id}`);
    return this.customerLinks.urlFor(conversation.agencyId, customer.id, at.getTime());
  }

  /**
   * A turn without effects (most turns): the state and its replies in one statement, atomic
   * without an explicit transaction, on pg. An interactive transaction costs four round trips and
   * about 3 ms of Prisma CPU per turn, which is what limits how many messages a worker acts on.
   */
  private async commitReplies(
    conversation: ConversationRecord,
    commit: TurnCommit,
    at: Date,
    inboundId: string | null,
  ): Promise<boolean> {
    const bodies = commit.replies.map((reply) => reply.text);
    // Keeps replies in order when read back by time.
    const times = commit.replies.map((_, index) => new Date(at.getTime() + index + 1));
    // The inbound message is claimed first: a second delivery racing this one writes nothing.
    const { rows } = await poolOf(this.prisma).query<{ updated: number; claimed: number }>({
      // Named, like beginTurn: every turn ends with it.
      name: "intake-commit-turn",
      text: `WITH claimed AS (
        UPDATE "Message" SET "handledAt" = $2
        WHERE $1::uuid IS NOT NULL AND "id" = $1::uuid AND "handledAt" IS NULL
        RETURNING "id"
      ), updated AS (
        UPDATE "Conversation"
        SET "state" = $4::jsonb, "stateName" = $5, "language" = $6, "lastMessageAt" = $2, "updatedAt" = now()
        WHERE "id" = $3::uuid AND ($1::uuid IS NULL OR EXISTS (SELECT 1 FROM claimed))
        RETURNING "id"
      ), replies AS (
        INSERT INTO "Message" ("id", "conversationId", "direction", "channel", "from", "to", "body", "status", "createdAt")
        SELECT gen_random_uuid(), updated."id", 'outbound'::"MessageDirection", $7::"Channel", 'bot',
               $8, reply.body, 'recorded'::"MessageStatus", reply.at
        FROM updated, unnest($9::text[], $10::timestamptz[]) AS reply(body, at)
      )
      SELECT (SELECT count(*)::int FROM updated) AS "updated", (SELECT count(*)::int FROM claimed) AS "claimed"`,
      values: [
        inboundId,
        at,
        conversation.id,
        JSON.stringify(commit.state),
        commit.state.phase,
        commit.state.language ?? "en",
        conversation.channel,
        conversation.participant,
        bodies,
        times,
      ],
    });
    const row = rows[0];
    if (inboundId && row?.claimed === 0) return false;
    if (row?.updated !== 1) throw new Error(`commitTurn: no conversation ${conversation.id}`);
    return true;
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
          siteContactName: effect.siteContact.name,
          siteContactPhone: effect.siteContact.phone,
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
    case "send_customer_link":
      // Who was given a key to a customer's page, and when.
      await audit("customer_page.link_sent", "Conversation", conversation.id, { channel: conversation.channel });
      return null;
    case "answer_amendment":
      await applyAmendmentAnswer(tx, {
        amendmentId: effect.amendmentId,
        accepted: effect.accepted,
        agencyId: conversation.agencyId,
        actorId: conversation.participant,
        at,
      });
      return null;
  }
}
