import type pg from "pg";
import type { Logger } from "../config/logger.ts";
import type { AgencyConfig } from "../core/agencies/index.ts";
import type { AdvisoryLocks } from "../prisma/advisory-locks.ts";
import type { PrismaClient } from "../prisma/client.ts";
import { InboundSmsInbox } from "../prisma/repositories/inbound-sms-inbox.ts";
import { OfficerShiftRepository } from "../prisma/repositories/officer-shift-repository.ts";
import { SenderUsageRepository } from "../prisma/repositories/sender-usage.ts";
import { type AbuseLimits, DEFAULT_ABUSE_LIMITS } from "../workers/limits/abuse-limits.ts";
import { limitNotice } from "../workers/limits/inbound-gate.ts";
import type { QueueSet } from "../workers/queue-set.ts";
import type { TurnDeps } from "./handle-turn.ts";
import { handleOfficerSms } from "./officers/handle-officer-sms.ts";
import { createInboundSmsProcessor, type InboundSmsProcessor, type SenderLimitsPort } from "./twilio/inbound-sms-processor.ts";

/** A held-back sender's job runs this long after their window frees (clocks of processes differ a little). */
const HOLD_MARGIN_MS = 500;

/** The processor of stored inbound SMS with its production dependencies (`npm start`, `npm run worker`). */
export function buildInboundSmsProcessor(input: {
  prisma: PrismaClient;
  pool: pg.Pool;
  locks: AdvisoryLocks;
  queues: QueueSet;
  turn: TurnDeps;
  logger: Logger;
  getAgency(id: string): AgencyConfig | undefined;
  /** The abuse limits (config/env.ts); the defaults when not given. */
  limits?: AbuseLimits;
}): InboundSmsProcessor {
  const { prisma, queues } = input;
  const shifts = new OfficerShiftRepository(prisma, input.getAgency);
  return createInboundSmsProcessor({
    inbox: new InboundSmsInbox(prisma, input.pool),
    locks: input.locks,
    turn: input.turn,
    logger: input.logger,
    getAgency: input.getAgency,
    handleOfficer: (message, agency) =>
      handleOfficerSms(message, agency, {
        prisma,
        shifts,
        onStaffed: (requestId) => queues.enqueueRequestStaffed(requestId),
        notifyStaff: queues.postRequestNotice,
        notifyOfficers: (conversationIds, key) =>
          // The broadcast lane: a loser's notice never delays anyone's reply (limits/sms-lanes.ts).
          queues.enqueueSmsBatch(
            conversationIds.map((conversationId) => ({ conversationId, turnId: key })),
            "broadcast",
          ),
        scheduleCheckOutClose: queues.scheduleCheckOutClose,
        invoiceCompleted: queues.enqueueInvoiceDraft,
        async rebroadcast(requestId) {
          const last = await prisma.offer.aggregate({ where: { position: { requestId } }, _max: { wave: true } });
          await queues.enqueueBroadcastWave(requestId, (last._max.wave ?? 0) + 1, 0);
        },
      }),
    enqueueReplies: (conversationId, turnId, lane) => queues.enqueueSms(conversationId, turnId, lane),
    async notifyCustomer(conversationId, key) {
      const conversation = await prisma.conversation.findUnique({ where: { id: conversationId } });
      if (conversation) await queues.deliverToCustomer(conversationId, conversation.channel === "web" ? "web" : "sms", key);
    },
    senderLimits: buildSenderLimits(prisma, queues, input.logger, input.limits ?? DEFAULT_ABUSE_LIMITS),
  });
}

function buildSenderLimits(prisma: PrismaClient, queues: QueueSet, logger: Logger, limits: AbuseLimits): SenderLimitsPort {
  const usage = new SenderUsageRepository(prisma);
  const recordOptions = (now: Date) => ({
    windowMinutes: limits.inboundWindowMinutes,
    take: limits.inboundPerSender,
    now,
    minuteMs: limits.minuteMs,
  });
  return {
    limits,
    read: (agencyId, from, now) => usage.read(agencyId, from, recordOptions(now)),
    readWithPending: (agencyId, from, now) => usage.readWithPending(agencyId, from, recordOptions(now)),
    async holdBack({ agencyId, from, to, firstWaiting, pending, gate, now }) {
      if (gate.reason === "inbound_limit") {
        const notice = await usage.recordLimitNotice({
          agencyId,
          from,
          to,
          windowMinutes: limits.inboundWindowMinutes,
          minuteMs: limits.minuteMs,
          now,
          body: limitNotice,
          data: { pending, until: gate.until.toISOString() },
        });
        if (notice) await queues.enqueueSms(notice.conversationId, notice.key, "reply");
        // No phone number in the log: the audit row (inbound.limited) names the sender.
        if (notice) logger.warn({ agencyId, pending, until: gate.until.toISOString() }, "sender over the inbound limit; the rest of their messages wait");
      }
      const delayMs = gate.until.getTime() - now.getTime() + HOLD_MARGIN_MS;
      // One job per sender and release time (every job of theirs until then finds it queued). A
      // run that finds itself early (another process's clock) queues a job of its own.
      const key = `held-${Math.ceil(gate.until.getTime() / 1000)}${delayMs < 2 * HOLD_MARGIN_MS ? `-${now.getTime()}` : ""}`;
      await queues.enqueueInboundSms({ providerId: firstWaiting, agencyId, from }, key, delayMs);
    },
  };
}
