import type { PrismaClient } from "../prisma/client.ts";

const INSTANT_KEYS = ["requestedAt", "start", "end"] as const;

/**
 * The demo's disclosed time skip: every recorded instant of one request (its booking, shift,
 * confirmed quote, assignments and check-ins) moves `ms` earlier, which is what the clock moving
 * `ms` forward would look like to the product. Shifts, lead times and worked hours keep their
 * lengths, so the quote's rates and the invoice stay the ones a real day would give.
 */
export async function moveRequestEarlier(prisma: PrismaClient, requestId: string, ms: number): Promise<void> {
  const shift = `${Math.round(ms)} milliseconds`;
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`
      UPDATE "Request" SET "start" = "start" - ${shift}::interval, "end" = "end" - ${shift}::interval,
        "requestedAt" = "requestedAt" - ${shift}::interval, "approvedAt" = "approvedAt" - ${shift}::interval
      WHERE "id" = ${requestId}::uuid`;
    await tx.$executeRaw`
      UPDATE "Assignment" SET "start" = "start" - ${shift}::interval, "end" = "end" - ${shift}::interval,
        "checkedInAt" = "checkedInAt" - ${shift}::interval, "checkedOutAt" = "checkedOutAt" - ${shift}::interval
      WHERE "positionId" IN (SELECT "id" FROM "Position" WHERE "requestId" = ${requestId}::uuid)`;
    for (const snapshot of await tx.quoteSnapshot.findMany({ where: { requestId } })) {
      const data = { ...(snapshot.requestData as Record<string, unknown>) };
      for (const key of INSTANT_KEYS) {
        const value = data[key];
        if (typeof value === "string") data[key] = new Date(Date.parse(value) - ms).toISOString();
      }
      await tx.quoteSnapshot.update({ where: { id: snapshot.id }, data: { requestData: data as object } });
    }
  });
}
