import pg from "pg";
import { inject } from "vitest";

/**
 * The address of a database of its own for one test file, next to the run's database
 * (`<run database>_<suffix>`); the app creates, migrates and seeds it at start. For tests whose
 * app must not see other files' rows (e.g. with the recovery sweep on, which reads every row).
 */
export function privateDatabaseUrl(suffix: string): string {
  const url = new URL(inject("databaseUrl"));
  url.pathname = `${url.pathname}_${suffix}`;
  return url.toString();
}

/** Drops a database made by `privateDatabaseUrl`, closing whatever still holds it. */
export async function dropPrivateDatabase(databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  const client = new pg.Client({ connectionString: inject("serverUrl") });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
