import { UnrecoverableError } from "bullmq";
import { z } from "zod";
import type { JobDefinition } from "../job-definition.ts";
import { QUEUES } from "../queues.ts";
import type { WorkerDeps } from "../registry.ts";
import { flushHeldRelays, HELD_FOR_SLACK } from "./relay-to-thread.ts";

export const SlackRelayMessagePayloadSchema = z.object({ messageId: z.uuid() });

/**
 * A customer message for the dispatcher, posted into the conversation's thread once (its ts is
 * stored). Waits, by failing and being retried, while the thread is still being opened. Within
 * the thread's Slack budget it is posted at once; beyond it, it waits with the others and they
 * go in one post when the budget frees (relay-to-thread.ts): 200 texts make a handful of posts.
 */
export const slackRelayMessageJob: JobDefinition<typeof SlackRelayMessagePayloadSchema, WorkerDeps> = {
  id: "slack-relay-message",
  queue: QUEUES.slack,
  schema: SlackRelayMessagePayloadSchema,
  async run({ payload, deps }) {
    if (!deps.slack) return { skipped: "no Slack client" };
    const { prisma } = deps;
    const message = await prisma.message.findUnique({
      where: { id: payload.messageId },
      include: { conversation: true },
    });
    if (!message) throw new UnrecoverableError("no such message");
    if (message.slackTs && message.slackTs !== HELD_FOR_SLACK) return { relayed: message.slackTs };
    const { conversation } = message;
    const agency = deps.getAgency(conversation.agencyId);
    if (!agency) throw new UnrecoverableError(`unknown agency ${conversation.agencyId}`);
    if (!conversation.slackThreadTs) throw new Error("dispatcher thread not opened yet");
    // Every relay joins the conversation's held messages, so the thread gets them in order
    // whether they go one by one or together.
    await prisma.message.updateMany({ where: { id: message.id, slackTs: null }, data: { slackTs: HELD_FOR_SLACK } });
    return flushHeldRelays(
      deps,
      { id: conversation.id, slackThreadTs: conversation.slackThreadTs },
      agency.slack.dispatchChannel,
    );
  },
};
