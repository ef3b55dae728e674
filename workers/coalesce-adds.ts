import type { JobsOptions, Queue } from "bullmq";

/** One job for Queue.add: its name, payload and options (an idempotent jobId among them). */
export interface JobToAdd {
  name: string;
  data: unknown;
  opts: JobsOptions;
}

/** Most jobs in one addBulk: a larger backlog goes in several, so no batch grows without bound. */
const MAX_BATCH = 100;

/**
 * Queue.add for many callers at once: the jobs added during one turn of the event loop reach
 * Redis in one addBulk (one pipeline, one socket write), where each add was a round trip and a
 * write of its own. Every job keeps its own options, so a jobId still makes a repeated add a
 * no-op. Each caller's promise settles when its batch is in Redis, or rejects with the batch's
 * error (BullMQ reports the first failed job; the others may be queued, so a retry must be, and
 * is, idempotent). Under load the inbound SMS webhook completes many inserts per turn.
 */
export function coalesceAdds(queue: Queue): (job: JobToAdd) => Promise<void> {
  let pending: { job: JobToAdd; settle: (error?: unknown) => void }[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    queue.addBulk(batch.map((entry) => entry.job)).then(
      () => {
        for (const entry of batch) entry.settle();
      },
      (error: unknown) => {
        for (const entry of batch) entry.settle(error ?? new Error("addBulk failed"));
      },
    );
  };
  return (job) =>
    new Promise<void>((resolve, reject) => {
      // setImmediate runs after the I/O callbacks of this turn: the inserts that finished together are sent together.
      if (pending.length === 0) setImmediate(flush);
      pending.push({ job, settle: (error) => (error === undefined ? resolve() : reject(error)) });
      if (pending.length >= MAX_BATCH) flush();
    });
}
