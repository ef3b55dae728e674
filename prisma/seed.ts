import { pathToFileURL } from "node:url";
import { loadAgencies } from "../agencies/load-agencies.ts";
import type pg from "pg";
import { createPrismaClient, poolOf, type PrismaClient } from "./client.ts";
import { buildRoster } from "./seed-roster.ts";

export interface SeedResult {
  agencies: number;
  officers: number;
}

/** Upserts every agency file and its fictional roster; safe to run again (idempotent). */
export async function seedDatabase(prisma: PrismaClient): Promise<SeedResult> {
  const agencies = [...loadAgencies().values()];
  let officers = 0;
  for (const [index, agency] of agencies.entries()) {
    const row = {
      name: agency.name,
      timeZone: agency.timeZone,
      phoneNumbers: agency.phoneNumbers,
      slackApprovalsChannel: agency.slack.approvalsChannel,
      slackDispatchChannel: agency.slack.dispatchChannel,
    };
    await prisma.agency.upsert({ where: { id: agency.id }, create: { id: agency.id, ...row }, update: row });
    for (const officer of buildRoster(agency.id, index * 17)) {
      const data = { ...officer, seniorityDate: new Date(`${officer.seniorityDate}T00:00:00Z`) };
      await prisma.officer.upsert({
        where: { agencyId_badgeNumber: { agencyId: agency.id, badgeNumber: officer.badgeNumber } },
        create: { agencyId: agency.id, ...data },
        update: data,
      });
      officers += 1;
    }
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
