import { UnrecoverableError } from "bullmq";
import { z } from "zod";
import type { JobDefinition } from "../job-definition.ts";
import { QUEUES } from "../queues.ts";
import type { WorkerDeps } from "../registry.ts";
import { flushHeldRelays } from "./relay-to-thread.ts";

export const SlackRelayBacklogPayloadSchema = z.object({ conversationId: z.uuid() });

/**
 * The customer messages held back from a dispatcher thread over its Slack budget, posted
 * together once the budget frees (relay-to-thread.ts). Idempotent: posted messages are no
 * longer held.
 */
export const slackRelayBacklogJob: JobDefinition<typeof SlackRelayBacklogPayloadSchema, WorkerDeps> = {
  id: "slack-relay-backlog",
  queue: QUEUES.slack,
  schema: SlackRelayBacklogPayloadSchema,
  async run({ payload, deps }) {
    if (!deps.slack) return { skipped: "no Slack client" };
    const conversation = await deps.prisma.conversation.findUnique({ where: { id: payload.conversationId } });
    if (!conversation) throw new UnrecoverableError("no such conversation");
    const agency = deps.getAgency(conversation.agencyId);
    if (!agency) throw new UnrecoverableError(`unknown agency ${conversation.agencyId}`);
    if (!conversation.slackThreadTs) throw new Error("dispatcher thread not opened yet");
    return flushHeldRelays(
      deps,
      { id: conversation.id, slackThreadTs: conversation.slackThreadTs },
      agency.slack.dispatchChannel,
    );
  },
};
