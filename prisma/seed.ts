import { pathToFileURL } from "node:url";
import { loadAgencies } from "../agencies/load-agencies.ts";
import type pg from "pg";
import { createPrismaClient, poolOf, type PrismaClient } from "./client.ts";
import { buildRoster } from "./seed-roster.ts";

export interface SeedResult {
  agencies: number;
  officers: number;
}

/**
 * Upserts every agency file and its fictional roster; safe to run again (idempotent). Two
 * statements per agency on the pg pool beneath `prisma` rather than Prisma upserts: a web process
 * starting on an empty database seeds it, and would otherwise carry Prisma's query compiler
 * (~80 MB) for the rest of its life without ever using it again.
 */
export async function seedDatabase(prisma: PrismaClient): Promise<SeedResult> {
  const pool = poolOf(prisma);
  const agencies = [...loadAgencies().values()];
  let officers = 0;
  for (const [index, agency] of agencies.entries()) {
    await pool.query(
      `INSERT INTO "Agency" ("id", "name", "timeZone", "phoneNumbers", "slackApprovalsChannel", "slackDispatchChannel", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, $6, now())
       ON CONFLICT ("id") DO UPDATE SET
         "name" = EXCLUDED."name", "timeZone" = EXCLUDED."timeZone", "phoneNumbers" = EXCLUDED."phoneNumbers",
         "slackApprovalsChannel" = EXCLUDED."slackApprovalsChannel", "slackDispatchChannel" = EXCLUDED."slackDispatchChannel",
         "updatedAt" = now()`,
      [agency.id, agency.name, agency.timeZone, agency.phoneNumbers, agency.slack.approvalsChannel, agency.slack.dispatchChannel],
    );
    const roster = buildRoster(agency.id, index * 17);
    await pool.query(
      `INSERT INTO "Officer" ("id", "agencyId", "badgeNumber", "firstName", "lastName", "phone", "rank", "seniorityDate",
                              "assignedVehicle", "livesInCity", "updatedAt")
       SELECT gen_random_uuid(), $1, o."badgeNumber", o."firstName", o."lastName", o."phone", o."rank"::"Rank",
              o."seniorityDate"::date, o."assignedVehicle", o."livesInCity", now()
         FROM jsonb_to_recordset($2::jsonb) AS o("badgeNumber" text, "firstName" text, "lastName" text, "phone" text,
                                                  "rank" text, "seniorityDate" text, "assignedVehicle" text, "livesInCity" boolean)
       ON CONFLICT ("agencyId", "badgeNumber") DO UPDATE SET
         "firstName" = EXCLUDED."firstName", "lastName" = EXCLUDED."lastName", "phone" = EXCLUDED."phone",
         "rank" = EXCLUDED."rank", "seniorityDate" = EXCLUDED."seniorityDate", "assignedVehicle" = EXCLUDED."assignedVehicle",
         "livesInCity" = EXCLUDED."livesInCity", "updatedAt" = now()`,
      [agency.id, JSON.stringify(roster)],
    );
    officers += roster.length;
  }
  return { agencies: agencies.length, officers };
}

/**
 * Whether the database has an agency yet: one statement on the pg pool, so a process that only
 * checks (every start but the first, and `npm run web` always) never starts Prisma's query
 * compiler, ~80 MB of resident memory a web process does not otherwise need.
 */
export async function hasAgencies(pool: pg.Pool): Promise<boolean> {
  const { rows } = await pool.query<{ seeded: boolean }>(`SELECT EXISTS (SELECT 1 FROM "Agency") AS seeded`);
  return rows[0]?.seeded === true;
}

/** Seeds only a database that has no agency yet, so start-up never overwrites an operator's edits. */
export async function seedIfEmpty(prisma: PrismaClient): Promise<SeedResult | null> {
  if (await hasAgencies(poolOf(prisma))) return null;
  return seedDatabase(prisma);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const url = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/detaildesk";
  const prisma = createPrismaClient(url);
  seedDatabase(prisma)
    .then((result) => {
      process.stdout.write(`seeded ${result.agencies} agencies and ${result.officers} officers\n`);
    })
    .catch((error: unknown) => {
      process.stderr.write(`seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    })
    .finally(() => prisma.$disconnect());
}
