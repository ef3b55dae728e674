import type { Prisma, PrismaClient } from "../client.ts";

export type DecisionOutcome =
  | { kind: "approved"; requestId: string }
  | { kind: "waiting"; pendingRoles: string[] }
  | { kind: "denied"; requestId: string }
  | { kind: "already_decided"; decision: string; decidedBy: string | null; decidedAt: Date | null }
  | { kind: "not_found" };

/** The approval hand-off of a submitted request: who must sign off, and their decisions. */
export class ApprovalRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Moves a submitted request to pending_approval with one pending approval per role it needs:
   * always a supervisor, plus the chief's designee when screening asked for one. Idempotent.
   */
  async openApprovals(
    requestNumber: number,
    at: Date,
  ): Promise<{ requestId: string; roles: string[] } | null> {
    return this.prisma.$transaction(async (tx) => {
      const request = await tx.request.findUnique({
        where: { number: requestNumber },
        include: { quotes: { orderBy: { createdAt: "desc" }, take: 1 } },
      });
      if (!request) return null;
      const screening = (request.quotes[0]?.quote as { screening?: { approver?: string | null } } | undefined)
        ?.screening;
      const roles: ("supervisor" | "chief")[] =
        screening?.approver === "chief" ? ["supervisor", "chief"] : ["supervisor"];
      for (const role of roles) {
        await tx.approval.upsert({
          where: { requestId_role: { requestId: request.id, role } },
          create: { requestId: request.id, role },
          update: {},
        });
      }
      if (request.status === "submitted") {
        await tx.request.update({ where: { id: request.id }, data: { status: "pending_approval" } });
        await tx.auditEvent.create({
          data: {
            agencyId: request.agencyId,
            actorKind: "system",
            action: "request.pending_approval",
            entityType: "Request",
            entityId: request.id,
            data: { roles },
            at,
          },
        });
      }
      return { requestId: request.id, roles };
    });
  }

  /** Records one approver's decision; the request is approved once every role has approved. */
  async decide(input: {
    requestId: string;
    role: "supervisor" | "chief";
    decision: "approved" | "denied";
    by: string;
    reason: string | null;
    at: Date;
  }): Promise<DecisionOutcome> {
    return this.prisma.$transaction(async (tx) => {
      const approval = await tx.approval.findUnique({
        where: { requestId_role: { requestId: input.requestId, role: input.role } },
        include: { request: true },
      });
      if (!approval) return { kind: "not_found" };
      const claimed = await tx.approval.updateMany({
        where: { id: approval.id, decision: { in: ["pending", "escalated"] } },
        data: { decision: input.decision, decidedBy: input.by, decidedAt: input.at, reason: input.reason },
      });
      if (claimed.count === 0) {
        return {
          kind: "already_decided",
          decision: approval.decision,
          decidedBy: approval.decidedBy,
          decidedAt: approval.decidedAt,
        };
      }
      const audit = (action: string) =>
        tx.auditEvent.create({
          data: {
            agencyId: approval.request.agencyId,
            actorKind: input.role === "chief" ? "supervisor" : "supervisor",
            actorId: input.by,
            action,
            entityType: "Request",
            entityId: input.requestId,
            data: { role: input.role, reason: input.reason },
            at: input.at,
          },
        });
      if (input.decision === "denied") {
        await tx.request.update({ where: { id: input.requestId }, data: { status: "denied" } });
        await audit("request.denied");
        return { kind: "denied", requestId: input.requestId };
      }
      await audit(`approval.${input.role}.approved`);
      const pending = await tx.approval.findMany({
        where: { requestId: input.requestId, decision: { not: "approved" } },
      });
      if (pending.length > 0) return { kind: "waiting", pendingRoles: pending.map((p) => p.role) };
      await tx.request.update({
        where: { id: input.requestId },
        data: { status: "approved", approvedAt: input.at },
      });
      await createPositions(tx, input.requestId);
      await audit("request.approved");
      return { kind: "approved", requestId: input.requestId };
    });
  }
}

/** One position per officer of the quote's rank split; higher ranks first, so they are offered first. */
async function createPositions(tx: Prisma.TransactionClient, requestId: string): Promise<void> {
  if ((await tx.position.count({ where: { requestId } })) > 0) return;
  const snapshot = await tx.quoteSnapshot.findFirst({ where: { requestId }, orderBy: { createdAt: "desc" } });
  const request = await tx.request.findUniqueOrThrow({ where: { id: requestId } });
  const split = (snapshot?.quote as { positions?: Record<string, number> } | undefined)?.positions ?? {
    officer: request.officers,
  };
  const ranks = (["commander", "sergeant", "officer"] as const).flatMap((rank) =>
    Array.from({ length: split[rank] ?? 0 }, () => rank),
  );
  await tx.position.createMany({ data: ranks.map((rank, i) => ({ requestId, index: i + 1, rank })) });
}
