import { type Job, UnrecoverableError, Worker } from "bullmq";
import type { Logger } from "../config/logger.ts";
import type { JobDefinition } from "./job-definition.ts";
import { QUEUE_CONCURRENCY } from "./queues.ts";
import { queuePrefix } from "./queue-prefix.ts";
import type { RedisConnection } from "./redis-connection.ts";
import type { z } from "zod";

// biome-ignore lint/suspicious/noExplicitAny: a registry holds definitions of every payload type
export type AnyJobDefinition<Deps> = JobDefinition<z.ZodType<any>, Deps>;

export interface WorkerOptions<Deps> {
  connection: RedisConnection;
  prefix: string;
  logger: Logger;
  deps: Deps;
  definitions: AnyJobDefinition<Deps>[];
  concurrency?: number;
  /** Job lock and stalled-job check interval (ms); a dead worker's job is re-run after it. */
  lockMs?: number;
}

/** One BullMQ Worker per queue that has definitions; a job's name selects its definition. */
export function startWorkers<Deps>(options: WorkerOptions<Deps>): Worker[] {
  const byQueue = new Map<string, Map<string, AnyJobDefinition<Deps>>>();
  for (const definition of options.definitions) {
    const jobs = byQueue.get(definition.queue) ?? new Map();
    jobs.set(definition.id, definition);
    byQueue.set(definition.queue, jobs);
  }
  return [...byQueue.entries()].map(([queue, jobs]) => {
    const worker = new Worker(
      queue,
      async (job: Job) => {
        const definition = jobs.get(job.name);
        if (!definition) throw new UnrecoverableError(`no handler for job ${job.name} on ${queue}`);
        const parsed = definition.schema.safeParse(job.data);
        if (!parsed.success) throw new UnrecoverableError(`invalid payload for ${job.name}: ${parsed.error.message}`);
        return definition.run({ payload: parsed.data, deps: options.deps, attempt: job.attemptsMade + 1 });
      },
      {
        connection: options.connection,
        prefix: queuePrefix(options.connection, options.prefix, queue),
        concurrency: QUEUE_CONCURRENCY[queue] ?? options.concurrency ?? 10,
        lockDuration: options.lockMs ?? 30_000,
        stalledInterval: options.lockMs ?? 30_000,
      },
    );
    worker.on("failed", (job, error) => {
      options.logger.warn({ queue, job: job?.name, jobId: job?.id, err: error }, "job failed");
    });
    worker.on("error", (error) => options.logger.error({ queue, err: error }, "worker error"));
    return worker;
  });
}
