import { UnrecoverableError } from "bullmq";
import { z } from "zod";
import { splitSms } from "../../core/messages/index.ts";
import type { JobDefinition } from "../job-definition.ts";
import { QUEUES } from "../queues.ts";
import type { WorkerDeps } from "../registry.ts";

export const SendSmsPayloadSchema = z.object({ conversationId: z.uuid() });

/** Twilio errors worth retrying: rate limiting and its own outages (and network failures). */
function isRetryable(error: unknown): boolean {
  const status = (error as { status?: number } | null)?.status;
  return status === undefined || status === 429 || status >= 500;
}

/**
 * Sends a conversation's recorded outbound SMS in order through the Twilio REST client. Each
 * message is claimed atomically (recorded → sending) so a re-delivered or concurrent job never
 * sends it twice; opted-out numbers are never sent to.
 */
export const sendSmsJob: JobDefinition<typeof SendSmsPayloadSchema, WorkerDeps> = {
  id: "send-sms",
  queue: QUEUES.outbound,
  schema: SendSmsPayloadSchema,
  async run({ payload, deps }) {
    const { prisma, twilio } = deps;
    if (!twilio) throw new UnrecoverableError("no Twilio client configured");
    const conversation = await prisma.conversation.findUnique({
      where: { id: payload.conversationId },
      include: { agency: true },
    });
    if (!conversation) throw new UnrecoverableError("no such conversation");
    // A message left "sending" by a worker that died mid-send is taken again after a grace period:
    // a rare duplicate text is better than a lost one.
    const unsent = {
      providerId: null,
      OR: [
        { status: "recorded" as const },
        { status: "sending" as const, statusUpdatedAt: { lt: new Date(Date.now() - deps.stuckSendingMs) } },
      ],
    };
    const pending = await prisma.message.findMany({
      where: { conversationId: conversation.id, direction: "outbound", channel: "sms", ...unsent },
      orderBy: { createdAt: "asc" },
    });
    const optedOut = await prisma.optOut.findUnique({
      where: { agencyId_phone: { agencyId: conversation.agencyId, phone: conversation.participant } },
    });
    const lastInbound = await prisma.message.findFirst({
      where: { conversationId: conversation.id, direction: "inbound" },
      orderBy: { createdAt: "desc" },
    });
    const from = lastInbound?.to ?? conversation.agency.phoneNumbers[0];
    if (!from) throw new UnrecoverableError(`agency ${conversation.agencyId} has no phone number`);

    let sent = 0;
    for (const message of pending) {
      const claimed = await prisma.message.updateMany({
        where: { id: message.id, ...unsent },
        data: optedOut
          ? { status: "failed", errorCode: "opted_out" }
          : { status: "sending", statusUpdatedAt: new Date(), attempts: { increment: 1 }, from },
      });
      if (claimed.count === 0 || optedOut) continue;
      try {
        let firstSid: string | null = null;
        for (const body of splitSms(message.body)) {
          await deps.smsRateLimiter.acquire(from);
          const result = await twilio.client.messages.create({
            to: message.to,
            from,
            body,
            statusCallback: twilio.statusCallbackUrl(),
          });
          firstSid ??= result.sid;
        }
        await prisma.message.update({
          where: { id: message.id },
          data: { providerId: firstSid, status: "queued", statusUpdatedAt: new Date() },
        });
        sent += 1;
      } catch (error) {
        const code = String((error as { code?: unknown }).code ?? "send_failed");
        const retry = isRetryable(error);
        await prisma.message.update({
          where: { id: message.id },
          data: { status: retry ? "recorded" : "failed", errorCode: code },
        });
        if (retry) throw error;
        deps.logger.warn({ messageId: message.id, code, err: error instanceof Error ? error.message : String(error) }, "Twilio refused a message");
      }
    }
    // A message another run claimed and has not finished: if that run died, this job must live
    // long enough (its retries) to take the message over, so it fails and is retried.
    const inFlight = await prisma.message.count({
      where: { conversationId: conversation.id, direction: "outbound", channel: "sms", status: "sending", providerId: null },
    });
    if (inFlight > 0) throw new Error(`${inFlight} message(s) still being sent by another run; retrying`);
    return { sent };
  },
};
