import type { PrismaClient } from "../client.ts";
import type { SentMarker } from "./officer-conversation.ts";

/** Channels a notice is delivered on: a caller gets a text, a web chat gets a chat message. */
export type NoticeChannel = "sms" | "web";

/**
 * Records a message from staff (or the system) to a customer conversation for delivery, with an
 * optional once-only marker in the same transaction. Returns what to queue, or null when the
 * marker says it was recorded before or there is no such conversation.
 */
export async function recordCustomerNotice(
  prisma: PrismaClient,
  input: { conversationId: string; body: string; marker?: SentMarker; slackTs?: string },
): Promise<{ conversationId: string; channel: NoticeChannel } | null> {
  const conversation = await prisma.conversation.findUnique({ where: { id: input.conversationId } });
  if (!conversation) return null;
  const { marker } = input;
  if (marker && (await prisma.auditEvent.findFirst({ where: { ...marker, agencyId: conversation.agencyId } }))) {
    return null;
  }
  const channel: NoticeChannel = conversation.channel === "web" ? "web" : "sms";
  await prisma.$transaction([
    prisma.message.create({
      data: {
        conversationId: conversation.id,
        direction: "outbound",
        channel,
        from: "bot",
        to: conversation.participant,
        body: input.body,
        status: "recorded",
        slackTs: input.slackTs ?? null,
      },
    }),
    ...(marker
      ? [prisma.auditEvent.create({ data: { ...marker, agencyId: conversation.agencyId, actorKind: "system" } })]
      : []),
  ]);
  return { conversationId: conversation.id, channel };
}
