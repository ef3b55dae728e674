import { UnrecoverableError } from "bullmq";
import { z } from "zod";
import type { JobDefinition } from "../job-definition.ts";
import { QUEUES } from "../queues.ts";
import type { WorkerDeps } from "../registry.ts";

export const SlackRequestNoticePayloadSchema = z.object({ requestId: z.uuid(), text: z.string().min(1).max(3000) });

/** A staffing update or alert in the thread of a request's approval card (waits for the card). */
export const slackRequestNoticeJob: JobDefinition<typeof SlackRequestNoticePayloadSchema, WorkerDeps> = {
  id: "slack-request-notice",
  queue: QUEUES.slack,
  schema: SlackRequestNoticePayloadSchema,
  async run({ payload, deps }) {
    if (!deps.slack) return { skipped: "no Slack client" };
    const request = await deps.prisma.request.findUnique({ where: { id: payload.requestId } });
    if (!request) throw new UnrecoverableError("no such request");
    if (!request.slackChannel || !request.slackMessageTs) {
      throw new Error(`card of request #${request.number} not posted yet`);
    }
    const posted = await deps.slack.client.chat.postMessage({
      channel: request.slackChannel,
      thread_ts: request.slackMessageTs,
      text: payload.text,
    });
    return { ts: posted.ts };
  },
};
