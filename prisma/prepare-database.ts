import type { Logger } from "../config/logger.ts";
import { maskUrlPassword } from "../config/redact.ts";
import type { PrismaClient } from "./client.ts";
import { seedIfEmpty } from "./seed.ts";
import { migrateDatabase } from "./tools/migrate.ts";

export class DatabaseUnreachableError extends Error {
  constructor(url: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`cannot reach the database at ${maskUrlPassword(url)} (${reason})`);
    this.name = "DatabaseUnreachableError";
  }
}

/** Creates the database when missing, applies pending migrations and seeds an empty one. */
export async function prepareDatabase(url: string, prisma: PrismaClient, logger: Logger): Promise<void> {
  let migrated: Awaited<ReturnType<typeof migrateDatabase>>;
  try {
    migrated = await migrateDatabase(url);
  } catch (error) {
    if (isConnectionError(error)) throw new DatabaseUnreachableError(url, error);
    throw error;
  }
  if (migrated.created) logger.info({ database: maskUrlPassword(url) }, "created database");
  if (migrated.applied.length > 0) logger.info({ applied: migrated.applied }, "applied migrations");
  const seeded = await seedIfEmpty(prisma);
  if (seeded) logger.info(seeded, "seeded empty database");
}

function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return (
    ["ECONNREFUSED", "ENOTFOUND", "ETIMEDOUT", "EHOSTUNREACH", "ECONNRESET", "57P03", "28P01", "28000"].includes(
      code ?? "",
    ) || (error instanceof Error && /connect|terminated|timeout/i.test(error.message))
  );
}
