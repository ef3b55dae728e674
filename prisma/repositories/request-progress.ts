import type { Prisma, PrismaClient } from "../client.ts";
import { type Language, rankTitle } from "../../core/agencies/index.ts";
import { createIntakeState } from "../../core/intake/index.ts";
import { describeStaffedNotice } from "../../core/messages/index.ts";

/** Assignments that hold their position: the officer is (or was) on it. */
export const LIVE_ASSIGNMENT = ["assigned", "checked_in", "checked_out"] as const;

export type RequestRow = {
  id: string;
  number: number;
  agencyId: string;
  conversationId: string | null;
  start: Date;
};

/**
 * When no open position is left the request is staffed, and the customer's confirmation (who,
 * when) is recorded in their conversation for the outbound queue. Returns that conversation.
 */
export async function markStaffedIfFull(
  tx: Prisma.TransactionClient,
  request: RequestRow,
  at: Date,
): Promise<{ staffed: boolean; conversationId: string | null }> {
  const conversationId = await recordStaffing(tx, request, at);
  const staffed = (await tx.request.count({ where: { id: request.id, status: "staffed" } })) > 0;
  return { staffed, conversationId };
}

async function recordStaffing(tx: Prisma.TransactionClient, request: RequestRow, at: Date): Promise<string | null> {
  const open = await tx.position.count({
    where: { requestId: request.id, status: { in: ["open", "offered"] } },
  });
  if (open > 0) return null;
  const updated = await tx.request.updateMany({
    where: { id: request.id, status: { in: ["approved", "staffing"] } },
    data: { status: "staffed" },
  });
  if (updated.count === 0) return null;
  await tx.auditEvent.create({
    data: {
      agencyId: request.agencyId,
      actorKind: "system",
      action: "request.staffed",
      entityType: "Request",
      entityId: request.id,
      at,
    },
  });
  if (!request.conversationId) return null;
  // Staffed again after a drop or a no-show: the refill's own notice ("replacement confirmed",
  // workers/refills) tells the customer; a second "fully staffed" would repeat it.
  const refilled = await tx.assignment.count({
    where: { position: { requestId: request.id }, status: { in: ["dropped", "no_show"] } },
  });
  if (refilled > 0) return null;
  const booked = await tx.conversation.findUnique({ where: { id: request.conversationId } });
  if (!booked) return null;
  const language: Language = (booked.state as { language?: string } | null)?.language === "es" ? "es" : "en";
  // A caller has no call to be told on: the notice goes by SMS to the number they called from,
  // on their SMS conversation (so a reply STATUS lands where the notice is). Web chat gets a chat message.
  const conversation = booked.channel === "voice" ? await openCustomerSms(tx, booked.agencyId, booked.participant, language) : booked;
  const officers = await tx.assignment.findMany({
    where: { position: { requestId: request.id }, status: { in: [...LIVE_ASSIGNMENT] } },
    include: { officer: true },
  });
  const names = officers.map((a) => `${rankTitle(a.officer.rank)} ${a.officer.lastName}`);
  await tx.message.create({
    data: {
      conversationId: conversation.id,
      direction: "outbound",
      channel: conversation.channel,
      from: "bot",
      to: conversation.participant,
      body: describeStaffedNotice(request.number, names, language),
      status: "recorded",
    },
  });
  return conversation.id;
}

/**
 * The customer's open SMS conversation with the agency, opened (in `language`) when they have
 * none. Inside a transaction a unique violation would abort it, so the insert skips a conflict
 * and the row is read back.
 */
async function openCustomerSms(tx: Prisma.TransactionClient, agencyId: string, phone: string, language: Language) {
  const key = { agencyId, channel: "sms" as const, participant: phone, role: "customer" as const };
  const open = () => tx.conversation.findFirst({ where: { ...key, closedAt: null }, orderBy: { createdAt: "desc" } });
  const found = await open();
  if (found) return found;
  const state = { ...createIntakeState(), language } as unknown as Prisma.InputJsonValue;
  await tx.conversation.createMany({ data: [{ ...key, language, state }], skipDuplicates: true });
  const opened = await open();
  if (!opened) throw new Error(`no SMS conversation for ${agencyId} after opening one`);
  return opened;
}

/**
 * An in-progress request is completed once every position is settled: no officer is still
 * assigned or checked in (the rest checked out, were no-shows, dropped or were cancelled), and,
 * before the scheduled end, none is open or still offered: a request whose other position is
 * still being offered is not over just because one officer went home. From the end on, an open
 * position can no longer be filled (the waves stop there too), so it no longer holds the request
 * open. Each step is its own statement, so of two officers checking out at once the later one
 * sees the earlier one's check-out; the status guard completes it once.
 */
export async function completeRequestIfSettled(prisma: PrismaClient, requestId: string, at: Date): Promise<boolean> {
  const request = await prisma.request.findUnique({ where: { id: requestId }, select: { end: true, agencyId: true } });
  if (!request) return false;
  if (at < request.end) {
    const unsettledPositions = await prisma.position.count({ where: { requestId, status: { in: ["open", "offered"] } } });
    if (unsettledPositions > 0) return false;
  }
  const stillOn = await prisma.assignment.count({
    where: { position: { requestId }, status: { in: ["assigned", "checked_in"] } },
  });
  if (stillOn > 0) return false;
  const done = await prisma.request.updateMany({
    where: { id: requestId, status: "in_progress" },
    data: { status: "completed" },
  });
  if (done.count === 0) return false;
  await prisma.auditEvent.create({
    data: { agencyId: request.agencyId, actorKind: "system", action: "request.completed", entityType: "Request", entityId: requestId, at },
  });
  return true;
}
