import { type PrismaClient, poolOf } from "../client.ts";
import { type InboundSmsRow, type StoredInboundSms, toStoredInboundSms } from "./inbound-sms-inbox.ts";

/** The window (ms) in which an identical SMS reply is not sent again. */
const REPEAT_WINDOW_MS = 60_000;
/** Older outbound rows are not looked at: a reply still unsent after a day is not "recent". */
const LOOKBACK_MS = 24 * 3600_000;

/**
 * Which outbound rows of a conversation count as texted recently, as SQL over "Message" with
 * the placeholders of recentReplyWindow's bounds (`lookback`, `since`: "$2", "$3"). Shared with
 * the intake store's beginTurn, which reads them in the turn's first statement.
 */
export function recentReplyCondition(lookback: string, since: string): string {
  return `"direction" = 'outbound' AND "createdAt" > ${lookback}
         AND ("createdAt" > ${since} OR "statusUpdatedAt" > ${since} OR "status" IN ('recorded', 'sending'))`;
}

const RECENT_REPLY_BODIES = `SELECT "body" FROM "Message" WHERE "conversationId" = $1::uuid AND ${recentReplyCondition("$2", "$3")}`;

/** The bounds of recentReplyCondition as of `now`. */
export function recentReplyWindow(now: Date): { lookback: Date; since: Date } {
  return { lookback: new Date(now.getTime() - LOOKBACK_MS), since: new Date(now.getTime() - REPEAT_WINDOW_MS) };
}

/** One sender's record as the abuse limits read it (workers/limits/inbound-gate.ts). */
export interface SenderRecord {
  /** When their messages acted on within the window were acted on, oldest first (newest `take` only). */
  actedAt: Date[];
  /** When each SMS of their customer conversation was recorded or sent, oldest first, last minute only. */
  repliedAt: Date[];
  /** Whether any earlier message of theirs was acted on (else their next one is a first contact). */
  known: boolean;
  /** A number on the agency's active roster: officers are not held by the inbound limits. */
  officer: boolean;
}

/** What a sender record is read as of, and over which window (the abuse limits). */
export interface SenderRecordOptions {
  windowMinutes: number;
  take: number;
  now: Date;
  minuteMs: number;
}

/** json_agg gives int8 as a JSON number (seqText keeps it exact) and timestamps as text. */
type PendingJsonRow = Omit<InboundSmsRow, "receivedAt"> & { seqText: string; receivedAt: string };

interface SenderRecordRow {
  acted: Date[] | null;
  replied: Date[] | null;
  known: boolean;
  officer: boolean;
}

/** The record's columns over $1 agency, $2 sender and recordParams' $3–$7. */
const SENDER_RECORD_COLUMNS = `
        (SELECT array_agg(a."processedAt" ORDER BY a."processedAt") FROM (
          SELECT i."processedAt" FROM "InboundSms" i
          WHERE i."agencyId" = $1 AND i."from" = $2 AND i."processedAt" > $3
          ORDER BY i."processedAt" DESC LIMIT $4) a) AS "acted",
        (SELECT array_agg(r."at" ORDER BY r."at") FROM (
          SELECT CASE WHEN m."status" IN ('recorded', 'sending') THEN $5::timestamptz
                      ELSE GREATEST(m."createdAt", COALESCE(m."statusUpdatedAt", m."createdAt")) END AS "at"
          FROM "Conversation" c JOIN "Message" m ON m."conversationId" = c."id"
          WHERE c."agencyId" = $1 AND c."channel" = 'sms' AND c."participant" = $2
            AND c."role" = 'customer' AND c."closedAt" IS NULL
            AND m."direction" = 'outbound' AND m."createdAt" > $6) r
          WHERE r."at" > $7) AS "replied",
        EXISTS (SELECT 1 FROM "InboundSms" i
          WHERE i."agencyId" = $1 AND i."from" = $2 AND i."processedAt" IS NOT NULL) AS "known",
        EXISTS (SELECT 1 FROM "Officer" o
          WHERE o."agencyId" = $1 AND o."phone" = $2 AND o."active") AS "officer"`;

function recordParams(agencyId: string, from: string, options: SenderRecordOptions): unknown[] {
  const { now } = options;
  const windowStart = new Date(now.getTime() - options.windowMinutes * options.minuteMs);
  const replyStart = new Date(now.getTime() - options.minuteMs);
  const lookback = new Date(now.getTime() - LOOKBACK_MS);
  return [agencyId, from, windowStart, options.take, now, lookback, replyStart];
}

