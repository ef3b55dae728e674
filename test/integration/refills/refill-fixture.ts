import { randomInt } from "node:crypto";
import type { TestApp } from "../../support/start-test-app.ts";
import { createTwilioPoster, makeInboundSms, waitUntilActedOn } from "../../support/twilio-sms.ts";
import { waitFor } from "../../support/wait-for.ts";

/** The agencies' lines (agencies/*.json). */
export const LINES = { "rockport-tx-pd": "+13615550100", "mesquite-tx-pd": "+19725550100", "tucson-az-pd": "+15205550100" } as const;
export type AgencyId = keyof typeof LINES;

/** Waves, staffing and notices run through several queues: wait a little longer than the default. */
export const waitLong = <T>(read: () => Promise<T>, ok: (value: T) => boolean) => waitFor(read, ok, 20_000);

/**
 * An approved request with its positions, and its customer's conversation, as approval leaves it
 * (the broadcast is the caller's to start). `daysAhead` keeps each test's shifts apart from every
 * other test's, so no officer is busy or tired because of another test.
 */
export async function createApprovedRequest(
  test: TestApp,
  input: {
    agencyId: AgencyId;
    ranks: ("officer" | "sergeant" | "commander")[];
    daysAhead: number;
    hours?: number;
    channel?: "sms" | "voice" | "web";
    language?: "en" | "es";
    category?: string;
    address?: { line1: string; city: string; state: string };
    siteContact?: { name: string; phone: string };
    postOrders?: string;
    customerName?: string;
  },
) {
  const { prisma } = test.app;
  const customerPhone = `+1${input.agencyId === "tucson-az-pd" ? "520" : input.agencyId === "rockport-tx-pd" ? "361" : "972"}7${String(randomInt(0, 1_000_000)).padStart(6, "0")}`;
  const customer = await prisma.customer.create({
    data: { agencyId: input.agencyId, contact: customerPhone, name: input.customerName ?? "Pat Customer", language: input.language ?? "en" },
  });
  const conversation = await prisma.conversation.create({
    data: {
      agencyId: input.agencyId,
      channel: input.channel ?? "sms",
      participant: customerPhone,
      customerId: customer.id,
      language: input.language ?? "en",
    },
  });
  // Whole local hours, 10:00 UTC onwards: a plain daytime shift in both Central and Arizona time.
  const day = new Date(Date.now() + input.daysAhead * 86_400_000);
  const start = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 17, 0, 0));
  const end = new Date(start.getTime() + (input.hours ?? 4) * 3_600_000);
  const request = await prisma.request.create({
    data: {
      agencyId: input.agencyId,
      customerId: customer.id,
      conversationId: conversation.id,
      status: "approved",
      start,
      end,
      officers: input.ranks.length,
      category: input.category ?? "regular",
      eventType: "store security",
      address: input.address ?? { line1: "100 Main St", city: "Springfield", state: "TX" },
      postOrders: input.postOrders ?? null,
      siteContactName: input.siteContact?.name ?? null,
      siteContactPhone: input.siteContact?.phone ?? null,
      requestedAt: new Date(),
      approvedAt: new Date(),
      positions: { create: input.ranks.map((rank, i) => ({ index: i + 1, rank })) },
    },
    include: { positions: true },
  });
  return { request, customer, conversation, customerPhone };
}

/** An officer's SMS to the agency's line, acted on before this returns. */
export async function officerSays(test: TestApp, agencyId: AgencyId, from: string, body: string): Promise<void> {
  const params = makeInboundSms(from, body, { To: LINES[agencyId] });
  const response = await createTwilioPoster(test)("/twilio/sms", params);
  if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
  await waitUntilActedOn(test.app.prisma, params.MessageSid ?? "");
}

/** The request's offers with their officers, once at least `count` are `sent`. */
export function waitForSentOffers(test: TestApp, requestId: string, count: number) {
  return waitLong(
    () =>
      test.app.prisma.offer.findMany({
        where: { position: { requestId } },
        include: { officer: true },
        orderBy: { sentAt: "asc" },
      }),
    (offers) => offers.filter((o) => o.status === "sent").length >= count,
  );
}

/** What the customer's conversation was sent (recorded outbound messages), oldest first. */
export async function customerMessages(test: TestApp, conversationId: string): Promise<string[]> {
  const messages = await test.app.prisma.message.findMany({
    where: { conversationId, direction: "outbound" },
    orderBy: { createdAt: "asc" },
  });
  return messages.map((m) => m.body);
}

/** The texts recorded for an officer's phone, oldest first. */
export async function officerTexts(test: TestApp, agencyId: AgencyId, phone: string): Promise<string[]> {
  const messages = await test.app.prisma.message.findMany({
    where: { direction: "outbound", to: phone, conversation: { agencyId, role: "officer" } },
    orderBy: { createdAt: "asc" },
  });
  return messages.map((m) => m.body);
}
