// Applies prisma/migrations to a database with plain `pg` (no schema engine at run time), in a way
// that `prisma migrate deploy` accepts: the same `_prisma_migrations` table, rows and checksums, and
// the same advisory lock, so this and the native CLI also serialise with each other.
//
// Library: `migrateDatabase(url)`. CLI: `npm run db:migrate` migrates DATABASE_URL (default:
// the local detaildesk database), creating the database first when it does not exist.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { databaseNameOf, databaseUrlFromEnv, maskDatabaseUrl, withDatabase } from "./database-url.ts";

/** prisma/migrations, wherever the process runs from. */
export const MIGRATIONS_DIR = fileURLToPath(new URL("../migrations", import.meta.url));

/** The advisory lock key Prisma Migrate takes (schema-engine, postgres flavour). */
export const PRISMA_MIGRATE_LOCK_KEY = 72707369;

const CONNECT_TIMEOUT_MS = 10_000;

/** Prisma's own DDL for the history table (schema-engine `create_migrations_table`, postgres). */
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrateOptions {
  /** Progress lines ("applied 20250101000000_init", …). Silent when absent. */
  log?: (line: string) => void;
  /** Defaults to prisma/migrations. */
  migrationsDir?: string;
}

export interface MigrateResult {
  /** True when this call created the database. */
  created: boolean;
  /** Migration folder names applied by this call, in order. */
  applied: string[];
}

export interface MigrationFolder {
  name: string;
  sql: string;
  checksum: string;
}

/**
 * The server could not be reached, or refused the connection (bad credentials, not accepting
 * connections, …). `message` is the reason alone; `code` is the driver's (ECONNREFUSED, 28P01, …).
 */
export class DatabaseConnectionError extends Error {
  readonly code: string | undefined;
  readonly databaseUrl: string;
  constructor(databaseUrl: string, cause: unknown) {
    super(reasonOf(cause), { cause });
    this.name = "DatabaseConnectionError";
    this.databaseUrl = databaseUrl;
    this.code = (cause as { code?: unknown } | null)?.code?.toString();
  }
}

/** The history or a migration file is not in a state that can be applied safely. */
export class MigrationError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "MigrationError";
  }
}

/** The one line the CLI prints when the server cannot be reached (password masked). */
export function unreachableMessage(databaseUrl: string, reason: string): string {
  return `cannot reach the database at ${maskDatabaseUrl(databaseUrl)} (${reason})`;
}

/** SHA-256 hex of the file's bytes: the checksum `prisma migrate` stores for a migration. */
export function migrationChecksum(sql: string | Buffer): string {
  return createHash("sha256").update(sql).digest("hex");
}

/** The migration folders in name order (the order Prisma applies them in). */
export function readMigrations(migrationsDir: string = MIGRATIONS_DIR): MigrationFolder[] {
  if (!existsSync(migrationsDir)) return [];
  const lockFile = path.join(migrationsDir, "migration_lock.toml");
  if (existsSync(lockFile)) {
    const provider = /^\s*provider\s*=\s*"([^"]*)"/m.exec(readFileSync(lockFile, "utf8"))?.[1];
    if (provider && provider !== "postgresql") {
      throw new MigrationError(`${lockFile} is for provider "${provider}", not "postgresql"`);
    }
  }
  const names = readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort(); // code-unit order, like Prisma's
  return names.map((name) => {
    const file = path.join(migrationsDir, name, "migration.sql");
    if (!existsSync(file)) throw new MigrationError(`migration folder ${name} has no migration.sql`);
    const bytes = readFileSync(file);
    return { name, sql: bytes.toString("utf8"), checksum: migrationChecksum(bytes) };
  });
}

/**
 * Creates the database if needed, then applies every migration folder not yet recorded in
 * `_prisma_migrations`, in name order, each in one transaction with its history row. Concurrent
 * callers (several processes starting at once) serialise on Prisma's advisory lock.
 */
export async function migrateDatabase(
  databaseUrl: string,
  opts: MigrateOptions = {},
): Promise<MigrateResult> {
  const log = opts.log ?? (() => {});
  const migrations = readMigrations(opts.migrationsDir);
  const { client, created } = await connectCreatingDatabase(databaseUrl, log);
  try {
    await lock(client, log);
    try {
      await client.query(CREATE_MIGRATIONS_TABLE);
      const applied: string[] = [];
      for (const migration of pendingMigrations(await readHistory(client), migrations, log)) {
        await applyMigration(client, migration);
        applied.push(migration.name);
        log(`applied ${migration.name}`);
      }
      return { created, applied };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK_KEY]).catch(() => {});
    }
  } finally {
    await client.end().catch(() => {});
  }
}

