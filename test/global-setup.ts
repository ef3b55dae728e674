import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { createPrismaClient } from "../prisma/client.ts";
import { seedDatabase } from "../prisma/seed.ts";
import { migrateDatabase } from "../prisma/tools/migrate.ts";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    serverUrl: string;
    redisUrl: string;
    redisPrefix: string;
  }
}

const SERVER_URL = process.env.TEST_DATABASE_SERVER_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** One fresh, migrated, seeded database and one Redis prefix per test run, dropped afterwards. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const server = new URL(SERVER_URL);
  const databaseUrl = new URL(SERVER_URL);
  databaseUrl.pathname = `/detaildesk_test_${runId}`;
  await migrateDatabase(databaseUrl.toString());
  // Seeded once here: test files run in parallel and must not race to upsert the same rows.
  const prisma = createPrismaClient(databaseUrl.toString());
  await seedDatabase(prisma);
  await prisma.$disconnect();

  project.provide("databaseUrl", databaseUrl.toString());
  project.provide("serverUrl", server.toString());
  project.provide("redisUrl", process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379");
  project.provide("redisPrefix", `ddtest:${runId}`);

  return async () => {
    const client = new pg.Client({ connectionString: SERVER_URL });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS "detaildesk_test_${runId}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
  };
}