const READ_WITH_PENDING = `SELECT ${SENDER_RECORD_COLUMNS},
        (SELECT json_agg(p ORDER BY p."seq") FROM (
          SELECT "seq", "seq"::text AS "seqText", "providerId", "agencyId", "from", "to", "body", "media", "receivedAt"
          FROM "InboundSms"
          WHERE "agencyId" = $1 AND "from" = $2 AND "processedAt" IS NULL) p) AS "pending"`;

const readRecord = (row: SenderRecordRow | undefined): SenderRecord => ({
  actedAt: (row?.acted ?? []).map((at) => new Date(at)),
  repliedAt: (row?.replied ?? []).map((at) => new Date(at)),
  known: row?.known ?? false,
  officer: row?.officer ?? false,
});

/**
 * The reads and writes of the per-sender abuse limits over PostgreSQL. Callers hold the sender's
 * lock (InboundSmsProcessor), so a read and the write that follows it do not race.
 */
export class SenderUsageRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * One statement, on pg (every inbound SMS reads it): acted-on times, recent SMS to them,
   * whether they are known or an officer.
   */
  async read(agencyId: string, from: string, options: SenderRecordOptions): Promise<SenderRecord> {
    const { rows } = await poolOf(this.prisma).query<SenderRecordRow>(`SELECT ${SENDER_RECORD_COLUMNS}`, recordParams(agencyId, from, options));
    return readRecord(rows[0]);
  }

  /**
   * The sender's messages still to be acted on, oldest first (InboundSmsInbox.listPending), and
   * their record as `read` gives it, in one statement: every job of an inbound SMS starts with both.
   */
  async readWithPending(
    agencyId: string,
    from: string,
    options: SenderRecordOptions,
  ): Promise<{ record: SenderRecord; pending: StoredInboundSms[] }> {
    const { rows } = await poolOf(this.prisma).query<SenderRecordRow & { pending: PendingJsonRow[] | null }>({
      // Named: parsed and planned once per connection, not on every inbound SMS.
      name: "sender-read-with-pending",
      text: READ_WITH_PENDING,
      values: recordParams(agencyId, from, options),
    });
    const pending = (rows[0]?.pending ?? []).map((row) => toStoredInboundSms({ ...row, seq: row.seqText, receivedAt: new Date(row.receivedAt) }));
    return { record: readRecord(rows[0]), pending };
  }

  /** What the bot texted this conversation within the last minute (sent or about to be). */
  async recentReplyBodies(conversationId: string, now: Date): Promise<string[]> {
    const { lookback, since } = recentReplyWindow(now);
    // On pg: every SMS turn with replies asks (unless the intake store's beginTurn did).
    const { rows } = await poolOf(this.prisma).query<{ body: string }>(RECENT_REPLY_BODIES, [conversationId, lookback, since]);
    return rows.map((row) => row.body);
  }

  /**
   * Records the "we will reply shortly" text for a sender over the inbound limit, once per
   * window (an audit row marks it), in their open customer conversation. Returns the
   * conversation whose SMS to queue, or null when they were told already (or have none).
   */
  async recordLimitNotice(input: {
    agencyId: string;
    from: string;
    /** The agency number they wrote to (replies come from it). */
    to: string;
    windowMinutes: number;
    minuteMs: number;
    now: Date;
    body(language: string | null): string;
    data: object;
  }): Promise<{ conversationId: string; key: string } | null> {
    const marker = { agencyId: input.agencyId, action: "inbound.limited", entityType: "Sender", entityId: input.from };
    const since = new Date(input.now.getTime() - input.windowMinutes * input.minuteMs);
    if (await this.prisma.auditEvent.findFirst({ where: { ...marker, at: { gt: since } }, select: { id: true } })) return null;
    const conversation = await this.prisma.conversation.findFirst({
      where: { agencyId: input.agencyId, channel: "sms", participant: input.from, role: "customer", closedAt: null },
      orderBy: { createdAt: "desc" },
      select: { id: true, language: true },
    });
    const [audit] = await this.prisma.$transaction([
      this.prisma.auditEvent.create({ data: { ...marker, actorKind: "system", data: input.data, at: input.now } }),
      ...(conversation
        ? [
            this.prisma.message.create({
              data: {
                conversationId: conversation.id,
                direction: "outbound",
                channel: "sms",
                from: input.to,
                to: input.from,
                body: input.body(conversation.language),
                status: "recorded",
                createdAt: input.now,
              },
            }),
          ]
        : []),
    ]);
    return conversation ? { conversationId: conversation.id, key: `limit-${audit.id}` } : null;
  }
}
