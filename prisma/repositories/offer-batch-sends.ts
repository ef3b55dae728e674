import type pg from "pg";

/** Where the statements run: the pg pool beneath Prisma (poolOf), as sends are a hot path. */
export type Queryable = Pick<pg.Pool, "query">;

/** One conversation of a send batch as claimed: what to send and from which number. */
export interface ClaimedConversation {
  conversationId: string;
  agencyId: string;
  optedOut: boolean;
  /** The agency number the participant last wrote to (replies come from it), else the agency's first. */
  from: string | null;
  /** Outbound SMS another live run has claimed and not handed to the provider: nothing was claimed here. */
  inFlight: number;
  /** The messages this run claimed, oldest first (sent in this order). */
  claimed: { id: string; to: string; body: string }[];
}

/** What became of one claimed message; written back for a whole chunk in one statement. */
export type SendOutcome =
  | { messageId: string; kind: "queued"; providerId: string }
  | { messageId: string; kind: "failed"; errorCode: string }
  /** Worth another try (429, 5xx, network): recorded again for the retry. */
  | { messageId: string; kind: "retry"; errorCode: string }
  /** Claimed but not tried (an earlier message of its conversation must be retried first). */
  | { messageId: string; kind: "untried" };

/**
 * Claims the unsent outbound SMS of many conversations in one statement: a wave's batch, or the
 * one conversation of a send-sms job. Recorded → sending; an opted-out number's messages are
 * failed instead; a message left "sending" before `staleBefore` is taken over; nothing is claimed
 * in a conversation another live run is still sending in. Conversations that do not exist are
 * left out.
 */
export async function claimConversationSends(
  db: Queryable,
  conversationIds: string[],
  now: Date,
  staleBefore: Date,
): Promise<ClaimedConversation[]> {
  if (conversationIds.length === 0) return [];
  const { rows } = await db.query<Omit<ClaimedConversation, "claimed"> & { claimed: ClaimedConversation["claimed"] | string }>({
    // Named: parsed and planned once per connection (every send job and offer batch claims).
    name: "claim-conversation-sends",
    text: `WITH target AS (
      SELECT c."id", c."agencyId",
        EXISTS (SELECT 1 FROM "OptOut" o WHERE o."agencyId" = c."agencyId" AND o."phone" = c."participant") AS "optedOut",
        COALESCE(
          (SELECT m."to" FROM "Message" m WHERE m."conversationId" = c."id" AND m."direction" = 'inbound'
            ORDER BY m."createdAt" DESC LIMIT 1),
          (SELECT a."phoneNumbers"[1] FROM "Agency" a WHERE a."id" = c."agencyId")) AS "from",
        (SELECT count(*)::int FROM "Message" m WHERE m."conversationId" = c."id" AND m."direction" = 'outbound'
          AND m."channel" = 'sms' AND m."status" = 'sending' AND m."providerId" IS NULL
          AND m."statusUpdatedAt" >= $2) AS "inFlight"
      FROM "Conversation" c WHERE c."id" = ANY($1::uuid[])
    ), claimed AS (
      UPDATE "Message" m SET
        "status" = (CASE WHEN t."optedOut" THEN 'failed' ELSE 'sending' END)::"MessageStatus",
        "errorCode" = CASE WHEN t."optedOut" THEN 'opted_out' ELSE m."errorCode" END,
        "statusUpdatedAt" = CASE WHEN t."optedOut" THEN m."statusUpdatedAt" ELSE $3::timestamptz END,
        "attempts" = m."attempts" + CASE WHEN t."optedOut" THEN 0 ELSE 1 END,
        "from" = CASE WHEN t."optedOut" THEN m."from" ELSE t."from" END
      FROM target t
      WHERE t."from" IS NOT NULL AND (t."optedOut" OR t."inFlight" = 0)
        AND m."conversationId" = t."id" AND m."direction" = 'outbound' AND m."channel" = 'sms' AND m."providerId" IS NULL
        AND (m."status" = 'recorded' OR (m."status" = 'sending' AND m."statusUpdatedAt" < $2))
      RETURNING m."id", m."conversationId", m."to", m."body", m."createdAt"
    )
    SELECT t."id" AS "conversationId", t."agencyId", t."optedOut", t."from", t."inFlight",
      COALESCE((SELECT json_agg(json_build_object('id', c."id", 'to', c."to", 'body', c."body") ORDER BY c."createdAt", c."id")
        FROM claimed c WHERE c."conversationId" = t."id"), '[]'::json) AS "claimed"
    FROM target t`,
    values: [conversationIds, staleBefore, now],
  });
  return rows.map((row) => ({ ...row, claimed: typeof row.claimed === "string" ? JSON.parse(row.claimed) : row.claimed }));
}

/**
 * Writes back what became of claimed messages in one statement: handed over (provider id,
 * "queued"), refused for good ("failed"), to be retried ("recorded" with the error), or not tried
 * ("recorded", its claim's attempt given back). Only messages still claimed and without a provider
 * id are touched, so a write that comes late never undoes another run's send.
 */
export async function recordSendOutcomes(db: Queryable, outcomes: SendOutcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  const status = (o: SendOutcome) => (o.kind === "queued" ? "queued" : o.kind === "failed" ? "failed" : "recorded");
  await db.query(
    `UPDATE "Message" m SET
      "providerId" = o."providerId",
      "status" = o."status"::"MessageStatus",
      "statusUpdatedAt" = CASE WHEN o."status" = 'queued' THEN now() ELSE m."statusUpdatedAt" END,
      "errorCode" = COALESCE(o."errorCode", m."errorCode"),
      "attempts" = m."attempts" - o."undo"
    FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[]) AS o("id", "providerId", "status", "errorCode", "undo")
    WHERE m."id" = o."id" AND m."status" = 'sending' AND m."providerId" IS NULL`,
    [
      outcomes.map((o) => o.messageId),
      outcomes.map((o) => (o.kind === "queued" ? o.providerId : null)),
      outcomes.map(status),
      outcomes.map((o) => (o.kind === "failed" || o.kind === "retry" ? o.errorCode : null)),
      outcomes.map((o) => (o.kind === "untried" ? 1 : 0)),
    ],
  );
}