interface HistoryRow {
  id: string;
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
}

async function readHistory(client: pg.Client): Promise<HistoryRow[]> {
  const { rows } = await client.query<HistoryRow>(
    `SELECT id, migration_name, checksum, finished_at, rolled_back_at, logs
       FROM _prisma_migrations ORDER BY started_at, migration_name`,
  );
  return rows;
}

/** Checks the history against the files (like `prisma migrate deploy`) and returns what is left to apply. */
function pendingMigrations(
  history: HistoryRow[],
  migrations: MigrationFolder[],
  log: (line: string) => void,
): MigrationFolder[] {
  const live = history.filter((row) => row.rolled_back_at === null);
  const failed = live.filter((row) => row.finished_at === null);
  if (failed.length > 0) {
    const row = failed[0]!;
    throw new MigrationError(
      `migration ${row.migration_name} started but did not finish` +
        (row.logs ? ` (${firstLine(row.logs)})` : "") +
        `; repair the database by hand, then mark it rolled back ` +
        `(UPDATE _prisma_migrations SET rolled_back_at = now() WHERE id = '${row.id}') to retry it`,
    );
  }
  const byName = new Map(migrations.map((migration) => [migration.name, migration]));
  const edited = live.filter((row) => {
    const file = byName.get(row.migration_name);
    return file !== undefined && !checksumMatches(file.sql, row.checksum);
  });
  if (edited.length > 0) {
    throw new MigrationError(
      `applied migration${edited.length > 1 ? "s" : ""} ${edited.map((row) => row.migration_name).join(", ")} ` +
        "changed after being applied (checksum differs from migration.sql); restore the file, " +
        "or recreate the database if it is a disposable development one",
    );
  }
  const appliedNames = new Set(live.map((row) => row.migration_name));
  const unknown = [...appliedNames].filter((name) => !byName.has(name));
  if (unknown.length > 0) {
    log(`warning: the database has migrations this checkout does not: ${unknown.join(", ")}`);
  }
  return migrations.filter((migration) => !appliedNames.has(migration.name));
}

/**
 * Prisma's comparison: the file as is, or with its line endings switched (git may convert them),
 * against a zero-padded hex checksum or the unpadded one very old Prisma versions wrote.
 */
function checksumMatches(sql: string, stored: string): boolean {
  const variants = [sql, sql.replace(/\r\n/g, "\n"), sql.replace(/\r?\n/g, "\r\n")];
  return variants.some((variant) => {
    const digest = createHash("sha256").update(variant, "utf8").digest();
    const padded = digest.toString("hex");
    const unpadded = [...digest].map((byte) => byte.toString(16)).join("");
    return stored === padded || stored === unpadded;
  });
}

async function applyMigration(client: pg.Client, migration: MigrationFolder): Promise<void> {
  const id = randomUUID();
  if (managesOwnTransaction(migration.sql)) {
    // The script has its own BEGIN/COMMIT (Prisma writes one when it recreates an enum), which
    // would end ours early. Apply it the way Prisma does: the row first, then the script, then
    // mark it finished; a failure is recorded in `logs` and blocks later runs until repaired.
    await insertRow(client, id, migration);
    try {
      await client.query(migration.sql);
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      await client
        .query("UPDATE _prisma_migrations SET logs = $2 WHERE id = $1", [id, errorText(error)])
        .catch(() => {});
      throw failure(migration, error);
    }
    await finishRow(client, id);
    return;
  }
  await client.query("BEGIN");
  try {
    await insertRow(client, id, migration);
    await client.query(migration.sql);
    await finishRow(client, id);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw failure(migration, error);
  }
}

async function insertRow(client: pg.Client, id: string, migration: MigrationFolder): Promise<void> {
  await client.query(
    "INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())",
    [id, migration.checksum, migration.name],
  );
}

async function finishRow(client: pg.Client, id: string): Promise<void> {
  await client.query(
    "UPDATE _prisma_migrations SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1",
    [id],
  );
}

