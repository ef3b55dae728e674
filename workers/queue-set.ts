import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { DEFAULT_JOB_OPTIONS, QUEUES } from "./queues.ts";

/** The queues a process enqueues into, with typed helpers; job ids make every enqueue idempotent. */
export function createQueueSet(connection: Redis, prefix: string) {
  const outbound = new Queue(QUEUES.outbound, { connection, prefix });
  const broadcast = new Queue(QUEUES.broadcast, { connection, prefix });
  const approvals = new Queue(QUEUES.approvals, { connection, prefix });
  return {
    outbound,
    broadcast,
    approvals,
    all: [outbound, broadcast, approvals],
    async enqueueSms(conversationId: string, turnId: string): Promise<void> {
      await outbound.add("send-sms", { conversationId }, { ...DEFAULT_JOB_OPTIONS, jobId: `sms-${conversationId}-${turnId}` });
    },
    async enqueueBroadcastWave(requestId: string, wave: number, delayMs: number): Promise<void> {
      await broadcast.add(
        "broadcast-wave",
        { requestId, wave },
        { ...DEFAULT_JOB_OPTIONS, jobId: `wave-${requestId}-${wave}`, delay: delayMs },
      );
    },
    async enqueueOpenApprovals(requestNumber: number): Promise<void> {
      await approvals.add("open-approvals", { requestNumber }, { ...DEFAULT_JOB_OPTIONS, jobId: `approvals-${requestNumber}` });
    },
    async close(): Promise<void> {
      await Promise.all([outbound.close(), broadcast.close(), approvals.close()]);
    },
  };
}

export type QueueSet = ReturnType<typeof createQueueSet>;
