import { UnrecoverableError } from "bullmq";
import { z } from "zod";
import { splitSms } from "../../core/messages/index.ts";
import { poolOf } from "../../prisma/client.ts";
import {
  type ClaimedConversation,
  claimConversationSends,
  recordSendOutcomes,
  type SendOutcome,
} from "../../prisma/repositories/offer-batch-sends.ts";
import type { JobDefinition } from "../job-definition.ts";
import { QUEUES } from "../queues.ts";
import type { WorkerDeps } from "../registry.ts";
import { isRetryable } from "./send-sms.ts";

/** Conversations of one batch job (the wave queues at most this many per job). */
export const MAX_SEND_BATCH = 100;
/**
 * Provider calls started at once per job: a wave's job of 50 in one group, so its outcomes are
 * written in one statement. The twilio client's agent keeps 20 sockets per host and queues the
 * rest in order, so the provider still sees them fairest first.
 */
const SEND_CONCURRENCY = 50;

export const SendOfferBatchPayloadSchema = z.object({
  conversationIds: z.array(z.uuid()).min(1).max(MAX_SEND_BATCH),
  /** Key of what queued it (a wave: offer-<request>-<wave>); a busy conversation's own job is keyed by it. */
  key: z.string().min(1),
});

/**
 * Sends the recorded outbound SMS of a batch of conversations (one wave's offers, in the
 * broadcast lane): one statement claims them all (send-sms.ts's rules, per conversation), the
 * twilio client sends them `SEND_CONCURRENCY` conversations at a time, each conversation's
 * messages in order, every part after asking the per-sender limit, and one statement per group
 * writes back the provider ids. Idempotent: a message that has a provider id or is claimed by a
 * live run is never claimed again, so a retried batch sends only what is still unsent. A
 * conversation another run is still sending in gets a send-sms job of its own, which waits its
 * turn. Retryable provider errors put their message back and fail the job (after the rest of the
 * batch is sent), so BullMQ retries just those.
 *
 * Why a batch: a job per offer cost a BullMQ job, a claim and an update each (≈ 3 ms of CPU per
 * offer); a wave's batch of 50 costs one job, one claim and one update.
 */
export const sendOfferBatchJob: JobDefinition<typeof SendOfferBatchPayloadSchema, WorkerDeps> = {
  id: "send-offer-batch",
  queue: QUEUES.outboundBulk,
  schema: SendOfferBatchPayloadSchema,
  async run({ payload, deps }) {
    const { twilio } = deps;
    if (!twilio) throw new UnrecoverableError("no Twilio client configured");
    const db = poolOf(deps.prisma);
    const now = new Date();
    // As in send-sms: a message left "sending" by a worker that died is taken again after a grace period.
    const claimed = await claimConversationSends(db, payload.conversationIds, now, new Date(now.getTime() - deps.stuckSendingMs));
    const ready: (ClaimedConversation & { from: string })[] = [];
    for (const conversation of claimed) {
      if (conversation.optedOut) continue;
      if (conversation.from === null) {
        deps.logger.error({ agencyId: conversation.agencyId }, "agency has no phone number: offers not sent");
      } else if (conversation.inFlight > 0) {
        // Its earlier message must leave first; send-sms waits (retries) until that run is done.
        await deps.enqueueSms(conversation.conversationId, `${payload.key}-after`, "broadcast");
      } else if (conversation.claimed.length > 0) {
        ready.push({ ...conversation, from: conversation.from });
      }
    }
    let sent = 0;
    let retry: unknown = null;
    for (let i = 0; i < ready.length; i += SEND_CONCURRENCY) {
      const group = ready.slice(i, i + SEND_CONCURRENCY);
      const outcomes = (await Promise.all(group.map((conversation) => sendConversation(deps, conversation)))).flat();
      await recordSendOutcomes(db, outcomes);
      sent += outcomes.filter((o) => o.kind === "queued").length;
      for (const outcome of outcomes) {
        if (outcome.kind === "failed") deps.logger.warn({ messageId: outcome.messageId, code: outcome.errorCode }, "Twilio refused a message");
        if (outcome.kind === "retry") retry ??= new Error(`Twilio error ${outcome.errorCode}; retrying the batch's unsent messages`);
      }
    }
    if (retry) throw retry;
    return { sent };
  },
};

/** One conversation's claimed messages in order; after a retryable error the rest wait for the retry. */
async function sendConversation(deps: WorkerDeps, conversation: ClaimedConversation & { from: string }): Promise<SendOutcome[]> {
  const twilio = deps.twilio!;
  const outcomes: SendOutcome[] = [];
  for (const message of conversation.claimed) {
    if (outcomes.some((o) => o.kind === "retry")) {
      outcomes.push({ messageId: message.id, kind: "untried" });
      continue;
    }
    try {
      let firstSid: string | null = null;
      for (const body of splitSms(message.body)) {
        await deps.smsRateLimiter.acquire(conversation.from, "broadcast");
        const result = await twilio.client.messages.create({
          to: message.to,
          from: conversation.from,
          body,
          statusCallback: twilio.statusCallbackUrl(),
        });
        firstSid ??= result.sid;
      }
      outcomes.push(
        firstSid === null
          ? { messageId: message.id, kind: "failed", errorCode: "empty_body" }
          : { messageId: message.id, kind: "queued", providerId: firstSid },
      );
    } catch (error) {
      const errorCode = String((error as { code?: unknown }).code ?? "send_failed");
      outcomes.push({ messageId: message.id, kind: isRetryable(error) ? "retry" : "failed", errorCode });
    }
  }
  return outcomes;
}
