import { randomInt } from "node:crypto";
import { getAgency } from "../../agencies/load-agencies.ts";
import { quoteRequest } from "../../core/pricing/index.ts";
import { QuoteRequestSchema } from "../../core/requests/index.ts";
import type { PrismaClient } from "../../prisma/client.ts";

let sequence = 0;

/**
 * A request submitted by SMS, as the intake stores it: customer, conversation (with the
 * customer's YES), the request and a real quote snapshot. Tucson unless told otherwise.
 */
export async function createSubmittedRequest(
  prisma: PrismaClient,
  options: {
    agencyId?: string;
    officers?: number;
    vehicles?: number;
    daysAhead?: number;
    alcoholVenue?: boolean;
    channel?: "sms" | "voice" | "web";
  } = {},
) {
  sequence += 1;
  const agencyId = options.agencyId ?? "tucson-az-pd";
  const agency = getAgency(agencyId);
  if (!agency) throw new Error(`no agency ${agencyId}`);
  // Test files share one database: a random number keeps their customers apart.
  const phone = `+1520${String(randomInt(1_000_000, 9_999_999))}`;
  const now = new Date();
  const start = new Date(now.getTime() + (options.daysAhead ?? 10) * 24 * 3600_000 + sequence * 3600_000);
  const request = QuoteRequestSchema.parse({
    agency: agencyId,
    requestedAt: now.toISOString(),
    start: start.toISOString(),
    end: new Date(start.getTime() + 4 * 3600_000).toISOString(),
    officers: options.officers ?? 2,
    vehicles: options.vehicles ?? 0,
    eventType: "store security",
    address: { line1: "100 N Stone Ave", city: agency.city, state: agency.state },
    flags: { alcoholPrincipalBusiness: options.alcoholVenue ?? false },
  });
  const quote = quoteRequest(request, agency);
  const conversation = await prisma.conversation.create({
    data: { agencyId, channel: options.channel ?? "sms", participant: phone, stateName: "submitted" },
  });
  await prisma.message.create({
    data: {
      conversationId: conversation.id,
      direction: "inbound",
      channel: options.channel ?? "sms",
      from: phone,
      to: agency.phoneNumbers[0] ?? "",
      body: "YES",
      status: "received",
    },
  });
  const customer = await prisma.customer.upsert({
    where: { agencyId_contact: { agencyId, contact: phone } },
    create: { agencyId, contact: phone, name: "Dana Builder", organization: "Builder Hardware" },
    update: {},
  });
  const row = await prisma.request.create({
    data: {
      agencyId,
      customerId: customer.id,
      conversationId: conversation.id,
      status: "submitted",
      start,
      end: new Date(request.end),
      officers: request.officers,
      vehicles: request.vehicles,
      eventType: request.eventType ?? null,
      address: request.address,
      flags: request.flags,
      requestedAt: now,
      quotes: {
        create: {
          totalCents: quote.totalCents,
          decision: quote.screening.decision,
          quote: quote as unknown as object,
          requestData: request as unknown as object,
        },
      },
    },
  });
  return { request: row, conversation, phone, quote };
}
