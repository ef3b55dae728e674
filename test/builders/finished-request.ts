import type { AgencyConfig } from "../../core/agencies/index.ts";
import { quoteRequest } from "../../core/pricing/index.ts";
import { listPositionRanks, type QuoteRequestInput, QuoteRequestSchema } from "../../core/requests/index.ts";
import type { PrismaClient } from "../../prisma/client.ts";
import { makeTestOfficer } from "./test-officer.ts";

/** One position as it was worked: null check-in = nobody came (a no-show or unfilled). */
export interface WorkedShift {
  checkIn: Date | null;
  checkOut: Date | null;
}

/**
 * A request as the staffing day leaves it, made directly in the database: its confirmed quote,
 * one filled position per officer (the quote's rank order) held by an officer made for it, and each
 * assignment checked out (or a no-show) as `worked` says. Status completed unless told.
 */
export async function createFinishedRequest(
  prisma: PrismaClient,
  input: {
    agency: AgencyConfig;
    customerId: string | null;
    request: Omit<QuoteRequestInput, "agency">;
    worked: readonly WorkedShift[];
    status?: "completed" | "in_progress";
  },
): Promise<{ id: string; number: number }> {
  const request = QuoteRequestSchema.parse({ ...input.request, agency: input.agency.id });
  const quote = quoteRequest(request, input.agency);
  const ranks = listPositionRanks(request.officers, input.agency);
  if (input.worked.length !== ranks.length) throw new Error(`worked has ${input.worked.length} shifts for ${ranks.length} positions`);
  const start = new Date(request.start);
  const end = new Date(request.end);
  const row = await prisma.request.create({
    data: {
      agencyId: input.agency.id,
      customerId: input.customerId,
      status: input.status ?? "completed",
      start,
      end,
      officers: request.officers,
      category: request.category,
      vehicles: request.vehicles,
      vehicleMiles: request.vehicleMiles,
      eventType: request.eventType ?? null,
      requestedAt: request.requestedAt ? new Date(request.requestedAt) : start,
      approvedAt: request.requestedAt ? new Date(request.requestedAt) : start,
      quotes: {
        create: { totalCents: quote.totalCents, decision: quote.screening.decision, quote: quote as unknown as object, requestData: request as unknown as object },
      },
    },
  });
  for (const [index, rank] of ranks.entries()) {
    const shift = input.worked[index] ?? { checkIn: null, checkOut: null };
    const officer = await makeTestOfficer(prisma, input.agency.id, rank);
    await prisma.position.create({
      data: {
        requestId: row.id,
        index: index + 1,
        rank,
        status: "filled",
        assignments: {
          create: {
            officerId: officer.id,
            start,
            end,
            status: shift.checkIn === null ? "no_show" : "checked_out",
            checkedInAt: shift.checkIn,
            checkedOutAt: shift.checkIn === null ? null : (shift.checkOut ?? end),
          },
        },
      },
    });
  }
  return { id: row.id, number: row.number };
}

/**
 * Completes an existing request as scheduled: one filled position per officer, each held by an
 * officer made for it who checked in at the start and out at the end.
 */
export async function workAsScheduled(
  prisma: PrismaClient,
  request: { id: string; agencyId: string; start: Date; end: Date },
  officers: number,
  data: { slackChannel?: string; slackMessageTs?: string } = {},
): Promise<void> {
  await prisma.request.update({ where: { id: request.id }, data: { status: "completed", approvedAt: new Date(), ...data } });
  for (let index = 0; index < officers; index += 1) {
    const officer = await makeTestOfficer(prisma, request.agencyId);
    await prisma.position.create({
      data: {
        requestId: request.id,
        index: index + 1,
        rank: "officer",
        status: "filled",
        assignments: {
          create: {
            officerId: officer.id,
            status: "checked_out",
            start: request.start,
            end: request.end,
            checkedInAt: request.start,
            checkedOutAt: request.end,
          },
        },
      },
    });
  }
}
