import { z } from "zod";
import type { JobDefinition } from "../job-definition.ts";
import { QUEUES } from "../queues.ts";
import type { WorkerDeps } from "../registry.ts";

export const NoShowCheckPayloadSchema = z.object({ requestId: z.uuid() });

/**
 * Fifteen minutes after the start: assigned officers who have not checked in are marked no-show;
 * the supervisors are alerted in the card's thread and the audit trail.
 */
export const noShowCheckJob: JobDefinition<typeof NoShowCheckPayloadSchema, WorkerDeps> = {
  id: "no-show-check",
  queue: QUEUES.reminders,
  schema: NoShowCheckPayloadSchema,
  async run({ payload, deps }) {
    const missing = await deps.prisma.assignment.findMany({
      where: { position: { requestId: payload.requestId }, status: "assigned" },
      include: { position: { include: { request: true } }, officer: true },
    });
    for (const assignment of missing) {
      const changed = await deps.prisma.assignment.updateMany({
        where: { id: assignment.id, status: "assigned" },
        data: { status: "no_show" },
      });
      if (changed.count === 0) continue;
      const { request } = assignment.position;
      const supervisors = deps.getAgency(request.agencyId)?.slack.supervisors ?? [];
      await deps.postRequestNotice(
        request.id,
        `no-show-${assignment.id}`,
        `${supervisors.map((id) => `<@${id}>`).join(" ")} No-show: Officer ${assignment.officer.firstName} ${assignment.officer.lastName} (#${assignment.officer.badgeNumber}) has not checked in for #${request.number}.`.trim(),
      );
      await deps.prisma.auditEvent.create({
        data: {
          agencyId: assignment.position.request.agencyId,
          actorKind: "system",
          action: "assignment.no_show",
          entityType: "Assignment",
          entityId: assignment.id,
          data: { requestNumber: assignment.position.request.number, officerId: assignment.officerId },
        },
      });
    }
    return { noShows: missing.length };
  },
};
