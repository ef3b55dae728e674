import { Prisma, type PrismaClient } from "../client.ts";

type Db = Pick<PrismaClient, "conversation">;

/** The SMS conversation with an officer (offers, commands), created on first use. */
export async function openOfficerConversation(db: Db, agencyId: string, phone: string) {
  const key = { agencyId, channel: "sms" as const, participant: phone, role: "officer" as const };
  const open = () => db.conversation.findFirst({ where: { ...key, closedAt: null } });
  const found = await open();
  if (found) return found;
  try {
    return await db.conversation.create({ data: key });
  } catch (error) {
    // Two first messages at once: the one-open-conversation index let the other create it.
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    const opened = await open();
    if (!opened) throw error;
    return opened;
  }
}

/** An audit row that marks a notice as sent, so a re-run job does not send it again. */
export interface SentMarker {
  action: string;
  entityType: string;
  entityId: string;
}

/**
 * Records an SMS to an officer for the outbound queue (with its marker, in one transaction) and
 * returns the conversation to queue; null when the marker says it was already sent.
 */
export async function recordOfficerSms(
  prisma: PrismaClient,
  input: { agencyId: string; from: string; to: string; body: string; marker?: SentMarker },
): Promise<string | null> {
  const { marker } = input;
  if (marker && (await prisma.auditEvent.findFirst({ where: { ...marker, agencyId: input.agencyId } }))) return null;
  const conversation = await openOfficerConversation(prisma, input.agencyId, input.to);
  await prisma.$transaction([
    prisma.message.create({
      data: {
        conversationId: conversation.id,
        direction: "outbound",
        channel: "sms",
        from: input.from,
        to: input.to,
        body: input.body,
        status: "recorded",
      },
    }),
    ...(marker ? [prisma.auditEvent.create({ data: { ...marker, agencyId: input.agencyId, actorKind: "system" } })] : []),
  ]);
  return conversation.id;
}
