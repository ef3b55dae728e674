import { z } from "zod";
import type { JobDefinition } from "../job-definition.ts";
import { HELD_FOR_SLACK } from "./relay-to-thread.ts";
import { QUEUES } from "../queues.ts";
import type { WorkerDeps } from "../registry.ts";

export const RecoverStrandedPayloadSchema = z.object({}).passthrough();

/** Work older than this is stranded (its enqueue failed, e.g. Redis was down), not just in flight. */
const STRANDED_AFTER_MS = 20_000;
/** Rows looked at per kind and sweep, so one sweep stays short. */
const BATCH = 500;
/**
 * Finished requests looked back on for a missing invoice draft. Bounded so the sweep stays an
 * index range; a draft job keeps its id for a day, so one that could not be priced (flagged in
 * the request's thread) is not retried every sweep.
 */
const UNBILLED_LOOKBACK_MS = 7 * 24 * 3_600_000;

/**
 * The database is the record of what must happen; the queues only carry it. Every half minute
 * this sweep re-enqueues what a failed enqueue left behind: SMS not acted on, unsent replies, requests not handed
 * to approvers, cards never posted, escalations without a thread, customer messages not relayed.
 * Every enqueue is idempotent (fixed job ids, claimed rows), so a sweep never doubles anything.
 */
export const recoverStrandedJob: JobDefinition<typeof RecoverStrandedPayloadSchema, WorkerDeps> = {
  id: "recover-stranded",
  queue: QUEUES.maintenance,
  schema: RecoverStrandedPayloadSchema,
  async run({ deps }) {
    const { prisma } = deps;
    const before = new Date(Date.now() - STRANDED_AFTER_MS);
    const sweep = `sweep-${Math.floor(Date.now() / 60_000)}`;

    // One job per sender (it acts on all their waiting messages): a sender held back by the
    // inbound limit with thousands waiting must not fill the batch and hide everyone else.
    const unprocessed = await prisma.$queryRaw<{ providerId: string; agencyId: string; from: string }[]>`
      SELECT DISTINCT ON ("agencyId", "from") "providerId", "agencyId", "from"
      FROM "InboundSms"
      WHERE "processedAt" IS NULL AND "receivedAt" < ${before}
      ORDER BY "agencyId", "from", "seq"
      LIMIT ${BATCH}`;
    for (const message of unprocessed) await deps.enqueueInboundSms(message, sweep);

    const unsent = await prisma.message.findMany({
      where: { direction: "outbound", status: "recorded", createdAt: { lt: before }, channel: { in: ["sms", "web"] } },
      distinct: ["conversationId"],
      select: { conversationId: true, channel: true },
      take: BATCH,
    });
    for (const message of unsent) {
      await deps.deliverToCustomer(message.conversationId, message.channel === "web" ? "web" : "sms", sweep);
    }

    const submitted = await prisma.request.findMany({
      where: { status: "submitted", createdAt: { lt: before } },
      select: { number: true },
      take: BATCH,
    });
    for (const request of submitted) await deps.enqueueOpenApprovals(request.number);

    const uncarded = await prisma.request.findMany({
      where: { status: "pending_approval", slackMessageTs: null, updatedAt: { lt: before } },
      select: { id: true },
      take: BATCH,
    });
    for (const request of uncarded) await deps.syncRequestCard(request.id, "post", true);

    const threadless = await prisma.conversation.findMany({
      where: { stateName: "escalated", slackThreadTs: null, updatedAt: { lt: before } },
      select: { id: true },
      take: BATCH,
    });
    for (const conversation of threadless) await deps.syncDispatchThread(conversation.id, sweep, "asked_for_agent");

    const unrelayed = await prisma.message.findMany({
      where: {
        direction: "inbound",
        slackTs: null,
        createdAt: { lt: before },
        conversation: { slackThreadTs: { not: null }, OR: [{ holder: "dispatcher" }, { stateName: "escalated" }] },
      },
      select: { id: true },
      take: BATCH,
    });
    for (const message of unrelayed) await deps.relayToDispatcher(message.id);

    // Customer messages held over a thread's Slack budget whose flush was lost.
    const held = await prisma.message.findMany({
      where: { direction: "inbound", slackTs: HELD_FOR_SLACK, createdAt: { lt: before } },
      distinct: ["conversationId"],
      select: { conversationId: true },
      take: BATCH,
    });
    for (const message of held) await deps.relayBacklogToDispatcher(message.conversationId, sweep, 0);

    // Finished requests whose draft was never queued (the process died between the last
    // check-out or the cancellation and the enqueue); accounts wait for their cycle close.
    const unbilled = await prisma.request.findMany({
      where: {
        updatedAt: { lt: before, gt: new Date(Date.now() - UNBILLED_LOOKBACK_MS) },
        invoiceItems: { none: { voided: false } },
        OR: [{ customerId: null }, { customer: { billingCycle: "per_request" } }],
        AND: [{ OR: [{ status: "completed" }, { status: "cancelled", cancellationFeeCents: { gt: 0 } }] }],
      },
      select: { id: true },
      take: BATCH,
    });
    for (const request of unbilled) await deps.enqueueInvoiceDraft(request.id);

    return {
      unbilled: unbilled.length,
      unprocessed: unprocessed.length,
      unsent: unsent.length,
      submitted: submitted.length,
      uncarded: uncarded.length,
      threadless: threadless.length,
      unrelayed: unrelayed.length,
      heldForSlack: held.length,
    };
  },
};
