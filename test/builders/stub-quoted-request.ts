import type { PrismaClient } from "../../prisma/client.ts";

/**
 * A submitted request for `positions` officers ten days out, with a stub quote (no approver
 * needed), ready for approval and a wave: what the offers bench and the scale-out test approve.
 */
export function createStubQuotedRequest(prisma: PrismaClient, agencyId: string, positions: number): Promise<{ id: string; number: number }> {
  const start = new Date(Date.now() + 10 * 24 * 3600_000);
  return prisma.request.create({
    data: {
      agencyId,
      status: "submitted",
      start,
      end: new Date(start.getTime() + 4 * 3600_000),
      officers: positions,
      quotes: {
        create: {
          totalCents: 1,
          decision: "allow",
          quote: { positions: { officer: positions }, screening: { approver: null } },
          requestData: {},
        },
      },
    },
    select: { id: true, number: true },
  });
}
