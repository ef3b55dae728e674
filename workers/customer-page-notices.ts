import { getCustomerLinkTexts } from "../core/customer-page/index.ts";
import { createIntakeState } from "../core/intake/index.ts";
import type { Prisma } from "../prisma/client.ts";
import { tellCustomerOnce } from "./refills/refill-notices.ts";
import type { WorkerDeps } from "./registry.ts";

/** An E.164 number: a web chat customer's contact is a chat id, not something to text. */
const PHONE = /^\+[1-9]\d{7,14}$/;

/**
 * Once a request is first fully staffed, the customer gets the link to their own page (after the
 * staffing notice, which markStaffedIfFull records inside the accept): once per request (a marker
 * in the audit trail), nothing where pages are off.
 */
export async function tellCustomerTheirPage(
  deps: Pick<WorkerDeps, "prisma" | "deliverToCustomer" | "customerLinks">,
  request: { id: string; agencyId: string; conversationId: string | null; customer: { id: string; agencyId: string; contact: string; language: string } | null },
  now: Date,
): Promise<boolean> {
  const links = deps.customerLinks;
  if (!links || !request.customer) return false;
  const customerId = request.customer.id;
  const conversationId = await findCustomerConversation(deps, request.customer, request.conversationId);
  return tellCustomerOnce(deps, {
    agencyId: request.agencyId,
    conversationId,
    marker: { action: "customer_page.link_sent", entityType: "Request", entityId: request.id },
    body: (language) => getCustomerLinkTexts(language).staffed(links.urlFor(request.agencyId, customerId, now.getTime()), links.validDays),
  });
}

/**
 * The conversation a request was booked in when it is SMS or web chat, else the customer's latest
 * open SMS or web chat conversation with the agency; for a customer who only ever called, their
 * SMS conversation, opened in their language. Null when there is no way to reach them (a web
 * chat customer whose chat is gone).
 */
export async function findCustomerConversation(
  deps: Pick<WorkerDeps, "prisma">,
  customer: { agencyId: string; contact: string; language: string },
  /** The conversation a request was booked in: used when it is SMS or web chat. */
  preferredId: string | null,
): Promise<string | null> {
  if (preferredId) {
    const booked = await deps.prisma.conversation.findUnique({ where: { id: preferredId }, select: { id: true, channel: true } });
    if (booked && booked.channel !== "voice") return booked.id;
  }
  const key = { agencyId: customer.agencyId, participant: customer.contact, role: "customer" as const, closedAt: null };
  const open = () =>
    deps.prisma.conversation.findFirst({
      where: { ...key, channel: { in: ["sms", "web"] } },
      orderBy: { lastMessageAt: "desc" },
      select: { id: true },
    });
  const found = await open();
  if (found || !PHONE.test(customer.contact)) return found?.id ?? null;
  const language = customer.language === "es" ? "es" : "en";
  const state = { ...createIntakeState(), language } as unknown as Prisma.InputJsonValue;
  // Another job may open it at the same moment: the insert skips a conflict and the row is read back.
  await deps.prisma.conversation.createMany({
    data: [{ agencyId: customer.agencyId, participant: customer.contact, role: "customer", channel: "sms", language, state }],
    skipDuplicates: true,
  });
  return (await open())?.id ?? null;
}
