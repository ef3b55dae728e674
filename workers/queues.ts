import type { JobsOptions } from "bullmq";

/** Queue names; one queue per concern so a slow one never blocks another. */
export const QUEUES = {
  inbound: "inbound-messages",
  outbound: "outbound-messages",
  /** Shift offers: a wave waiting for the per-sender budget never takes the workers replies need. */
  outboundBulk: "outbound-bulk",
  approvals: "approvals",
  broadcast: "broadcast",
  reminders: "reminders",
  maintenance: "maintenance",
  slack: "slack",
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Jobs run at once per queue and process; Slack posts one at a time so a thread stays in order. */
export const QUEUE_CONCURRENCY: Partial<Record<string, number>> = { [QUEUES.slack]: 1 };

/** Retries with exponential backoff (1 s, 2 s, 4 s, ...); failed jobs are kept for the dashboard. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: "exponential", delay: 1_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: false,
};
