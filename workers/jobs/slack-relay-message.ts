import { UnrecoverableError } from "bullmq";
import { z } from "zod";
import { renderRelayedCustomerMessage } from "../../bots/slack/render-dispatch-thread.ts";
import type { JobDefinition } from "../job-definition.ts";
import { QUEUES } from "../queues.ts";
import type { WorkerDeps } from "../registry.ts";

export const SlackRelayMessagePayloadSchema = z.object({ messageId: z.uuid() });

/**
 * A customer message for the dispatcher, posted into the conversation's thread once (its ts is
 * stored). Waits, by failing and being retried, while the thread is still being opened.
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
    if (message.slackTs) return { relayed: message.slackTs };
    const { conversation } = message;
    const agency = deps.getAgency(conversation.agencyId);
    if (!agency) throw new UnrecoverableError(`unknown agency ${conversation.agencyId}`);
    if (!conversation.slackThreadTs) throw new Error("dispatcher thread not opened yet");
    const media = ((message.media as { url?: string }[] | null) ?? []).flatMap((m) => (m.url ? [m.url] : []));
    const posted = await deps.slack.client.chat.postMessage({
      channel: agency.slack.dispatchChannel,
      thread_ts: conversation.slackThreadTs,
      text: renderRelayedCustomerMessage(message.body, media),
    });
    await prisma.message.update({ where: { id: message.id }, data: { slackTs: posted.ts ?? conversation.slackThreadTs } });
    return { relayed: posted.ts };
  },
};
