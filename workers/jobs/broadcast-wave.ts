import { randomInt } from "node:crypto";
import { UnrecoverableError } from "bullmq";
import { DateTime } from "luxon";
import { z } from "zod";
import {
  checkEligibility,
  type OfficerCandidate,
  orderCandidates,
  planWaves,
} from "../../core/dispatch/index.ts";
import { recordOfferBatch } from "../../prisma/repositories/record-offers.ts";
import type { JobDefinition } from "../job-definition.ts";
import { QUEUES } from "../queues.ts";
import type { WorkerDeps } from "../registry.ts";

export const BroadcastWavePayloadSchema = z.object({ requestId: z.uuid(), wave: z.int().min(0) });

const LIVE = ["assigned", "checked_in", "checked_out"] as const;
/** Officers whose offers are written in one statement and queued in one Redis round trip. */
const OFFER_BATCH = 100;
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** Short offer code officers reply with; unambiguous letters only. */
function makeOfferCode(): string {
  return Array.from({ length: 4 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
}

/**
 * One wave of shift offers for an approved request, fairest first (policy.md dispatch rules).
 * Each open position is offered to the next `waveSize` eligible officers not offered it yet;
 * the next wave is scheduled until every position is filled or nobody is left. Idempotent per
 * (position, officer): an officer is never offered the same position twice.
 */
export const broadcastWaveJob: JobDefinition<typeof BroadcastWavePayloadSchema, WorkerDeps> = {
  id: "broadcast-wave",
  queue: QUEUES.broadcast,
  schema: BroadcastWavePayloadSchema,
  async run({ payload, deps }) {
    const { prisma } = deps;
    const request = await prisma.request.findUnique({
      where: { id: payload.requestId },
      include: { positions: { include: { offers: { select: { officerId: true } } }, orderBy: { index: "asc" } } },
    });
    if (!request) throw new UnrecoverableError("no such request");
    if (!["approved", "staffing"].includes(request.status)) return { skipped: request.status };
    const agency = deps.getAgency(request.agencyId);
    if (!agency) throw new UnrecoverableError(`unknown agency ${request.agencyId}`);
    if (request.status === "approved") {
      await prisma.request.update({ where: { id: request.id }, data: { status: "staffing" } });
    }
    const open = request.positions.filter((p) => p.status === "open" || p.status === "offered");
    if (open.length === 0) return { offers: 0, done: true };

    const officers = await prisma.officer.findMany({
      where: { agencyId: agency.id, active: true },
      include: { assignments: { where: { status: { in: [...LIVE] } }, select: { start: true, end: true } } },
    });
    const optedOut = new Set(
      (await prisma.optOut.findMany({ where: { agencyId: agency.id }, select: { phone: true } })).map((o) => o.phone),
    );
    const candidates: (OfficerCandidate & { phone: string })[] = officers
      .filter((o) => !optedOut.has(o.phone))
      .map((o) => ({
        id: o.id,
        phone: o.phone,
        rank: o.rank,
        active: o.active,
        seniorityDate: o.seniorityDate.toISOString().slice(0, 10),
        hasVehicle: o.assignedVehicle !== null,
        offDutyShifts: o.assignments.map((a) => ({ start: a.start.getTime(), end: a.end.getTime() })),
        // A malformed roster entry is skipped rather than failing the whole wave.
        regularDuty: ((o.regularDuty as { start: string; end: string }[] | null) ?? [])
          .map((d) => ({ start: Date.parse(d.start), end: Date.parse(d.end) }))
          .filter((d) => Number.isFinite(d.start) && Number.isFinite(d.end) && d.end > d.start),
      }));
    const now = Date.now();
    const when = DateTime.fromJSDate(request.start, { zone: agency.timeZone }).toFormat("ccc LLL d h:mm a");
    const until = DateTime.fromJSDate(request.end, { zone: agency.timeZone }).toFormat("h:mm a");
    const where = (request.address as { line1?: string; city?: string } | null)?.line1 ?? agency.city;

    // One code per request: an officer answers "YES <code>" and gets whichever position is still open.
    const existingCode = await prisma.offer.findFirst({
      where: { position: { requestId: request.id } },
      select: { code: true },
    });
    const code = existingCode?.code ?? makeOfferCode();
    const offered = new Set(open.flatMap((p) => p.offers.map((o) => o.officerId)));
    const eligibleFor = new Map<string, string[]>();
    for (const position of open) {
      const shift = {
        start: request.start.getTime(),
        end: request.end.getTime(),
        rank: position.rank,
        needsVehicle: position.index <= request.vehicles,
      };
      for (const candidate of candidates) {
        if (offered.has(candidate.id) || !checkEligibility(candidate, shift, agency.dispatch).eligible) continue;
        eligibleFor.set(candidate.id, [...(eligibleFor.get(candidate.id) ?? []), position.id]);
      }
    }
    const ordered = orderCandidates(
      candidates.filter((c) => eligibleFor.has(c.id)),
      now,
    ) as (OfficerCandidate & { phone: string })[];
    const [wave, ...laterWaves] = planWaves(ordered, agency.dispatch);
    const anyLeft = laterWaves.length > 0;
    const from = agency.phoneNumbers[0] ?? "bot";
    const body = `${agency.name} off-duty shift: ${when}–${until} at ${where}, ${request.eventType ?? "detail"} (#${request.number}). Reply YES ${code} to accept or NO ${code} to decline.`;
    // A batch of officers at a time, each in one statement: their offers and offer texts are
    // written together (a re-run finds either both or neither; texts whose enqueue was lost are
    // re-queued by the recovery sweep), then their sends are queued at once, so the first texts
    // go out while the next batch is written.
    let offersSent = 0;
    const members = wave?.members ?? [];
    for (let i = 0; i < members.length; i += OFFER_BATCH) {
      const conversationIds = await recordOfferBatch(prisma, {
        agencyId: agency.id,
        code,
        wave: payload.wave,
        from,
        body,
        targets: members.slice(i, i + OFFER_BATCH).map((officer) => ({
          officerId: officer.id,
          phone: officer.phone,
          positionIds: eligibleFor.get(officer.id) ?? [],
        })),
      });
      // Offers go in the broadcast lane: a customer's reply or an officer's confirmation from the
      // same number is sent before the rest of a wave (limits/sms-lanes.ts).
      await deps.enqueueSmsBatch(
        conversationIds.map((conversationId) => ({ conversationId, turnId: `offer-${request.id}-${payload.wave}` })),
        "broadcast",
      );
      offersSent += conversationIds.length;
    }
    await prisma.position.updateMany({
      where: { requestId: request.id, status: "open", id: { in: [...new Set([...eligibleFor.values()].flat())] } },
      data: { status: "offered" },
    });
    await prisma.auditEvent.create({
      data: {
        agencyId: agency.id,
        actorKind: "system",
        action: "broadcast.wave",
        entityType: "Request",
        entityId: request.id,
        data: { wave: payload.wave, offers: offersSent },
      },
    });
    if (offersSent > 0) {
      await deps.postRequestNotice(
        request.id,
        `wave-${payload.wave}`,
        `Wave ${payload.wave + 1}: offers sent to ${offersSent} officer${offersSent === 1 ? "" : "s"} for ${open.length} open position${open.length === 1 ? "" : "s"}.`,
      );
    }
    // After the last wave one more run, a wave interval later, finds out whether anyone took it.
    if (anyLeft || offersSent > 0) {
      await deps.enqueueBroadcastWave(request.id, payload.wave + 1, agency.dispatch.waveIntervalMinutes * 60_000);
    } else if (offersSent === 0) {
      await reportNobodyLeft(deps, request, agency.phoneNumbers[0] ?? "bot");
    }
    return { offers: offersSent, nextWave: anyLeft };
  },
};

/**
 * Nobody eligible is left to ask: the supervisors are alerted in the card's thread (and the
 * audit trail) and the customer is told, once.
 */
async function reportNobodyLeft(
  deps: WorkerDeps,
  request: { id: string; number: number; agencyId: string; conversationId: string | null },
  from: string,
): Promise<void> {
  const { prisma } = deps;
  const marker = { entityType: "Request", entityId: request.id, action: "broadcast.exhausted" };
  // Two wave jobs may finish together: a per-request advisory lock makes "once" hold.
  const conversation = await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${request.id}))`;
    if (await tx.auditEvent.findFirst({ where: marker })) return null;
    await tx.auditEvent.create({ data: { ...marker, agencyId: request.agencyId, actorKind: "system" } });
    const found = request.conversationId
      ? await tx.conversation.findUnique({ where: { id: request.conversationId } })
      : null;
    if (found?.channel !== "sms") return null;
    await tx.message.create({
      data: {
        conversationId: found.id,
        direction: "outbound",
        channel: "sms",
        from,
        to: found.participant,
        body: `We have not yet found enough officers for request #${request.number}. A supervisor has been told and will contact you.`,
        status: "recorded",
      },
    });
    return found;
  });
  await deps.postRequestNotice(
    request.id,
    "exhausted",
    `Nobody eligible is left to offer #${request.number}; open positions need a supervisor to fill them by hand.`,
  );
  if (!conversation) return;
  await deps.enqueueSms(conversation.id, `exhausted-${request.id}`);
}
