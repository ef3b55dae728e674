// The one place that builds a PrismaClient: Prisma 7 talks to PostgreSQL through the pg driver
// adapter (no query engine binary). The generated client lives in prisma/generated/ (git-ignored,
// produced by `npm run db:generate`, which also runs on `npm install`).
import { PrismaPg } from "@prisma/adapter-pg";
import pg, { type PoolConfig } from "pg";
import { PrismaClient } from "./generated/client.ts";

export * from "./generated/client.ts";

/** pg pool settings other than the connection string (e.g. `max`, `idleTimeoutMillis`). */
export type PrismaPoolOptions = Omit<PoolConfig, "connectionString">;

/**
 * A database that stops answering must fail fast rather than hang a webhook past Twilio's 15 s:
 * 5 s to connect (or to get a pooled connection), 10 s per query (client side); webhooks
 * have their own, shorter deadline, unless the caller says otherwise.
 */
const POOL_DEFAULTS: PrismaPoolOptions = { connectionTimeoutMillis: 5_000, query_timeout: 10_000 };

/** Prisma, and the pg pool beneath it for the rare statement that must skip Prisma's cost. */
export interface Database {
  prisma: PrismaClient;
  /**
   * The pool Prisma queries through. Prisma spends ~0.2 ms of CPU per statement on top of pg;
   * a statement run on every webhook (the inbound SMS insert) goes here directly.
   * `prisma.$disconnect()` ends it.
   */
  pool: pg.Pool;
}

export function createDatabase(databaseUrl: string, pool: PrismaPoolOptions = {}): Database {
  const pgPool = new pg.Pool({ ...POOL_DEFAULTS, ...pool, connectionString: databaseUrl });
  // Prisma listens for idle-client errors only once it connects; a connection dropped before
  // (PostgreSQL restarted) must not be an uncaught error. The next query reports it.
  pgPool.on("error", () => undefined);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pgPool, { disposeExternalPool: true }) });
  pools.set(prisma, pgPool);
  return { prisma, pool: pgPool };
}

/** The pool beneath each client createDatabase built (every client: it is the one place they are built). */
const pools = new WeakMap<PrismaClient, pg.Pool>();

/**
 * The pg pool beneath `prisma`, so a repository built from the client alone can run its hot-path
 * statements on pg (about 0.05 ms of CPU each instead of Prisma's 0.2–0.5 ms).
 */
export function poolOf(prisma: PrismaClient): pg.Pool {
  const pool = pools.get(prisma);
  if (!pool) throw new Error("poolOf: this PrismaClient was not built by createDatabase");
  return pool;
}

export function createPrismaClient(databaseUrl: string, pool: PrismaPoolOptions = {}): PrismaClient {
  return createDatabase(databaseUrl, pool).prisma;
}
