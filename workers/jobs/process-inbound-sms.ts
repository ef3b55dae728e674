import { z } from "zod";
import type { JobDefinition } from "../job-definition.ts";
import { QUEUES } from "../queues.ts";
import type { WorkerDeps } from "../registry.ts";

export const ProcessInboundSmsPayloadSchema = z.object({
  providerId: z.string().min(1),
  agencyId: z.string().min(1),
  from: z.string().min(1),
});

/**
 * Acts on an inbound SMS the webhook stored: the officer command or the customer's turn, then
 * its replies are queued. Safe to run twice: a message is marked processed when acted on, and a
 * turn is committed once per message.
 */
export const processInboundSmsJob: JobDefinition<typeof ProcessInboundSmsPayloadSchema, WorkerDeps> = {
  id: "process-inbound-sms",
  queue: QUEUES.inbound,
  schema: ProcessInboundSmsPayloadSchema,
  async run({ payload, deps }) {
    // Retried, not dropped: the message waits in the inbox for a process that can act on it.
    if (!deps.inboundSms) throw new Error("this process cannot act on inbound SMS");
    return deps.inboundSms.process({ agencyId: payload.agencyId, from: payload.from });
  },
};
