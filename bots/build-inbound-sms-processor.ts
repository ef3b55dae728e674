import type pg from "pg";
import type { Logger } from "../config/logger.ts";
import type { AgencyConfig } from "../core/agencies/index.ts";
import type { AdvisoryLocks } from "../prisma/advisory-locks.ts";
import type { PrismaClient } from "../prisma/client.ts";
import { InboundSmsInbox } from "../prisma/repositories/inbound-sms-inbox.ts";
import { OfficerShiftRepository } from "../prisma/repositories/officer-shift-repository.ts";
import type { QueueSet } from "../workers/queue-set.ts";
import type { TurnDeps } from "./handle-turn.ts";
import { handleOfficerSms } from "./officers/handle-officer-sms.ts";
import { createInboundSmsProcessor, type InboundSmsProcessor } from "./twilio/inbound-sms-processor.ts";

/** The processor of stored inbound SMS with its production dependencies (`npm start`, `npm run worker`). */
export function buildInboundSmsProcessor(input: {
  prisma: PrismaClient;
  pool: pg.Pool;
  locks: AdvisoryLocks;
  queues: QueueSet;
  turn: TurnDeps;
  logger: Logger;
  getAgency(id: string): AgencyConfig | undefined;
}): InboundSmsProcessor {
  const { prisma, queues } = input;
  const shifts = new OfficerShiftRepository(prisma);
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
        async rebroadcast(requestId) {
          const last = await prisma.offer.aggregate({ where: { position: { requestId } }, _max: { wave: true } });
          await queues.enqueueBroadcastWave(requestId, (last._max.wave ?? 0) + 1, 0);
        },
      }),
    enqueueReplies: (conversationId, turnId) => queues.enqueueSms(conversationId, turnId),
    async notifyCustomer(conversationId, key) {
      const conversation = await prisma.conversation.findUnique({ where: { id: conversationId } });
      if (conversation) await queues.deliverToCustomer(conversationId, conversation.channel === "web" ? "web" : "sms", key);
    },
  });
}
