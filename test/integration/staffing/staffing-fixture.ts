import { randomBytes, randomInt } from "node:crypto";
import { getAgency } from "../../../agencies/load-agencies.ts";
import { handleOfficerSms } from "../../../bots/officers/handle-officer-sms.ts";
import type { OfficerSmsDeps } from "../../../bots/officers/officer-sms-deps.ts";
import type { AgencyConfig, Rank } from "../../../core/agencies/index.ts";
import type { PrismaClient } from "../../../prisma/client.ts";
import { OfficerShiftRepository } from "../../../prisma/repositories/officer-shift-repository.ts";

export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;

/** The area code of each agency's officers made here (prefix 559 keeps them apart from the seeds). */
const AREA: Record<string, string> = { "tucson-az-pd": "520", "mesquite-tx-pd": "972", "rockport-tx-pd": "361" };

export function requireAgency(id: string): AgencyConfig {
  const agency = getAgency(id);
  if (!agency) throw new Error(`no agency ${id}`);
  return agency;
}

/** What the officer handler asked the queues to do, recorded instead of queued. */
export interface RecordedEffects {
  staffNotices: { requestId: string; key: string; text: string }[];
  officerNotices: { conversationIds: string[]; key: string }[];
  checkOutCloses: { requestId: string; closeAt: Date }[];
  invoiceDrafts: string[];
  rebroadcasts: string[];
  staffed: string[];
}

/**
 * Officers, requests and offers made directly in the database, and officer texts handled at a
 * chosen instant (`receivedAt` is the handler's clock), so every time rule is tested exactly.
 */
export function createStaffingFixture(prisma: PrismaClient, getAgencyFor: (id: string) => AgencyConfig | undefined = getAgency) {
  const run = randomBytes(3).toString("hex").toUpperCase();
  let officerCount = randomInt(0, 5000);
  const effects: RecordedEffects = { staffNotices: [], officerNotices: [], checkOutCloses: [], rebroadcasts: [], staffed: [], invoiceDrafts: [] };
  const shifts = new OfficerShiftRepository(prisma, getAgencyFor);
  const deps: OfficerSmsDeps = {
    prisma,
    shifts,
    async rebroadcast(requestId) {
      effects.rebroadcasts.push(requestId);
    },
    async onStaffed(requestId) {
      effects.staffed.push(requestId);
    },
    async notifyStaff(requestId, key, text) {
      effects.staffNotices.push({ requestId, key, text });
    },
    async notifyOfficers(conversationIds, key) {
      effects.officerNotices.push({ conversationIds, key });
    },
    async scheduleCheckOutClose(requestId, closeAt) {
      effects.checkOutCloses.push({ requestId, closeAt });
    },
    async invoiceCompleted(requestId) {
      effects.invoiceDrafts.push(requestId);
    },
  };

  async function makeOfficer(
    agencyId: string,
    overrides: Partial<{
      rank: Rank;
      assignedVehicle: string | null;
      livesInCity: boolean;
      communityServiceOfficer: boolean;
      notifyWhenFilled: boolean;
      regularDuty: { start: string; end: string }[];
    }> = {},
  ) {
    officerCount += 1;
    const n = officerCount % 10_000;
    return prisma.officer.create({
      data: {
        agencyId,
        badgeNumber: `ST${run}-${n}`,
        firstName: "Test",
        lastName: `Officer${n}`,
        phone: `+1${AREA[agencyId] ?? "520"}559${String(n).padStart(4, "0")}`,
        rank: "officer",
        seniorityDate: new Date("2016-05-01"),
        ...overrides,
      },
    });
  }

  /**
   * A request in `status` with one position per rank given, offered under one code to each
   * officer (every position they may be offered), as a wave would.
   */
  async function makeOfferedRequest(input: {
    agencyId: string;
    start: Date;
    hours?: number;
    ranks?: Rank[];
    vehicles?: number;
    eventType?: string;
    status?: "staffing" | "staffed";
    offerTo: { id: string }[];
    offerExpiresAt?: Date | null;
    offerSentAt?: Date;
  }) {
    const ranks = input.ranks ?? ["officer"];
    const request = await prisma.request.create({
      data: {
        agencyId: input.agencyId,
        status: input.status ?? "staffing",
        start: input.start,
        end: new Date(input.start.getTime() + (input.hours ?? 4) * HOUR_MS),
        officers: ranks.length,
        vehicles: input.vehicles ?? 0,
        eventType: input.eventType ?? "store security",
        positions: { create: ranks.map((rank, i) => ({ index: i + 1, rank, status: "offered" as const })) },
      },
      include: { positions: { orderBy: { index: "asc" } } },
    });
    const code = randomBytes(3).toString("hex").toUpperCase().slice(0, 5);
    await prisma.offer.createMany({
      data: input.offerTo.flatMap((officer) =>
        request.positions.map((position) => ({
          positionId: position.id,
          officerId: officer.id,
          code,
          wave: 0,
          ...(input.offerSentAt ? { sentAt: input.offerSentAt } : {}),
          // By default an offer stays open until the start, so a YES at any chosen instant before it counts.
          expiresAt: input.offerExpiresAt === undefined ? input.start : input.offerExpiresAt,
        })),
      ),
    });
    return { request, code, positions: request.positions };
  }

  /** Handles an officer's text at `at` and returns the reply recorded for them (null = none). */
  async function text(officer: { phone: string; agencyId: string }, body: string, at: Date): Promise<string | null> {
    const agency = getAgencyFor(officer.agencyId);
    if (!agency) throw new Error(`no agency ${officer.agencyId}`);
    const providerId = `SM${randomBytes(16).toString("hex")}`;
    const result = await handleOfficerSms(
      {
        channel: "sms",
        agencyId: officer.agencyId,
        from: officer.phone,
        to: agency.phoneNumbers[0] ?? "+15205550100",
        text: body,
        providerId,
        media: [],
        receivedAt: at,
      },
      agency,
      deps,
    );
    if (result.kind !== "handled") throw new Error(`not handled: ${result.kind}`);
    const inbound = await prisma.message.findUniqueOrThrow({ where: { providerId } });
    const reply = await prisma.message.findFirst({
      where: { conversationId: result.conversationId, direction: "outbound", createdAt: { gte: inbound.createdAt } },
      orderBy: { createdAt: "desc" },
    });
    return reply?.body ?? null;
  }

  /** Every text recorded for an officer, oldest first. */
  async function textsTo(officer: { phone: string; agencyId: string }): Promise<string[]> {
    const messages = await prisma.message.findMany({
      where: { direction: "outbound", to: officer.phone, conversation: { agencyId: officer.agencyId } },
      orderBy: { createdAt: "asc" },
    });
    return messages.map((m) => m.body);
  }

  return { deps, effects, shifts, makeOfficer, makeOfferedRequest, text, textsTo };
}
