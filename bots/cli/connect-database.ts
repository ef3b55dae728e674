import { loadEnv } from "../../config/env.ts";
import type { PrismaClient } from "../../prisma/client.ts";

/**
 * A connection to DATABASE_URL's database for a command that needs one. Prisma and pg load here,
 * on first use, not when the CLI starts: every other command would pay for them.
 */
export async function connectFromEnvironment(): Promise<() => PrismaClient> {
  const { createPrismaClient } = await import("../../prisma/client.ts");
  return () => createPrismaClient(loadEnv().DATABASE_URL);
}
