import { UnrecoverableError } from "bullmq";
import { z } from "zod";
import { renderRequestCard } from "../../bots/slack/render-request-card.ts";
import { StaffViews } from "../../prisma/repositories/staff-views.ts";
import type { JobDefinition } from "../job-definition.ts";
import { QUEUES } from "../queues.ts";
import type { WorkerDeps } from "../registry.ts";

export const SlackCardPayloadSchema = z.object({ requestId: z.uuid(), post: z.boolean() });

/**
 * The approval card of a request in the agency's approvals channel, rendered from the database:
 * posted once (post=true), then updated in place (chat.update) after every change. A refresh
 * that finds no card yet waits for the post by failing and being retried.
 */
export const slackCardJob: JobDefinition<typeof SlackCardPayloadSchema, WorkerDeps> = {
  id: "slack-card",
  queue: QUEUES.slack,
  schema: SlackCardPayloadSchema,
  async run({ payload, deps }) {
    if (!deps.slack) return { skipped: "no Slack client" };
    const { prisma } = deps;
    const request = await prisma.request.findUnique({ where: { id: payload.requestId } });
    if (!request) throw new UnrecoverableError("no such request");
    const agency = deps.getAgency(request.agencyId);
    if (!agency) throw new UnrecoverableError(`unknown agency ${request.agencyId}`);
    const view = await new StaffViews(prisma, deps.getAgency).loadRequestCard(request.id);
    if (!view) throw new UnrecoverableError("request has no quote to show");
    const card = renderRequestCard(view);
    if (request.slackMessageTs && request.slackChannel) {
      await deps.slack.client.chat.update({ channel: request.slackChannel, ts: request.slackMessageTs, ...card });
      return { updated: request.slackMessageTs };
    }
    if (!payload.post) throw new Error(`card of request #${request.number} not posted yet`);
    const posted = await deps.slack.client.chat.postMessage({ channel: agency.slack.approvalsChannel, ...card });
    if (!posted.ts) throw new Error("Slack returned no ts for the card");
    await prisma.request.update({
      where: { id: request.id },
      data: { slackChannel: posted.channel ?? agency.slack.approvalsChannel, slackMessageTs: posted.ts },
    });
    return { posted: posted.ts };
  },
};
