import { type Language, LanguageSchema } from "../../core/agencies/index.ts";
import { renderReplacementSought } from "../../core/staffing/index.ts";
import type { WorkerDeps } from "../registry.ts";
import type { Prisma } from "../../prisma/client.ts";

/** Assignment statuses that leave a position to be filled again. */
export const VACATED = ["dropped", "no_show"] as const;

type Deps = Pick<WorkerDeps, "prisma" | "deliverToCustomer">;

/** The channel a request's customer is told on, and in which language; null when there is none (a caller). */
export async function findCustomerChannel(
  deps: Pick<WorkerDeps, "prisma">,
  conversationId: string | null,
): Promise<{ id: string; channel: "sms" | "web"; participant: string; language: Language } | null> {
  if (!conversationId) return null;
  const conversation = await deps.prisma.conversation.findUnique({ where: { id: conversationId } });
  // A voice caller has no channel to be told on afterwards.
  if (!conversation || conversation.channel === "voice") return null;
  return {
    id: conversation.id,
    channel: conversation.channel,
    participant: conversation.participant,
    language: LanguageSchema.catch("en").parse(conversation.language),
  };
}

/**
 * Records `body` for the request's customer once per marker (an audit row naming the entity the
 * notice is about) and queues its delivery. The marker is written for callers too, so a notice
 * is decided once whatever the channel. Returns whether this call wrote the marker.
 */
export async function tellCustomerOnce(
  deps: Deps,
  input: {
    agencyId: string;
    conversationId: string | null;
    marker: { action: string; entityType: string; entityId: string };
    body(language: Language): string;
  },
): Promise<boolean> {
  const customer = await findCustomerChannel(deps, input.conversationId);
  const marker = { ...input.marker, agencyId: input.agencyId };
  const written = await deps.prisma.$transaction(async (tx) => {
    // Two jobs may decide the same notice together: the marker's entity is locked while deciding.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${marker.action}:${marker.entityId}`}))`;
    if (await tx.auditEvent.findFirst({ where: marker })) return false;
    await tx.auditEvent.create({ data: { ...marker, actorKind: "system" } });
    if (customer) await recordToCustomer(tx, customer, input.body(customer.language));
    return true;
  });
  if (written && customer)
    await deps.deliverToCustomer(
      customer.id,
      customer.channel,
      `${input.marker.action}-${input.marker.entityId}`,
    );
  return written;
}

/**
 * Tells the customer that positions of their request opened again (a DROP or a no-show) and
 * replacements are being found: once per vacated assignment, in one message for those a wave run
 * finds together. Returns how many were new.
 */
export async function tellCustomerReplacementSought(
  deps: Deps,
  request: { id: string; number: number; agencyId: string; conversationId: string | null },
  vacated: { id: string; status: string }[],
): Promise<number> {
  if (vacated.length === 0) return 0;
  const customer = await findCustomerChannel(deps, request.conversationId);
  const markers = vacated.map((a) => ({
    action: "refill.customer_told_sought",
    entityType: "Assignment",
    entityId: a.id,
    agencyId: request.agencyId,
  }));
  const fresh = await deps.prisma.$transaction(async (tx) => {
    // Two wave runs may find the same vacancies together: the request is locked while deciding.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`refill-sought:${request.id}`}))`;
    const told = new Set(
      (
        await tx.auditEvent.findMany({
          where: { OR: markers.map(({ action, entityId }) => ({ action, entityId })) },
          select: { entityId: true },
        })
      ).map((e) => e.entityId),
    );
    const news = vacated.filter((a) => !told.has(a.id));
    if (news.length === 0) return news;
    await tx.auditEvent.createMany({
      data: markers.filter((m) => !told.has(m.entityId)).map((m) => ({ ...m, actorKind: "system" as const })),
    });
    if (customer) {
      await recordToCustomer(
        tx,
        customer,
        renderReplacementSought({
          requestNumber: request.number,
          reason: news.some((a) => a.status === "no_show") ? "no_show" : "dropped",
          language: customer.language,
          count: news.length,
        }),
      );
    }
    return news;
  });
  if (fresh.length > 0 && customer)
    await deps.deliverToCustomer(customer.id, customer.channel, `refill-sought-${fresh[0]!.id}`);
  return fresh.length;
}

/** A recorded bot message in the customer's conversation, for delivery once the transaction commits. */
function recordToCustomer(
  tx: Prisma.TransactionClient,
  customer: { id: string; channel: "sms" | "web"; participant: string },
  body: string,
) {
  return tx.message.create({
    data: {
      conversationId: customer.id,
      direction: "outbound",
      channel: customer.channel,
      from: "bot",
      to: customer.participant,
      body,
      status: "recorded",
    },
  });
}
