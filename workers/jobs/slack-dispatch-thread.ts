import { UnrecoverableError } from "bullmq";
import { z } from "zod";
import { renderDispatchThreadRoot } from "../../bots/slack/render-dispatch-thread.ts";
import { StaffViews } from "../../prisma/repositories/staff-views.ts";
import type { JobDefinition } from "../job-definition.ts";
import { QUEUES } from "../queues.ts";
import type { WorkerDeps } from "../registry.ts";

export const SlackDispatchThreadPayloadSchema = z.object({
  conversationId: z.uuid(),
  reason: z.enum(["asked_for_agent", "misunderstood", "voicemail", "flagged", "refresh"]),
  note: z.string().min(1).max(3000).optional(),
});

/**
 * The dispatcher thread of an escalated conversation: opened in the agency's dispatch channel
 * with the transcript so far and a Take over button, then refreshed in place when it is taken
 * over or handed back. Messages already in the opening transcript are marked as relayed.
 */
export const slackDispatchThreadJob: JobDefinition<typeof SlackDispatchThreadPayloadSchema, WorkerDeps> = {
  id: "slack-dispatch-thread",
  queue: QUEUES.slack,
  schema: SlackDispatchThreadPayloadSchema,
  async run({ payload, deps }) {
    if (!deps.slack) return { skipped: "no Slack client" };
    const { prisma } = deps;
    const conversation = await prisma.conversation.findUnique({ where: { id: payload.conversationId } });
    if (!conversation) throw new UnrecoverableError("no such conversation");
    const agency = deps.getAgency(conversation.agencyId);
    if (!agency) throw new UnrecoverableError(`unknown agency ${conversation.agencyId}`);
    const channel = agency.slack.dispatchChannel;
    const views = new StaffViews(prisma, deps.getAgency);
    const transcript = await views.loadTranscript(conversation.id);
    const customer = await views.loadConversationCustomer(conversation.id);
    const reason = payload.reason === "refresh" ? "asked_for_agent" : payload.reason;
    const root = renderDispatchThreadRoot(
      {
        conversationId: conversation.id,
        agencyName: agency.name,
        timeZone: agency.timeZone,
        channel: conversation.channel,
        participant: conversation.participant,
        reason,
        holder: conversation.holder,
        holderId: conversation.holderId,
      },
      transcript,
      customer,
    );
    let threadTs = conversation.slackThreadTs;
    if (threadTs) {
      await deps.slack.client.chat.update({ channel, ts: threadTs, ...root });
    } else {
      const posted = await deps.slack.client.chat.postMessage({ channel, ...root });
      if (!posted.ts) throw new Error("Slack returned no ts for the thread");
      threadTs = posted.ts;
      // Messages before the conversation, the order a turn's commit locks them in: the other
      // order can deadlock with a customer's turn committing at that moment.
      await prisma.$transaction([
        prisma.message.updateMany({
          where: { conversationId: conversation.id, direction: "inbound", slackTs: null },
          data: { slackTs: threadTs },
        }),
        prisma.conversation.update({ where: { id: conversation.id }, data: { slackThreadTs: threadTs } }),
      ]);
    }
    if (payload.note) await deps.slack.client.chat.postMessage({ channel, thread_ts: threadTs, text: payload.note });
    return { threadTs };
  },
};
