import type { Logger } from "../config/logger.ts";
import { maskUrlPassword } from "../config/redact.ts";
import type { PrismaClient } from "./client.ts";
import { seedIfEmpty } from "./seed.ts";
import { DatabaseConnectionError, migrateDatabase, unreachableMessage } from "./tools/migrate.ts";

/** The database server cannot be reached; the message is the one line an operator needs. */
export class DatabaseUnreachableError extends Error {
  constructor(url: string, cause: DatabaseConnectionError) {
    super(unreachableMessage(url, cause.message), { cause });
    this.name = "DatabaseUnreachableError";
  }
}

/** Creates the database when missing, applies pending migrations and seeds an empty one. */
export async function prepareDatabase(url: string, prisma: PrismaClient, logger: Logger): Promise<void> {
  const migrated = await migrateDatabase(url).catch((error: unknown) => {
    throw error instanceof DatabaseConnectionError ? new DatabaseUnreachableError(url, error) : error;
  });
  if (migrated.created) logger.info({ database: maskUrlPassword(url) }, "created database");
  if (migrated.applied.length > 0) logger.info({ applied: migrated.applied }, "applied migrations");
  const seeded = await seedIfEmpty(prisma);
  if (seeded) logger.info(seeded, "seeded empty database");
}
