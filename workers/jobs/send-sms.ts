import { UnrecoverableError } from "bullmq";
import { z } from "zod";
import { splitSms } from "../../core/messages/index.ts";
import { poolOf } from "../../prisma/client.ts";
import { claimConversationSends } from "../../prisma/repositories/offer-batch-sends.ts";
import type { JobDefinition } from "../job-definition.ts";
import { SMS_LANES } from "../limits/sms-lanes.ts";
import { QUEUES } from "../queues.ts";
import type { WorkerDeps } from "../registry.ts";

export const SendSmsPayloadSchema = z.object({
  conversationId: z.uuid(),
  /** Lane in the sender's budget (limits/sms-lanes.ts); jobs queued before lanes existed are replies. */
  lane: z.enum(SMS_LANES).default("reply"),
});

/** Twilio errors worth retrying: rate limiting and its own outages (and network failures). */
export function isRetryable(error: unknown): boolean {
  const status = (error as { status?: number } | null)?.status;
  return status === undefined || status === 429 || status >= 500;
}

/**
 * Sends a conversation's recorded outbound SMS in order through the Twilio REST client. The
 * messages are claimed atomically (recorded → sending) so a re-delivered or concurrent job never
 * sends one twice, and in order; opted-out numbers are never sent to. One statement per job plus
 * one per message sent, straight on pg, since every reply and a wave's offers to a whole roster
 * go through here.
 */
export const sendSmsJob: JobDefinition<typeof SendSmsPayloadSchema, WorkerDeps> = {
  id: "send-sms",
  queue: QUEUES.outbound,
  schema: SendSmsPayloadSchema,
  async run({ payload, deps }) {
    const { prisma, twilio } = deps;
    if (!twilio) throw new UnrecoverableError("no Twilio client configured");
    const now = new Date();
    // A message left "sending" by a worker that died mid-send is taken again after a grace period:
    // a rare duplicate text is better than a lost one.
    const staleBefore = new Date(now.getTime() - deps.stuckSendingMs);
    // One statement reads the conversation and claims all its unsent messages (an opted-out
    // number's are failed instead), unless another run is still sending some: they must go first,
    // so this run claims nothing and is retried. Replies therefore leave in the order written.
    const pool = poolOf(prisma);
    const [target] = await claimConversationSends(pool, [payload.conversationId], now, staleBefore);
    if (!target) throw new UnrecoverableError("no such conversation");
    const { from } = target;
    if (!from) throw new UnrecoverableError(`agency ${target.agencyId} has no phone number`);
    if (target.inFlight > 0 && !target.optedOut) {
      // If that run died, this job must live long enough (its retries) to take the messages over.
      throw new Error(`${target.inFlight} earlier message(s) still being sent by another run; retrying`);
    }
    const queue = target.claimed;

    let sent = 0;
    for (const [index, message] of (target.optedOut ? [] : queue).entries()) {
      try {
        let firstSid: string | null = null;
        for (const body of splitSms(message.body)) {
          await deps.smsRateLimiter.acquire(from, payload.lane);
          const result = await twilio.client.messages.create({
            to: message.to,
            from,
            body,
            statusCallback: twilio.statusCallbackUrl(),
          });
          firstSid ??= result.sid;
        }
        // On pg, like the claim: a wave's offers go through here too.
        await pool.query({
          // Named: parsed once per connection, as every SMS handed over is recorded here.
          name: "send-sms-provider-id",
          text: `UPDATE "Message" SET "providerId" = $2, "status" = 'queued', "statusUpdatedAt" = $3 WHERE "id" = $1::uuid`,
          values: [message.id, firstSid, new Date()],
        });
        sent += 1;
      } catch (error) {
        const code = String((error as { code?: unknown }).code ?? "send_failed");
        const retry = isRetryable(error);
        await prisma.message.update({
          where: { id: message.id },
          data: { status: retry ? "recorded" : "failed", errorCode: code },
        });
        if (retry) {
          // The later messages were claimed but not tried: they wait for the retry, in order.
          const later = queue.slice(index + 1).map((m) => m.id);
          if (later.length > 0) {
            await prisma.message.updateMany({
              where: { id: { in: later }, status: "sending", providerId: null },
              data: { status: "recorded", attempts: { decrement: 1 } },
            });
          }
          throw error;
        }
        deps.logger.warn({ messageId: message.id, code, err: error instanceof Error ? error.message : String(error) }, "Twilio refused a message");
      }
    }
    return { sent };
  },
};

/** The same job on the queue of shift offers (QUEUES.outboundBulk), so a wave never holds the replies' workers. */
export const sendBulkSmsJob: JobDefinition<typeof SendSmsPayloadSchema, WorkerDeps> = {
  ...sendSmsJob,
  queue: QUEUES.outboundBulk,
};
