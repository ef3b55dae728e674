import type { Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { Logger } from "../config/logger.ts";
import type { PrismaClient } from "../prisma/client.ts";
import { type AnyJobDefinition, startWorkers } from "./start-workers.ts";

/** What every job handler may use; composition roots build it. */
export interface WorkerDeps {
  prisma: PrismaClient;
  logger: Logger;
}

/** Every job definition; later issues append theirs (outbound SMS, approvals, broadcast, ...). */
export const JOB_DEFINITIONS: AnyJobDefinition<WorkerDeps>[] = [];

export function startAllWorkers(options: {
  connection: Redis;
  prefix: string;
  logger: Logger;
  deps: WorkerDeps;
}): Worker[] {
  return startWorkers({ ...options, definitions: JOB_DEFINITIONS });
}
