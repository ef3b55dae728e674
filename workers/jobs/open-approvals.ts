import { UnrecoverableError } from "bullmq";
import { z } from "zod";
import { ApprovalRepository } from "../../prisma/repositories/approval-repository.ts";
import type { JobDefinition } from "../job-definition.ts";
import { QUEUES } from "../queues.ts";
import type { WorkerDeps } from "../registry.ts";

export const OpenApprovalsPayloadSchema = z.object({ requestNumber: z.int().min(1) });

/** The hand-off of a submitted request to its approvers: pending approvals, then the Slack card. */
export const openApprovalsJob: JobDefinition<typeof OpenApprovalsPayloadSchema, WorkerDeps> = {
  id: "open-approvals",
  queue: QUEUES.approvals,
  schema: OpenApprovalsPayloadSchema,
  async run({ payload, deps }) {
    const opened = await new ApprovalRepository(deps.prisma).openApprovals(payload.requestNumber, new Date());
    if (!opened) throw new UnrecoverableError(`no request #${payload.requestNumber}`);
    await deps.syncRequestCard(opened.requestId, "post", true);
    await deps.scheduleApprovalTimeout(opened.requestId, 1);
    return opened;
  },
};
