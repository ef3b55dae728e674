import type { Worker } from "bullmq";
import type { Express } from "express";
import { describeModes, type Env, loadEnv, type Modes } from "../config/env.ts";
import { createLogger, type Logger } from "../config/logger.ts";
import { bootServices, type Services } from "../workers/boot-services.ts";
import { startAllWorkers } from "../workers/registry.ts";
import { createHttpApp } from "./server.ts";

export interface Application extends Services {
  env: Env;
  logger: Logger;
  http: Express;
  workers: Worker[];
}

/** Logs the run mode first, so an operator sees at once whether real messages can go out. */
export function announceModes(logger: Logger, modes: Modes): void {
  const sandbox = modes.twilio === "sandbox" || modes.slack === "sandbox";
  logger.info(
    { mode: modes },
    sandbox
      ? `DetailDesk starting in sandbox mode (twilio: ${modes.twilio}, slack: ${modes.slack}, language: ${modes.openai})`
      : "DetailDesk starting with live credentials",
  );
}

/** Composition root of `npm start` (and of the integration tests): services, HTTP app, workers. */
export async function createApplication(options: {
  runWorkers: boolean;
  env?: Record<string, string | undefined>;
}): Promise<Application> {
  const env = loadEnv(options.env);
  const logger = createLogger({ level: env.LOG_LEVEL });
  const modes = describeModes(env);
  announceModes(logger, modes);

  const services = await bootServices({ database: env.DATABASE_URL, redis: env.REDIS_URL }, logger);
  const { prisma, redis } = services;
  const http = createHttpApp({
    logger,
    mode: { ...modes },
    probes: { database: () => prisma.$queryRaw`SELECT 1`, redis: () => redis.ping() },
  });
  const workers = options.runWorkers
    ? startAllWorkers({ connection: redis, prefix: env.REDIS_PREFIX, logger, deps: { prisma, logger, twilio: null } })
    : [];

  return {
    ...services,
    env,
    logger,
    http,
    workers,
    async close() {
      await Promise.allSettled(workers.map((w) => w.close()));
      await services.close();
    },
  };
}
