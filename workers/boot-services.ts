import type { Logger } from "../config/logger.ts";
import { AdvisoryLocks } from "../prisma/advisory-locks.ts";
import { createDatabase, type PrismaClient } from "../prisma/client.ts";
import type pg from "pg";
import { prepareDatabase } from "../prisma/prepare-database.ts";
import { createRedisConnection, describeRedisTarget, type RedisConnection, type RedisTarget } from "./redis-connection.ts";

export interface Services {
  prisma: PrismaClient;
  /** The pg pool beneath `prisma`, for the statements that skip Prisma (see createDatabase). */
  pool: pg.Pool;
  redis: RedisConnection;
  /** Locks that hold across processes (one sender's messages are acted on one at a time). */
  locks: AdvisoryLocks;
  close(): Promise<void>;
}

/**
 * Connects the stateful services both processes need: prepares the database (create, migrate,
 * seed when empty) and connects Redis. Throws one-line errors naming the unreachable service.
 */
export async function bootServices(urls: { database: string; redis: string | RedisTarget; databasePoolMax?: number }, logger: Logger): Promise<Services> {
  const { prisma, pool } = createDatabase(urls.database, urls.databasePoolMax ? { max: urls.databasePoolMax } : {});
  try {
    await prepareDatabase(urls.database, prisma, logger);
  } catch (error) {
    await prisma.$disconnect().catch(() => undefined);
    throw error;
  }

  const redis = createRedisConnection(urls.redis);
  redis.on("error", (error) => logger.warn({ err: error.message }, "redis connection error"));
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    await prisma.$disconnect().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot reach Redis at ${describeRedisTarget(urls.redis)} (${reason})`);
  }
  const locks = new AdvisoryLocks(urls.database, urls.databasePoolMax ? { maxHeld: urls.databasePoolMax } : {});
  return {
    prisma,
    pool,
    redis,
    locks,
    async close() {
      redis.disconnect();
      await locks.close().catch(() => undefined);
      await prisma.$disconnect();
    },
  };
}
