import type { Queue } from "bullmq";
import { sendSmsJob } from "./jobs/send-sms.ts";
import { DEFAULT_JOB_OPTIONS } from "./queues.ts";

/**
 * Queues sending a conversation's recorded SMS. The job id names the turn, so a retried webhook
 * for the same message adds nothing; the job itself never sends a message twice.
 */
export async function enqueueConversationSms(queue: Queue, conversationId: string, turnId: string): Promise<void> {
  await queue.add(sendSmsJob.id, sendSmsJob.schema.parse({ conversationId }), {
    ...DEFAULT_JOB_OPTIONS,
    jobId: `sms-${conversationId}-${turnId}`,
  });
}
