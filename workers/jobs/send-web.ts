import { UnrecoverableError } from "bullmq";
import { z } from "zod";
import type { JobDefinition } from "../job-definition.ts";
import { QUEUES } from "../queues.ts";
import type { WorkerDeps } from "../registry.ts";

export const SendWebPayloadSchema = z.object({ conversationId: z.uuid() });

/**
 * Proactive web chat delivery (a dispatcher's reply, approval and staffing news): the recorded
 * messages go out through the Bot Framework conversation reference stored on the conversation.
 */
export const sendWebJob: JobDefinition<typeof SendWebPayloadSchema, WorkerDeps> = {
  id: "send-web",
  queue: QUEUES.outbound,
  schema: SendWebPayloadSchema,
  async run({ payload, deps }) {
    if (!deps.webchat) throw new UnrecoverableError("no web chat adapter configured");
    return { sent: await deps.webchat.deliver(payload.conversationId) };
  },
};
