// The one place that builds a PrismaClient: Prisma 7 talks to PostgreSQL through the pg driver
// adapter (no query engine binary). The generated client lives in prisma/generated/ (git-ignored,
// produced by `npm run db:generate`, which also runs on `npm install`).
import { PrismaPg } from "@prisma/adapter-pg";
import type { PoolConfig } from "pg";
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

export function createPrismaClient(databaseUrl: string, pool: PrismaPoolOptions = {}): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ ...POOL_DEFAULTS, ...pool, connectionString: databaseUrl }) });
}
