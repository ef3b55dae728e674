// The one place that builds a PrismaClient: Prisma 7 talks to PostgreSQL through the pg driver
// adapter (no query engine binary). The generated client lives in prisma/generated/ (git-ignored,
// produced by `npm run db:generate`, which also runs on `npm install`).
import { PrismaPg } from "@prisma/adapter-pg";
import type { PoolConfig } from "pg";
import { PrismaClient } from "./generated/client.ts";

export * from "./generated/client.ts";

/** pg pool settings other than the connection string (e.g. `max`, `idleTimeoutMillis`). */
export type PrismaPoolOptions = Omit<PoolConfig, "connectionString">;

export function createPrismaClient(databaseUrl: string, pool: PrismaPoolOptions = {}): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ ...pool, connectionString: databaseUrl }) });
}
