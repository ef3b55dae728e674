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

/** Most messages in one INSERT: a larger backlog goes in several, so no statement grows without bound. */
const MAX_STORE_BATCH = 100;

const INSERT_INBOUND_SQL = `INSERT INTO "InboundSms" ("providerId", "agencyId", "from", "to", "body", "media", "receivedAt")
  SELECT "providerId", "agencyId", "from", "to", "body", "media", "receivedAt"
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::timestamptz[])
    WITH ORDINALITY AS m("providerId", "agencyId", "from", "to", "body", "media", "receivedAt", "at")
  ORDER BY "at"
  ON CONFLICT ("providerId") DO NOTHING`;

/** A message waiting for its turn's INSERT, and how to tell its webhook the outcome. */
interface PendingStore {
  message: InboundMessage & { providerId: string };
  settle: (error?: unknown) => void;
}

/**
 * The inbox of SMS webhooks: the webhook stores each message here (once per MessageSid) and
 * answers Twilio; workers act on the rows, one sender's in arrival order, and mark them done.
 */
export class InboundSmsInbox {
  /** The messages handed to store() in this turn of the event loop, written together by flushStores. */
  private pendingStores: PendingStore[] = [];

  /**
   * `pool` is the one beneath `prisma` (createDatabase): every statement here runs on every
   * inbound SMS, so all of them skip Prisma. `prisma` is kept so callers need not change.
   */
  constructor(
    _prisma: PrismaClient,
    private readonly pool: pg.Pool,
  ) {}

  /**
   * Stores the message unless its MessageSid is already stored (a retried webhook), and resolves
   * once it is committed. Every inbound SMS webhook waits for it, so the messages stored in one
   * turn of the event loop go in one statement (flushStores): under load a turn finishes many
   * webhooks, and each statement of its own was a round trip, a plan and a commit (a WAL flush)
   * on PostgreSQL, which shares the machine's cores with the web process.
   */
  store(message: InboundMessage & { providerId: string }): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      // setImmediate runs after this turn's I/O callbacks: the webhooks read together are stored together.
      if (this.pendingStores.length === 0) setImmediate(() => this.flushStores());
      this.pendingStores.push({ message, settle: (error) => (error === undefined ? resolve() : reject(error)) });
      if (this.pendingStores.length >= MAX_STORE_BATCH) this.flushStores();
    });
  }

  /**
   * Writes the pending messages in one statement. When it fails with more than one message, each
   * is tried alone, so a message PostgreSQL refuses fails its own webhook (503) and no other.
   */
  private flushStores(): void {
    const batch = this.pendingStores;
    if (batch.length === 0) return;
    this.pendingStores = [];
    const settleAll = (entries: PendingStore[], error?: unknown) => {
      for (const entry of entries) entry.settle(error);
    };
    this.insertInbound(batch.map((entry) => entry.message)).then(
      () => settleAll(batch),
      (error: unknown) => {
        if (batch.length === 1) {
          settleAll(batch, error ?? new Error("storing the inbound SMS failed"));
          return;
        }
        void this.insertEachAlone(batch);
      },
    );
  }

  /** One after the other, not side by side on the pool: `seq` keeps following arrival. */
  private async insertEachAlone(batch: PendingStore[]): Promise<void> {
    for (const entry of batch) {
      try {
        await this.insertInbound([entry.message]);
        entry.settle();
      } catch (error) {
        entry.settle(error ?? new Error("storing the inbound SMS failed"));
      }
    }
  }

  /**
   * One INSERT for any number of messages (arrays unnested in order, so `seq` follows arrival), a
   * MessageSid already stored skipped. A named statement: each pooled connection parses and plans
   * it once. Instants go as ISO strings (timestamptz), which pg would otherwise format per value.
   */
  private async insertInbound(messages: (InboundMessage & { providerId: string })[]): Promise<void> {
    const columns: string[][] = [[], [], [], [], [], [], []];
    for (const message of messages) {
      columns[0]!.push(message.providerId);
      columns[1]!.push(message.agencyId);
      columns[2]!.push(message.from);
      columns[3]!.push(message.to);
      columns[4]!.push(message.text);
      columns[5]!.push(message.media.length === 0 ? "[]" : JSON.stringify(message.media));
      columns[6]!.push(message.receivedAt.toISOString());
    }
    await this.pool.query({ name: "inbound-sms-store", text: INSERT_INBOUND_SQL, values: columns });
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