/** True when the script has top-level transaction control (ignoring comments, strings, $$ bodies). */
export function managesOwnTransaction(sql: string): boolean {
  const code = sql
    .replace(/\$([A-Za-z_][A-Za-z0-9_]*)?\$[\s\S]*?\$\1\$/g, " ")
    .replace(/'(?:[^']|'')*'/g, "''")
    .replace(/\/\*[\s\S]*?\*\//g, " ")
    .replace(/--[^\n]*/g, " ");
  return code
    .split(";")
    .some((statement) => /^\s*(BEGIN|COMMIT|ROLLBACK|ABORT|END|START\s+TRANSACTION)\b/i.test(statement));
}

function failure(migration: MigrationFolder, error: unknown): MigrationError {
  const position = Number((error as { position?: unknown }).position);
  const where =
    Number.isFinite(position) && position > 0 ? ` at line ${lineAt(migration.sql, position)}` : "";
  return new MigrationError(`migration ${migration.name} failed${where}: ${errorText(error)}`, {
    cause: error,
  });
}

/** `position` from PostgreSQL is 1-based, in characters. */
function lineAt(sql: string, position: number): number {
  return [...sql].slice(0, position - 1).filter((char) => char === "\n").length + 1;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function firstLine(text: string): string {
  return text.split("\n", 1)[0]!.slice(0, 200);
}

async function lock(client: pg.Client, log: (line: string) => void): Promise<void> {
  const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [
    PRISMA_MIGRATE_LOCK_KEY,
  ]);
  if (rows[0]?.locked) return;
  log("waiting for another migration run to finish");
  await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK_KEY]);
}

/** Connects to the database, creating it first (from the `postgres` database) if it does not exist. */
async function connectCreatingDatabase(
  databaseUrl: string,
  log: (line: string) => void,
): Promise<{ client: pg.Client; created: boolean }> {
  try {
    return { client: await connect(databaseUrl), created: false };
  } catch (error) {
    if (codeOf(error) !== "3D000") throw new DatabaseConnectionError(databaseUrl, error);
  }
  const name = databaseNameOf(databaseUrl);
  const maintenanceUrl = withDatabase(databaseUrl, "postgres");
  let admin: pg.Client;
  try {
    admin = await connect(maintenanceUrl);
  } catch (error) {
    throw new DatabaseConnectionError(maintenanceUrl, error);
  }
  let created = false;
  try {
    await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
    created = true;
    log(`created database ${name}`);
  } catch (error) {
    // Another process created it between our connect and CREATE DATABASE: 42P04 duplicate_database,
    // or 23505 when both inserts reached pg_database's unique index at the same moment.
    if (codeOf(error) !== "42P04" && codeOf(error) !== "23505") {
      throw new MigrationError(`cannot create database ${name}: ${errorText(error)}`, { cause: error });
    }
  } finally {
    await admin.end().catch(() => {});
  }
  try {
    return { client: await connect(databaseUrl), created };
  } catch (error) {
    throw new DatabaseConnectionError(databaseUrl, error);
  }
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // A dropped connection is reported by the pending query; without a listener it would crash the process.
  client.on("error", () => {});
  await client.connect();
  return client;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function codeOf(error: unknown): string | undefined {
  return (error as { code?: unknown } | null)?.code?.toString();
}

/** A readable reason; Node's AggregateError (every address of a host refused) has an empty message. */
function reasonOf(error: unknown): string {
  if (error instanceof AggregateError && !error.message) {
    const inner = error.errors.map((item) => errorText(item)).filter(Boolean);
    if (inner.length > 0) return [...new Set(inner)].join("; ");
  }
  const text = errorText(error);
  return text || codeOf(error) || "unknown error";
}

async function main(): Promise<void> {
  const url = databaseUrlFromEnv();
  try {
    const result = await migrateDatabase(url, { log: (line) => console.log(line) });
    const where = maskDatabaseUrl(url);
    if (result.applied.length === 0) console.log(`${where} is up to date`);
    else console.log(`${where}: applied ${result.applied.length} migration(s)`);
  } catch (error) {
    if (error instanceof DatabaseConnectionError) console.error(unreachableMessage(url, error.message));
    else if (error instanceof MigrationError) console.error(`db:migrate: ${error.message}`);
    else console.error(`db:migrate failed on ${maskDatabaseUrl(url)}:`, error);
    process.exitCode = 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
