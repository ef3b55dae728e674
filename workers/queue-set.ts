import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { NO_SHOW_GRACE_MINUTES, REMINDER_MINUTES_BEFORE } from "./jobs/request-staffed.ts";
import { DEFAULT_JOB_OPTIONS, QUEUES } from "./queues.ts";

/** The queues a process enqueues into, with typed helpers; job ids make every enqueue idempotent. */
/** Minutes an approval may wait before a reminder, and again before escalation (default 30). */
export function createQueueSet(connection: Redis, prefix: string, approvalTimeoutMinutes = 30) {
  const outbound = new Queue(QUEUES.outbound, { connection, prefix });
  const broadcast = new Queue(QUEUES.broadcast, { connection, prefix });
  const approvals = new Queue(QUEUES.approvals, { connection, prefix });
  const reminders = new Queue(QUEUES.reminders, { connection, prefix });
  return {
    outbound,
    broadcast,
    approvals,
    reminders,
    all: [outbound, broadcast, approvals, reminders],
    async enqueueSms(conversationId: string, turnId: string): Promise<void> {
      // More attempts than other jobs: retries must outlast a dead worker's claim on a message.
      await outbound.add(
        "send-sms",
        { conversationId },
        { ...DEFAULT_JOB_OPTIONS, attempts: 10, jobId: `sms-${conversationId}-${turnId}` },
      );
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
    async scheduleApprovalTimeout(requestId: string, round: number): Promise<void> {
      if (round > 3) return;
      await approvals.add(
        "approval-timeout",
        { requestId, round },
        { ...DEFAULT_JOB_OPTIONS, jobId: `approval-timeout-${requestId}-${round}`, delay: approvalTimeoutMinutes * 60_000 },
      );
    },
    async enqueueRequestCancelled(requestNumber: number): Promise<void> {
      await broadcast.add(
        "request-cancelled",
        { requestNumber },
        { ...DEFAULT_JOB_OPTIONS, jobId: `cancelled-${requestNumber}` },
      );
    },
    async enqueueRequestStaffed(requestId: string): Promise<void> {
      await reminders.add("request-staffed", { requestId }, { ...DEFAULT_JOB_OPTIONS, jobId: `staffed-${requestId}` });
    },
    async scheduleShiftTimers(requestId: string, start: Date): Promise<void> {
      const now = Date.now();
      const reminderAt = start.getTime() - REMINDER_MINUTES_BEFORE * 60_000;
      const noShowAt = start.getTime() + NO_SHOW_GRACE_MINUTES * 60_000;
      await reminders.add(
        "shift-reminder",
        { requestId },
        { ...DEFAULT_JOB_OPTIONS, jobId: `reminder-${requestId}-${start.getTime()}`, delay: Math.max(0, reminderAt - now) },
      );
      await reminders.add(
        "no-show-check",
        { requestId },
        { ...DEFAULT_JOB_OPTIONS, jobId: `noshow-${requestId}-${start.getTime()}`, delay: Math.max(0, noShowAt - now) },
      );
    },
    async close(): Promise<void> {
      await Promise.all([outbound.close(), broadcast.close(), approvals.close(), reminders.close()]);
    },
  };
}

export type QueueSet = ReturnType<typeof createQueueSet>;
