import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { withDatabase } from "../../../prisma/tools/database-url.ts";
import {
  MigrationError,
  migrateDatabase,
  migrationChecksum,
  readMigrations,
} from "../../../prisma/tools/migrate.ts";

// Each test makes its own databases on the server (never the run's shared one) and drops them.
const SERVER_URL = process.env.TEST_DATABASE_SERVER_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const created: string[] = [];
const tempDirs: string[] = [];

function freshDatabaseUrl(): string {
  const name = `detaildesk_test_migrations_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  created.push(name);
  return withDatabase(SERVER_URL, name);
}

async function query<T extends pg.QueryResultRow>(
  url: string,
  sql: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

async function databaseExists(name: string): Promise<boolean> {
  const rows = await query(SERVER_URL, "SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  return rows.length === 1;
}

async function publicTables(url: string): Promise<string[]> {
  const rows = await query<{ table_name: string }>(
    url,
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
  );
  return rows.map((row) => row.table_name);
}

interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
}

async function history(url: string): Promise<HistoryRow[]> {
  return query<HistoryRow>(
    url,
    `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count
       FROM _prisma_migrations ORDER BY migration_name`,
  );
}

/** Tables the migration files leave behind (CREATE TABLE minus DROP TABLE, in order). */
function tablesCreatedBy(sqls: string[]): Set<string> {
  const tables = new Set<string>();
  for (const sql of sqls) {
    for (const match of sql.matchAll(
      /\b(CREATE|DROP)\s+TABLE\s+(?:IF\s+(?:NOT\s+)?EXISTS\s+)?(?:"public"\.)?"([^"]+)"/gi,
    )) {
      if (match[1]!.toUpperCase() === "CREATE") tables.add(match[2]!);
      else tables.delete(match[2]!);
    }
  }
  return tables;
}

/** A throwaway migrations folder in Prisma's layout. */
function migrationsFolder(migrations: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "detaildesk-migrations-"));
  tempDirs.push(dir);
  writeFileSync(path.join(dir, "migration_lock.toml"), 'provider = "postgresql"\n');
  for (const [name, sql] of Object.entries(migrations)) writeMigration(dir, name, sql);
  return dir;
}

function writeMigration(dir: string, name: string, sql: string): void {
  mkdirSync(path.join(dir, name), { recursive: true });
  writeFileSync(path.join(dir, name, "migration.sql"), sql);
}

afterAll(async () => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  for (const name of created) await query(SERVER_URL, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});

describe("migrateDatabase with prisma/migrations", () => {
  const migrations = readMigrations();

  it("creates a missing database, applies every migration folder in order and records it like Prisma", async () => {
    const url = freshDatabaseUrl();
    const result = await migrateDatabase(url);

    expect(result.created).toBe(true);
    expect(result.applied).toEqual(migrations.map((migration) => migration.name));
    const rows = await history(url);
    expect(rows.map((row) => row.migration_name)).toEqual(migrations.map((migration) => migration.name));
    for (const [index, row] of rows.entries()) {
      expect(row.checksum).toBe(migrations[index]!.checksum);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    const tables = await publicTables(url);
    expect(tables).toContain("_prisma_migrations");
    for (const table of tablesCreatedBy(migrations.map((migration) => migration.sql))) {
      expect(tables).toContain(table);
    }
  });

  it("applies nothing when run again", async () => {
    const url = freshDatabaseUrl();
    await migrateDatabase(url);
    const before = await history(url);

    const again = await migrateDatabase(url);

    expect(again).toEqual({ created: false, applied: [] });
    expect(await history(url)).toEqual(before);
  });

  it("lets concurrent runs on a missing database create it once and apply each migration once", async () => {
    const url = freshDatabaseUrl();

    const results = await Promise.all([migrateDatabase(url), migrateDatabase(url), migrateDatabase(url)]);

    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(results.flatMap((result) => result.applied).sort()).toEqual(
      migrations.map((migration) => migration.name),
    );
    expect((await history(url)).map((row) => row.migration_name)).toEqual(
      migrations.map((migration) => migration.name),
    );
  });
});

describe("migrateDatabase with a scratch migrations folder", () => {
  it("applies only the new folders on a later run", async () => {
    const dir = migrationsFolder({
      "20250101000000_first": 'CREATE TABLE "first" (id integer PRIMARY KEY);\n',
    });
    const url = freshDatabaseUrl();
    expect((await migrateDatabase(url, { migrationsDir: dir })).applied).toEqual(["20250101000000_first"]);

    writeMigration(dir, "20250102000000_second", 'ALTER TABLE "first" ADD COLUMN note text;\n');
    const logged: string[] = [];
    const second = await migrateDatabase(url, { migrationsDir: dir, log: (line) => logged.push(line) });

    expect(second).toEqual({ created: false, applied: ["20250102000000_second"] });
    expect(logged).toContain("applied 20250102000000_second");
    const rows = await history(url);
    expect(rows.map((row) => row.checksum)).toEqual([
      migrationChecksum('CREATE TABLE "first" (id integer PRIMARY KEY);\n'),
      migrationChecksum('ALTER TABLE "first" ADD COLUMN note text;\n'),
    ]);
  });

  it("refuses to run when an applied migration was edited afterwards", async () => {
    const dir = migrationsFolder({
      "20250101000000_first": 'CREATE TABLE "first" (id integer PRIMARY KEY);\n',
    });
    const url = freshDatabaseUrl();
    await migrateDatabase(url, { migrationsDir: dir });

    writeMigration(dir, "20250101000000_first", 'CREATE TABLE "first" (id bigint PRIMARY KEY);\n');
    writeMigration(dir, "20250102000000_second", 'CREATE TABLE "second" (id integer PRIMARY KEY);\n');
    const attempt = migrateDatabase(url, { migrationsDir: dir });

    await expect(attempt).rejects.toBeInstanceOf(MigrationError);
    await expect(attempt).rejects.toThrow(/20250101000000_first changed after being applied/);
    expect(await publicTables(url)).not.toContain("second");
  });

  it("rolls a failing migration back completely and records nothing for it", async () => {
    const dir = migrationsFolder({
      "20250101000000_first": 'CREATE TABLE "first" (id integer PRIMARY KEY);\n',
      "20250102000000_broken": 'CREATE TABLE "half" (id integer);\n\nSELECT 1 / 0;\n',
    });
    const url = freshDatabaseUrl();

    await expect(migrateDatabase(url, { migrationsDir: dir })).rejects.toThrow(
      /migration 20250102000000_broken failed.*division by zero/,
    );

    expect((await history(url)).map((row) => row.migration_name)).toEqual(["20250101000000_first"]);
    expect(await publicTables(url)).not.toContain("half");
  });

  it("applies a script that manages its own transaction (as Prisma writes for enum changes)", async () => {
    const dir = migrationsFolder({
      "20250101000000_enum": "CREATE TYPE \"Mood\" AS ENUM ('happy', 'sad');\n",
      "20250102000000_recreate_enum": [
        "-- AlterEnum",
        "BEGIN;",
        "CREATE TYPE \"Mood_new\" AS ENUM ('happy');",
        'ALTER TYPE "Mood" RENAME TO "Mood_old";',
        'ALTER TYPE "Mood_new" RENAME TO "Mood";',
        'DROP TYPE "Mood_old";',
        "COMMIT;",
        "",
      ].join("\n"),
    });
    const url = freshDatabaseUrl();

    const result = await migrateDatabase(url, { migrationsDir: dir });

    expect(result.applied).toEqual(["20250101000000_enum", "20250102000000_recreate_enum"]);
    const rows = await history(url);
    expect(rows.every((row) => row.finished_at instanceof Date && row.applied_steps_count === 1)).toBe(true);
    const labels = await query<{ enumlabel: string }>(
      url,
      `SELECT enumlabel FROM pg_enum JOIN pg_type ON pg_type.oid = enumtypid WHERE typname = 'Mood'`,
    );
    expect(labels.map((row) => row.enumlabel)).toEqual(["happy"]);
  });

  it("creates nothing when the server cannot be reached", async () => {
    const unreachable = "postgresql://postgres:secret@127.0.0.1:1/detaildesk_nowhere";
    await expect(migrateDatabase(unreachable)).rejects.toMatchObject({
      name: "DatabaseConnectionError",
      code: "ECONNREFUSED",
    });
    expect(await databaseExists("detaildesk_nowhere")).toBe(false);
  });
});
