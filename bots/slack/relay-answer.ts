import type { PrismaClient } from "../../prisma/client.ts";
import type { QueueSet } from "../../workers/queue-set.ts";
import { escapeMrkdwn } from "./escape-mrkdwn.ts";

/**
 * After a supervisor asked the customer a question from the approval card, the customer's
 * messages are also posted in that card's thread until the request is decided.
 */
export async function relayAnswerToApprovers(
  prisma: PrismaClient,
  queues: Pick<QueueSet, "postRequestNotice">,
  conversationId: string,
  messageId: string,
): Promise<void> {
  const request = await prisma.request.findFirst({
    where: { conversationId, status: "pending_approval", slackMessageTs: { not: null } },
    orderBy: { number: "desc" },
  });
  if (!request) return;
  const asked = await prisma.auditEvent.findFirst({
    where: { entityType: "Request", entityId: request.id, action: { startsWith: "customer_notice.ask-" } },
  });
  if (!asked) return;
  const message = await prisma.message.findUnique({ where: { id: messageId } });
  if (!message || message.body.trim() === "") return;
  await queues.postRequestNotice(request.id, `answer-${messageId}`, `Customer replied: "${escapeMrkdwn(message.body.slice(0, 2_500))}"`);
}
