import type pg from "pg";
import { listStatusesBefore } from "../../core/messages/index.ts";

/** A provider's delivery-status callback (Twilio's MessageStatus for a MessageSid). */
export interface DeliveryStatusUpdate {
  providerId: string;
  status: string;
  /** The provider's error code; empty or absent leaves the stored one as it is. */
  errorCode?: string | undefined;
  at: Date;
}

/**
 * Moves the message sent as `providerId` to `status` if that is a step forward (a late "sent"
 * never undoes "delivered": listStatusesBefore); returns how many messages moved (0 or 1). An
 * unknown status or MessageSid moves nothing. One statement on the pg pool, not Prisma: every
 * outbound SMS gets its callbacks in the web process, which then never loads Prisma's query
 * compiler (~80 MB) for them.
 */
export async function recordDeliveryStatus(pool: pg.Pool, update: DeliveryStatusUpdate): Promise<number> {
  const earlier = listStatusesBefore(update.status);
  if (!update.providerId || earlier.length === 0) return 0;
  const { rowCount } = await pool.query(
    `UPDATE "Message"
        SET "status" = $2::"MessageStatus", "statusUpdatedAt" = $3, "errorCode" = COALESCE($4, "errorCode")
      WHERE "providerId" = $1 AND "status" = ANY($5::"MessageStatus"[])`,
    [update.providerId, update.status, update.at, update.errorCode || null, earlier],
  );
  return rowCount ?? 0;
}
