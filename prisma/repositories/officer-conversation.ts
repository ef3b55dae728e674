import type { PrismaClient } from "../client.ts";

type Db = Pick<PrismaClient, "conversation">;

/** The SMS conversation with an officer (offers, commands), created on first use. */
export async function openOfficerConversation(db: Db, agencyId: string, phone: string) {
  const key = { agencyId, channel: "sms" as const, participant: phone, role: "officer" as const };
  return (
    (await db.conversation.findFirst({ where: { ...key, closedAt: null } })) ??
    (await db.conversation.create({ data: key }))
  );
}
