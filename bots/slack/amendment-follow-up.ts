import type { IntakeEffect } from "../../core/intake/index.ts";
import type { PrismaClient } from "../../prisma/client.ts";
import { RequestAmendments } from "../../prisma/repositories/request-amendments.ts";
import type { QueueSet } from "../../workers/queue-set.ts";

type AmendmentAnswer = Extract<IntakeEffect, { kind: "answer_amendment" }>;

/**
 * After the customer's turn answering a supervisor's edit has committed: the request's thread is
 * told how it ended, and an applied edit refreshes the card and sends offers for new or re-opened
 * positions (the next wave, now), or marks the request staffed when nothing is left open.
 */
export async function followUpAmendment(
  prisma: PrismaClient,
  queues: Pick<QueueSet, "syncRequestCard" | "postRequestNotice" | "enqueueBroadcastWave" | "enqueueRequestStaffed">,
  effect: AmendmentAnswer,
): Promise<void> {
  const outcome = await new RequestAmendments(prisma).readOutcome(effect.amendmentId);
  if (!outcome) return;
  const key = `amendment-${effect.amendmentId}-${outcome.status}`;
  const who = `<@${outcome.proposedBy}>`;
  switch (outcome.status) {
    case "accepted": {
      await queues.syncRequestCard(outcome.requestId, key);
      const total = `$${(outcome.totalCents / 100).toFixed(2)}`;
      await queues.postRequestNotice(
        outcome.requestId,
        key,
        `The customer accepted ${who}'s change to #${outcome.number}; new total ${total}.${
          outcome.added > 0 ? ` ${outcome.added} position${outcome.added === 1 ? "" : "s"} added.` : ""
        }${outcome.removed > 0 ? ` ${outcome.removed} open position${outcome.removed === 1 ? "" : "s"} removed.` : ""}${
          outcome.timesChanged ? " Outstanding offers at the old times were withdrawn." : ""
        }`,
      );
      if (outcome.openPositions > 0 && (outcome.added > 0 || outcome.timesChanged)) {
        const last = await prisma.offer.aggregate({ where: { position: { requestId: outcome.requestId } }, _max: { wave: true } });
        await queues.enqueueBroadcastWave(outcome.requestId, (last._max.wave ?? -1) + 1, 0);
      }
      if (outcome.staffed) await queues.enqueueRequestStaffed(outcome.requestId);
      return;
    }
    case "declined":
      await queues.postRequestNotice(outcome.requestId, key, `The customer declined ${who}'s change to #${outcome.number}; the booking stays as it was.`);
      return;
    case "failed":
      await queues.postRequestNotice(
        outcome.requestId,
        key,
        `The customer accepted ${who}'s change to #${outcome.number}, but it could not be applied (${outcome.reason}). Nothing was changed: contact the customer.`,
      );
      return;
    case "pending":
    case "superseded":
      return;
  }
}
