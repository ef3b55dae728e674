import type { PrismaClient } from "../../prisma/client.ts";

export interface ReplayedTurn {
  conversationId: string;
  /** What the bot said in answer to the turn, in order (empty when it said nothing). */
  texts: string[];
  /** Whether that turn submitted a request (its answer ended the call). */
  submitted: boolean;
}

/**
 * A voice turn Twilio posts again after it was answered (a retry after a timeout, a replayed
 * webhook): the caller must hear that answer again, never silence, and nothing is stepped twice.
 * Null when the turn was never acted on (then it is a new turn, or one racing its twin).
 */
export async function findReplayedTurn(prisma: PrismaClient, providerId: string): Promise<ReplayedTurn | null> {
  const inbound = await prisma.message.findUnique({
    where: { providerId },
    select: { id: true, conversationId: true, createdAt: true, handledAt: true },
  });
  if (!inbound?.handledAt) return null;
  // Replies are stored at the turn's own instant; the next thing the caller said bounds them.
  const next = await prisma.message.findFirst({
    where: { conversationId: inbound.conversationId, direction: "inbound", createdAt: { gt: inbound.createdAt } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  const window = { gte: inbound.createdAt, ...(next ? { lt: next.createdAt } : {}) };
  const [replies, submitted] = await Promise.all([
    prisma.message.findMany({
      where: { conversationId: inbound.conversationId, direction: "outbound", channel: "voice", createdAt: window },
      orderBy: { createdAt: "asc" },
      select: { body: true },
    }),
    prisma.request.count({ where: { conversationId: inbound.conversationId, createdAt: window } }),
  ]);
  return { conversationId: inbound.conversationId, texts: replies.map((r) => r.body), submitted: submitted > 0 };
}
