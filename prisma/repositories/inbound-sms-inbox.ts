import type { InboundMessage } from "../../core/messages/index.ts";
import type pg from "pg";
import type { PrismaClient } from "../client.ts";

/** A stored inbound SMS, in arrival order (`seq`). */
export interface StoredInboundSms {
  seq: bigint;
  message: InboundMessage;
}

/** A row of "InboundSms" as pg reads it. */
export interface InboundSmsRow {
  /** int8: pg hands it over as a string. */
  seq: string;
  providerId: string;
  agencyId: string;
  from: string;
  to: string;
  body: string;
  media: unknown;
  receivedAt: Date;
}

export const toStoredInboundSms = (row: InboundSmsRow): StoredInboundSms => ({
  seq: BigInt(row.seq),
  message: {
    channel: "sms",
    agencyId: row.agencyId,
    from: row.from,
    to: row.to,
    text: row.body,
    providerId: row.providerId,
    media: Array.isArray(row.media) ? (row.media as InboundMessage["media"]) : [],
    receivedAt: row.receivedAt,
  },
});

/**
 * The inbox of SMS webhooks: the webhook stores each message here (once per MessageSid) and
 * answers Twilio; workers act on the rows, one sender's in arrival order, and mark them done.
 */
export class InboundSmsInbox {
  /**
   * `pool` is the one beneath `prisma` (createDatabase): every statement here runs on every
   * inbound SMS, so all of them skip Prisma. `prisma` is kept so callers need not change.
   */
  constructor(
    _prisma: PrismaClient,
    private readonly pool: pg.Pool,
  ) {}

  /**
   * Stores the message unless its MessageSid is already stored (a retried webhook): one
   * statement, straight on pg, since every inbound SMS webhook waits for it.
   */
  async store(message: InboundMessage & { providerId: string }): Promise<void> {
    await this.pool.query(
      `INSERT INTO "InboundSms" ("providerId", "agencyId", "from", "to", "body", "media", "receivedAt")
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)
       ON CONFLICT ("providerId") DO NOTHING`,
      [message.providerId, message.agencyId, message.from, message.to, message.text, JSON.stringify(message.media), message.receivedAt],
    );
  }

  /** The sender's messages still to be acted on, oldest first; one statement, on pg (every inbound SMS). */
  async listPending(agencyId: string, from: string): Promise<StoredInboundSms[]> {
    const { rows } = await this.pool.query<InboundSmsRow>(
      `SELECT "seq", "providerId", "agencyId", "from", "to", "body", "media", "receivedAt"
       FROM "InboundSms"
       WHERE "agencyId" = $1 AND "from" = $2 AND "processedAt" IS NULL
       ORDER BY "seq"`,
      [agencyId, from],
    );
    return rows.map(toStoredInboundSms);
  }

  async markProcessed(seq: bigint, at: Date): Promise<void> {
    await this.pool.query(`UPDATE "InboundSms" SET "processedAt" = $2 WHERE "seq" = $1 AND "processedAt" IS NULL`, [seq.toString(), at]);
  }
}
