import type { PrismaClient } from "../../prisma/client.ts";
import { openOfficerConversation, type SentMarker } from "../../prisma/repositories/officer-conversation.ts";

/**
 * Records an SMS to an officer once per marker, for the outbound queue, and returns the
 * conversation to queue (null when it was recorded before). Unlike a check then a write, two
 * jobs deciding the same notice together (a refill's wave run and request-staffed) cannot both
 * record it: the marker is decided under a transaction-scoped advisory lock.
 */
export async function recordOfficerSmsOnce(
  prisma: PrismaClient,
  input: { agencyId: string; from: string; to: string; body: string; marker: SentMarker },
): Promise<string | null> {
  const marker = { ...input.marker, agencyId: input.agencyId };
  if (await prisma.auditEvent.findFirst({ where: marker })) return null;
  const conversation = await openOfficerConversation(prisma, input.agencyId, input.to);
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${marker.action}:${marker.entityId}`}))`;
    if (await tx.auditEvent.findFirst({ where: marker })) return null;
    await tx.auditEvent.create({ data: { ...marker, actorKind: "system" } });
    await tx.message.create({
      data: { conversationId: conversation.id, direction: "outbound", channel: "sms", from: input.from, to: input.to, body: input.body, status: "recorded" },
    });
    return conversation.id;
  });
}
