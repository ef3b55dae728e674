import { randomInt } from "node:crypto";
import { UnrecoverableError } from "bullmq";
import { z } from "zod";
import type { Rank } from "../../core/agencies/index.ts";
import {
  checkEligibility,
  describeShiftToFill,
  type OfficerCandidate,
  orderCandidates,
  planWaves,
} from "../../core/dispatch/index.ts";
import { describePlace, findHourlyPay, findOfferDeadline, renderOfferText } from "../../core/staffing/index.ts";
import { poolOf } from "../../prisma/client.ts";
import { recordOfferBatch } from "../../prisma/repositories/record-offers.ts";
import { findRequestOfferCode, readWaveRoster } from "../../prisma/repositories/wave-roster.ts";
import type { JobDefinition } from "../job-definition.ts";
import { QUEUES } from "../queues.ts";
import type { WorkerDeps } from "../registry.ts";
import { tellCustomerReplacementSought, VACATED } from "../refills/refill-notices.ts";
import { sendStaffingNotices } from "./request-staffed.ts";
import { MAX_SEND_BATCH } from "./send-offer-batch.ts";
import { toOfficerCandidate } from "../../prisma/repositories/officer-candidate.ts";
import { checkOfferAvailability } from "../../core/officers/index.ts";
import { toOfferSettings } from "../../prisma/repositories/offer-settings.ts";

export const BroadcastWavePayloadSchema = z.object({ requestId: z.uuid(), wave: z.int().min(0) });

/** A request is offered while approved or staffing, and while in progress for a refill. */
const OFFERING = ["approved", "staffing", "in_progress"];
/**
 * Officers whose offers are written in one statement and queued in one Redis round trip, after
 * the first SEND_BATCH (written alone, so its texts go out at once). Each statement costs
 * this process ≈ 1 ms and PostgreSQL ≈ 0.05 ms per offer; fewer, larger ones finish the wave's
 * writes sooner while the first jobs already send.
 */
const OFFER_BATCH = 500;
/**
 * Offer texts per send job without a per-sender limit: small enough that every worker process
 * gets jobs early in a wave (ten 100s kept one process busy while another had one job), large
 * enough that a job's claim and write-backs stay few (one claim, one write per job).
 */
const SEND_BATCH = 50;
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
/** Higher ranks first: an officer is offered the highest-ranked open positions they may fill. */
const RANK_ORDER: Record<Rank, number> = { commander: 0, sergeant: 1, officer: 2 };

/**
 * Offer texts per send job. Without a per-sender limit, a whole write batch: fewest jobs, claims
 * and updates. With one, a second's budget: the sends wait for the budget anyway, a job then
 * holds its claims for about as many seconds as jobs run at once (far below the grace after
 * which a claim counts as abandoned), and officers are texted at most that far out of their
 * fairest-first order, as with one job per text.
 */
function findSendBatchSize(perSecond: number): number {
  return Math.min(perSecond > 0 ? Math.max(1, Math.floor(perSecond)) : SEND_BATCH, MAX_SEND_BATCH);
}

