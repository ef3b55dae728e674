import { renderRelayedCustomerMessage } from "../../bots/slack/render-dispatch-thread.ts";
import type { WorkerDeps } from "../registry.ts";

/**
 * `slackTs` of a customer message waiting for its thread's Slack budget (it is relayed, with the
 * others waiting, in one post once the budget frees). Set only on inbound messages.
 */
export const HELD_FOR_SLACK = "held";
/** Messages one coalesced post carries; more wait for the next post. */
const MAX_PER_POST = 50;
/** Slack's text limit is 40,000 characters; a coalesced post stays well under it. */
const MAX_POST_CHARS = 30_000;

type Media = { url?: string }[] | null;

/**
 * Posts the customer messages held for a conversation's dispatcher thread: one post for one
 * message (as before), one coalesced post ("3 more messages from the customer: …") for several.
 * Beyond the thread's budget (SLACK_POSTS_PER_THREAD_PER_MINUTE) nothing is posted now and a
 * flush is queued for when it frees. A per-conversation lock keeps two processes from posting
 * the same messages.
 */
export async function flushHeldRelays(
  deps: WorkerDeps,
  conversation: { id: string; slackThreadTs: string },
  channel: string,
): Promise<{ posted: number } | { waitingUntil: string } | { nothing: true }> {
  const { prisma } = deps;
  const slack = deps.slack;
  if (!slack) return { nothing: true };
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`slack-relay:${conversation.id}`}))`;
      const held = await tx.message.findMany({
        where: { conversationId: conversation.id, direction: "inbound", slackTs: HELD_FOR_SLACK },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: MAX_PER_POST + 1,
        select: { id: true, body: true, media: true, createdAt: true },
      });
      if (held.length === 0) return { nothing: true as const };
      const budget = await deps.slackThreadBudget.take(conversation.slackThreadTs);
      if (!budget.ok) {
        await deps.relayBacklogToDispatcher(
          conversation.id,
          String(Math.ceil(budget.freesAt.getTime() / 1000)),
          budget.freesAt.getTime() - Date.now() + 250,
        );
        return { waitingUntil: budget.freesAt.toISOString() };
      }
      const batch: typeof held = [];
      let chars = 0;
      for (const message of held.slice(0, MAX_PER_POST)) {
        const line = renderRelayedCustomerMessage(message.body, mediaUrls(message.media as Media));
        if (batch.length > 0 && chars + line.length > MAX_POST_CHARS) break;
        batch.push(message);
        chars += line.length + 1;
      }
      const lines = batch.map((m) => renderRelayedCustomerMessage(m.body, mediaUrls(m.media as Media)));
      const text =
        batch.length === 1
          ? (lines[0] as string)
          : [`_${batch.length} messages from the customer in a row (posts in this thread are limited, so they come together):_`, ...lines].join("\n");
      const posted = await slack.client.chat.postMessage({ channel, thread_ts: conversation.slackThreadTs, text });
      await tx.message.updateMany({
        where: { id: { in: batch.map((m) => m.id) }, slackTs: HELD_FOR_SLACK },
        data: { slackTs: posted.ts ?? conversation.slackThreadTs },
      });
      // More than one post holds: the rest go in the next one, within the budget.
      if (held.length > batch.length) await deps.relayBacklogToDispatcher(conversation.id, `more-${batch.at(-1)?.id}`, 0);
      return { posted: batch.length };
    },
    // The Slack call runs inside: a lock held past it keeps a second process from posting again.
    { timeout: 20_000, maxWait: 10_000 },
  );
}

const mediaUrls = (media: Media) => (media ?? []).flatMap((m) => (m.url ? [m.url] : []));
