import { z } from "zod";
import type { JobDefinition } from "../job-definition.ts";
import { QUEUES } from "../queues.ts";
import type { WorkerDeps } from "../registry.ts";
import { describeRankedOfficer } from "../../core/agencies/index.ts";

export const NoShowCheckPayloadSchema = z.object({ requestId: z.uuid() });

/**
 * Fifteen minutes after the start: assigned officers who have not checked in are marked no-show
 * and their positions open again; the supervisors are alerted in the card's thread and the audit
 * trail, and a refill wave re-offers the positions at once (the wave tells the customer a
 * replacement is on the way; request-staffed tells them who once one accepts). Idempotent: only
 * assignments still assigned are marked, and a re-run still asks for the refill while a
 * no-show's position is open (the wave never texts an officer twice for one offer).
 */
export const noShowCheckJob: JobDefinition<typeof NoShowCheckPayloadSchema, WorkerDeps> = {
  id: "no-show-check",
  queue: QUEUES.reminders,
  schema: NoShowCheckPayloadSchema,
  async run({ payload, deps }) {
    const { prisma } = deps;
    const missing = await prisma.assignment.findMany({
      where: { position: { requestId: payload.requestId }, status: "assigned" },
      include: { position: { include: { request: true } }, officer: true },
    });
    let noShows = 0;
    for (const assignment of missing) {
      const { request } = assignment.position;
      const changed = await prisma.$transaction(async (tx) => {
        const marked = await tx.assignment.updateMany({
          where: { id: assignment.id, status: "assigned" },
          data: { status: "no_show" },
        });
        if (marked.count === 0) return false;
        await tx.position.updateMany({ where: { id: assignment.positionId, status: "filled" }, data: { status: "open" } });
        // A staffed request is staffing again; one in progress (others checked in) stays in progress.
        await tx.request.updateMany({ where: { id: request.id, status: "staffed" }, data: { status: "staffing" } });
        await tx.auditEvent.create({
          data: {
            agencyId: request.agencyId,
            actorKind: "system",
            action: "assignment.no_show",
            entityType: "Assignment",
            entityId: assignment.id,
            data: { requestNumber: request.number, officerId: assignment.officerId },
          },
        });
        return true;
      });
      if (!changed) continue;
      noShows += 1;
      const supervisors = deps.getAgency(request.agencyId)?.slack.supervisors ?? [];
      await deps.postRequestNotice(
        request.id,
        `no-show-${assignment.id}`,
        `${supervisors.map((id) => `<@${id}>`).join(" ")} No-show: ${describeRankedOfficer(assignment.officer)} has not checked in for #${request.number}; the position is being offered again.`.trim(),
      );
    }
    const toRefill = await prisma.position.count({
      where: { requestId: payload.requestId, status: { in: ["open", "offered"] }, assignments: { some: { status: "no_show" } } },
    });
    if (toRefill > 0) {
      const last = await prisma.offer.aggregate({ where: { position: { requestId: payload.requestId } }, _max: { wave: true } });
      await deps.enqueueBroadcastWave(payload.requestId, (last._max.wave ?? 0) + 1, 0);
    }
    return { noShows, refilling: toRefill };
  },
};