/** Short offer code officers reply with; unambiguous letters only. */
function makeOfferCode(): string {
  return Array.from({ length: 4 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
}

/**
 * One wave of shift offers for an approved request, fairest first (policy.md dispatch rules).
 * Each open position is offered to the next `waveSize` eligible officers who are not holding an
 * open offer for it, never declined this request and never dropped or missed a position of it;
 * officers offered it before whose offer lapsed (or was filled by someone who then dropped) may
 * be offered it again. Every offer lapses after `offerExpiryMinutes`, never after the start
 * (core/staffing findOfferDeadline); lapsed offers are marked `expired` here. Each officer is
 * offered only positions of one rank (the highest they may fill) so the text names its rank and
 * pay. A position that opened again (DROP, no-show) is a refill: the customer is told a
 * replacement is being found. The next wave is scheduled while anyone is left to ask or an offer
 * is still open; otherwise the supervisors and the customer are told nobody is left. A run that
 * finds every position filled sends the staffing notices a refill may still owe. Idempotent per
 * offer: a re-run never texts an officer holding an open offer again.
 */
export const broadcastWaveJob: JobDefinition<typeof BroadcastWavePayloadSchema, WorkerDeps> = {
  id: "broadcast-wave",
  queue: QUEUES.broadcast,
  schema: BroadcastWavePayloadSchema,
  async run({ payload, deps }) {
    const { prisma } = deps;
    const request = await prisma.request.findUnique({
      where: { id: payload.requestId },
      include: {
        positions: {
          include: {
            offers: { select: { officerId: true, status: true, expiresAt: true } },
            assignments: { where: { status: { in: [...VACATED] } }, select: { id: true, officerId: true, status: true } },
          },
          orderBy: { index: "asc" },
        },
      },
    });
    if (!request) throw new UnrecoverableError("no such request");
    if (!OFFERING.includes(request.status)) return { skipped: request.status };
    const agency = deps.getAgency(request.agencyId);
    if (!agency) throw new UnrecoverableError(`unknown agency ${request.agencyId}`);
    const now = Date.now();
    if (request.end.getTime() <= now) return { skipped: "ended" };
    if (request.status === "approved") {
      await prisma.request.update({ where: { id: request.id }, data: { status: "staffing" } });
    }
    // Lapsed offers stop holding their officer: marked here, and read as lapsed below either way.
    await prisma.offer.updateMany({
      where: { position: { requestId: request.id }, status: "sent", expiresAt: { lte: new Date(now) } },
      data: { status: "expired" },
    });
    const isOpenOffer = (o: { status: string; expiresAt: Date | null }) =>
      o.status === "sent" && (o.expiresAt === null || o.expiresAt.getTime() > now);
    // Once the shift has begun only refills are offered: a position nobody took before the start stays with the supervisor.
    const started = now >= request.start.getTime();
    const open = request.positions.filter(
      (p) => (p.status === "open" || p.status === "offered") && (!started || p.assignments.length > 0),
    );
    // A refill taken while other positions are open, or while the shift is under way, does not
    // staff the request, so nothing else sends the replacement's post orders and the customer's
    // notice: each run of a request with refills sends what is still owed (once each).
    if (request.positions.some((p) => p.assignments.length > 0)) await sendStaffingNotices(deps, request.id);
    if (open.length === 0) return { offers: 0, done: true };

    const db = poolOf(prisma);
    const [officers, existingCode] = await Promise.all([readWaveRoster(db, agency.id), findRequestOfferCode(db, request.id)]);
    // PAUSE and QUIET (core/officers/offer-availability.ts): a paused officer is not a candidate
    // at all; one in their quiet hours is left out of this wave only (below).
    const availability = new Map(officers.map((o) => [o.id, checkOfferAvailability(toOfferSettings(o), now, agency.timeZone).kind]));
    const candidates: (OfficerCandidate & { phone: string })[] = officers
      .filter((o) => !o.optedOut && availability.get(o.id) !== "paused")
      .map((o) => ({ ...toOfficerCandidate(o, o.assignments), phone: o.phone }));
    // One code per request: an officer answers "YES <code>" and gets whichever position is still open.
    const code = existingCode ?? makeOfferCode();
    // Never asked again for this request: whoever said no to it, and whoever dropped or missed a position of it.
    const excluded = new Set(request.positions.flatMap((p) => p.assignments.map((a) => a.officerId)));
    for (const offer of request.positions.flatMap((p) => p.offers)) if (offer.status === "declined") excluded.add(offer.officerId);
    const eligibleFor = new Map<string, { rank: Rank; positionIds: string[] }>();
    let quietEligible = 0;
    for (const position of open) {
      const holding = new Set(position.offers.filter(isOpenOffer).map((o) => o.officerId));
      // The same description of the position the accept re-checks (resident car rule, CSOs).
      const shift = describeShiftToFill(
        { start: request.start.getTime(), end: request.end.getTime(), vehicles: request.vehicles, eventType: request.eventType },
        position,
        agency,
      );
      for (const candidate of candidates) {
        if (excluded.has(candidate.id) || holding.has(candidate.id)) continue;
        if (!checkEligibility(candidate, shift, agency.dispatch).eligible) continue;
        // Quiet hours: rather than hold a text until morning (a queued offer could outlive the
        // position or its expiry), the officer is skipped by this wave and is a candidate again
        // for the next wave or refill that runs outside their quiet hours.
        if (availability.get(candidate.id) === "quiet_hours") {
          quietEligible += 1;
          continue;
        }
        const current = eligibleFor.get(candidate.id);
        if (!current || RANK_ORDER[position.rank] < RANK_ORDER[current.rank]) {
          eligibleFor.set(candidate.id, { rank: position.rank, positionIds: [position.id] });
        } else if (current.rank === position.rank) {
          current.positionIds.push(position.id);
        }
      }
    }
    const ordered = orderCandidates(
      candidates.filter((c) => eligibleFor.has(c.id)),
      now,
    ) as (OfficerCandidate & { phone: string })[];
    const [wave, ...laterWaves] = planWaves(ordered, agency.dispatch);
    const anyLeft = laterWaves.length > 0;
    const waiting = open.some((p) => p.offers.some(isOpenOffer));
    const from = agency.phoneNumbers[0] ?? "bot";
    const expiresAt = new Date(
      findOfferDeadline(now, { start: request.start.getTime(), end: request.end.getTime() }, agency.dispatch.offerExpiryMinutes),
    );
    const place = describePlace(request.address, agency.city);
    const texts = new Map<Rank, string>();
    const textFor = (rank: Rank) => {
      const known = texts.get(rank);
      if (known) return known;
      const pay = findHourlyPay(agency, {
        category: request.category,
        rank,
        start: request.start.getTime(),
        end: request.end.getTime(),
        vehicles: request.vehicles,
        requestedAt: request.requestedAt?.getTime() ?? null,
      });
      const text = renderOfferText({
        rank,
        start: request.start.getTime(),
        end: request.end.getTime(),
        timeZone: agency.timeZone,
        place,
        pay,
        code,
        requestNumber: request.number,
      });
      texts.set(rank, text);
      return text;
    };
    // A batch of officers at a time, each in one statement: their offers and offer texts are
    // written together (a re-run finds either both or neither; texts whose enqueue was lost are
    // re-queued by the recovery sweep), then their sends are queued at once, so the first texts
    // go out while the next batch is written. The first batch is one unlimited send job's worth.
    let offersSent = 0;
    const members = wave?.members ?? [];
    const sendBatch = findSendBatchSize(deps.smsRateLimiter.perSecond);
    for (let i = 0, size = SEND_BATCH; i < members.length; i += size, size = OFFER_BATCH) {
      const conversationIds = await recordOfferBatch(prisma, {
        agencyId: agency.id,
        code,
        wave: payload.wave,
        from,
        expiresAt,
        targets: members.slice(i, i + size).map((officer) => {
          const offer = eligibleFor.get(officer.id) ?? { rank: "officer" as const, positionIds: [] };
          return { officerId: officer.id, phone: officer.phone, positionIds: offer.positionIds, body: textFor(offer.rank) };
        }),
      });
      // Offers go in the broadcast lane: a customer's reply or an officer's confirmation from the
      // same number is sent before the rest of a wave (limits/sms-lanes.ts). Fairest first: the
      // batches are queued in wave order and each sends in its order.
      const batches: string[][] = [];
      for (let j = 0; j < conversationIds.length; j += sendBatch) batches.push(conversationIds.slice(j, j + sendBatch));
      await deps.enqueueOfferSends(batches, `offer-${request.id}-${payload.wave}`);
      offersSent += conversationIds.length;
    }
    await prisma.position.updateMany({
      where: {
        requestId: request.id,
        status: "open",
        id: { in: [...new Set([...eligibleFor.values()].flatMap((e) => e.positionIds))] },
      },
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
    const vacated = open.flatMap((p) => p.assignments);
    const refills = await tellCustomerReplacementSought(deps, request, vacated);
    if (offersSent > 0 || refills > 0) {
      const refill = refills > 0 ? `Refill: ${refills} position${refills === 1 ? "" : "s"} opened again (drop or no-show), the customer is told a replacement is on the way. ` : "";
      await deps.postRequestNotice(
        request.id,
        `wave-${payload.wave}`,
        `${refill}Wave ${payload.wave + 1}: offers sent to ${offersSent} officer${offersSent === 1 ? "" : "s"} for ${open.length} open position${open.length === 1 ? "" : "s"}.`,
      );
    }
    // Someone may still answer, or be asked: look again a wave interval later (after the last
    // wave, to find out whether anyone took it and to re-offer offers that lapsed meanwhile).
    // Officers skipped for quiet hours are still someone to ask later, so the request is not
    // reported as exhausted while they sleep.
    if (anyLeft || offersSent > 0 || waiting || quietEligible > 0) {
      await deps.enqueueBroadcastWave(request.id, payload.wave + 1, agency.dispatch.waveIntervalMinutes * 60_000);
    } else {
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
