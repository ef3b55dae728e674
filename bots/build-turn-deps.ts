import { getAgency } from "../agencies/load-agencies.ts";
import type { CustomerLinkBuilder } from "../core/customer-page/index.ts";
import type { MessageExtractor } from "../core/understanding/index.ts";
import { type PrismaClient, poolOf } from "../prisma/client.ts";
import { PrismaIntakeStore } from "../prisma/repositories/prisma-intake-store.ts";
import { SenderUsageRepository } from "../prisma/repositories/sender-usage.ts";
import type { QueueSet } from "../workers/queue-set.ts";
import type { TurnDeps } from "./handle-turn.ts";
import { followUpAmendment } from "./slack/amendment-follow-up.ts";
import { relayAnswerToApprovers } from "./slack/relay-answer.ts";

/**
 * What a customer turn needs on every channel, in the HTTP process (voice, web chat) and in
 * worker processes (SMS): the intake store, the extractor and the follow-up jobs of a turn.
 */
export function buildTurnDeps(input: {
  prisma: PrismaClient;
  queues: QueueSet;
  extractor: MessageExtractor;
  /** Signs LINK's page links; null or absent where customer pages are off. */
  customerLinks?: CustomerLinkBuilder | null;
}): TurnDeps {
  const { prisma, queues } = input;
  const usage = new SenderUsageRepository(prisma);
  return {
    store: new PrismaIntakeStore(prisma, input.customerLinks ?? null),
    customerPage: input.customerLinks ? { validDays: input.customerLinks.validDays } : null,
    extractor: input.extractor,
    getAgency,
    async afterCommit({ conversationId, state, effects }) {
      if (effects.some((e) => e.kind === "submit_request") && state.submittedNumber !== null) {
        await queues.enqueueOpenApprovals(state.submittedNumber);
      }
      for (const effect of effects) {
        if (effect.kind === "cancel_request") await queues.enqueueRequestCancelled(effect.requestNumber);
        if (effect.kind === "answer_amendment") await followUpAmendment(prisma, queues, effect);
        if (effect.kind === "escalate") {
          await queues.syncDispatchThread(conversationId, `escalate-${Date.now()}`, effect.reason);
        }
      }
    },
    relayToDispatcher: async (_conversationId, messageId) => queues.relayToDispatcher(messageId),
    async afterInbound(conversationId, messageId, known) {
      // Almost no conversation has a request whose approvers asked a question: the store's
      // beginTurn tells, or one cheap statement on pg, before the relay's Prisma reads.
      const awaiting =
        known?.awaitingApprovers ??
        (
          await poolOf(prisma).query(
            `SELECT 1 FROM "Request" WHERE "conversationId" = $1::uuid AND "status" = 'pending_approval' AND "slackMessageTs" IS NOT NULL LIMIT 1`,
            [conversationId],
          )
        ).rows.length > 0;
      if (awaiting) await relayAnswerToApprovers(prisma, queues, conversationId, messageId);
    },
    recentReplies: (conversationId) => usage.recentReplyBodies(conversationId, new Date()),
  };
}
