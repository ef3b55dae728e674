import { randomInt } from "node:crypto";
import type { Rank } from "../../core/agencies/index.ts";
import type { PrismaClient } from "../../prisma/client.ts";

/**
 * An officer made for one test. The seeded roster is shared by every test file of a run: a shift
 * given to a seeded officer shows up in another file's queries of that officer's shifts.
 */
export function makeTestOfficer(prisma: PrismaClient, agencyId: string, rank: Rank = "officer") {
  const n = randomInt(0, 10_000_000);
  return prisma.officer.create({
    data: {
      agencyId,
      badgeNumber: `T${n}`,
      firstName: "Test",
      lastName: `Officer${n}`,
      phone: `+1555${String(n).padStart(7, "0")}`,
      rank,
      seniorityDate: new Date("2015-01-01"),
    },
  });
}
