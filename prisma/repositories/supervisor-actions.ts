import { randomInt } from "node:crypto";
import { Prisma, type PrismaClient } from "../client.ts";
import { markStaffedIfFull } from "./request-progress.ts";
import { toOfficerCandidate } from "./officer-candidate.ts";
import type { OfficerCandidate } from "../../core/dispatch/index.ts";

/** The audit action of a cancellation made by agency staff; StaffViews reads who made it. */
export const AGENCY_CANCELLATION_ACTION = "request.cancelled_by_agency";

/** Statuses in which an approved request can still be changed by a supervisor (before its shift is under way). */
const CONTROLLABLE = ["approved", "staffing", "staffed"] as const;
/** Statuses in which offers go out and positions may be filled. */
const STAFFING = ["approved", "staffing"] as const;
const LIVE = ["assigned", "checked_in", "checked_out"] as const;
const OPEN = ["open", "offered"] as const;
// The broadcast wave's alphabet: an officer types the code back, so no look-alike letters.
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

export type CancelOutcome =
  | { kind: "cancelled"; number: number }
  | { kind: "not_cancellable"; number: number; status: string }
  | { kind: "not_found" };

export type RebroadcastOutcome =
  | { kind: "queued"; number: number; wave: number; openPositions: number }
  | { kind: "not_staffing"; number: number; status: string }
  | { kind: "no_open_position"; number: number }
  | { kind: "not_found" };

export type AssignOutcome =
  | {
      kind: "assigned";
      number: number;
      /** The request's offer code: the officer checks in with it (IN <code>). */
      code: string;
      assignmentId: string;
      start: Date;
      end: Date;
      /** The address's first line, where the officer reports; null when none was given. */
      where: string | null;
      /** This assignment filled the last open position. */
      staffed: boolean;
      /** The customer's conversation told that it is staffed, with its channel. */
      staffedNotice: { conversationId: string; channel: "sms" | "web" } | null;
    }
  /** Someone took the position first, or it was cancelled. */
  | { kind: "position_taken"; number: number }
  /** The officer already holds an off-duty shift at that time: never overridden. */
  | { kind: "overlap"; number: number }
  | { kind: "not_staffing"; number: number; status: string }
  | { kind: "not_found" };

/** What assigning an officer by hand needs to know to judge eligibility (core/dispatch). */
export interface AssignmentFacts {
  request: {
    id: string;
    number: number;
    agencyId: string;
    status: string;
    start: Date;
    end: Date;
    vehicles: number;
    eventType: string | null;
  };
  /** Positions still to fill, by index. */
  openPositions: { id: string; index: number; rank: "officer" | "sergeant" | "commander" }[];
  officer: {
    id: string;
    firstName: string;
    lastName: string;
    badgeNumber: string;
    phone: string;
    rank: "officer" | "sergeant" | "commander";
    active: boolean;
    seniorityDate: Date;
    hasVehicle: boolean;
    livesInCity: boolean;
    communityServiceOfficer: boolean;
  };
  /** The officer as dispatch checks them (live off-duty assignments, this request's excluded). */
  candidate: OfficerCandidate;
}

/**
 * Supervisor controls of an approved request, from Slack: each change is made in one transaction
 * with its audit row (actor: the supervisor's Slack user id). Notices and jobs are the caller's.
 */
export class SupervisorActions {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Cancels on the agency's behalf: no fee whatever the timing, since the customer did not
   * choose it. Offers and assignments are released by the request-cancelled job.
   */
  async cancelForAgency(input: { requestId: string; by: string; reason: string; at: Date }): Promise<CancelOutcome> {
    return this.prisma.$transaction(async (tx) => {
      const request = await tx.request.findUnique({ where: { id: input.requestId } });
      if (!request) return { kind: "not_found" as const };
      const changed = await tx.request.updateMany({
        where: { id: request.id, status: { in: [...CONTROLLABLE] } },
        data: { status: "cancelled", cancelledAt: input.at, cancellationFeeCents: 0 },
      });
      if (changed.count === 0) return { kind: "not_cancellable" as const, number: request.number, status: request.status };
      await tx.auditEvent.create({
        data: {
          agencyId: request.agencyId,
          actorKind: "supervisor",
          actorId: input.by,
          action: AGENCY_CANCELLATION_ACTION,
          entityType: "Request",
          entityId: request.id,
          data: { reason: input.reason, feeCents: 0 },
          at: input.at,
        },
      });
      return { kind: "cancelled" as const, number: request.number };
    });
  }

  /** Records a supervisor's "offers now" and names the wave to run: the one after the last sent. */
  async recordRebroadcast(input: { requestId: string; by: string; at: Date }): Promise<RebroadcastOutcome> {
    const request = await this.prisma.request.findUnique({
      where: { id: input.requestId },
      include: { positions: { select: { status: true } } },
    });
    if (!request) return { kind: "not_found" };
    if (!(STAFFING as readonly string[]).includes(request.status)) {
      return { kind: "not_staffing", number: request.number, status: request.status };
    }
    const openPositions = request.positions.filter((p) => (OPEN as readonly string[]).includes(p.status)).length;
    if (openPositions === 0) return { kind: "no_open_position", number: request.number };
    const last = await this.prisma.offer.aggregate({ where: { position: { requestId: request.id } }, _max: { wave: true } });
    const wave = (last._max.wave ?? -1) + 1;
    await this.prisma.auditEvent.create({
      data: {
        agencyId: request.agencyId,
        actorKind: "supervisor",
        actorId: input.by,
        action: "broadcast.requested",
        entityType: "Request",
        entityId: request.id,
        data: { wave },
        at: input.at,
      },
    });
    return { kind: "queued", number: request.number, wave, openPositions };
  }

  /** The agency's active officers for a picker, by last name; Slack lists at most `limit` options. */
  listRoster(agencyId: string, limit = 100) {
    return this.prisma.officer.findMany({
      where: { agencyId, active: true },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
      take: limit,
      select: { id: true, firstName: true, lastName: true, badgeNumber: true, rank: true },
    });
  }

  /** The request's open positions and the officer's roster facts; null when either is not there. */
  async loadAssignmentFacts(requestId: string, officerId: string): Promise<AssignmentFacts | null> {
    const request = await this.prisma.request.findUnique({
      where: { id: requestId },
      include: { positions: { where: { status: { in: [...OPEN] } }, orderBy: { index: "asc" } } },
    });
    if (!request) return null;
    const officer = await this.prisma.officer.findFirst({
      where: { id: officerId, agencyId: request.agencyId },
      include: {
        assignments: {
          where: { status: { in: [...LIVE] }, position: { requestId: { not: request.id } } },
          select: { start: true, end: true },
        },
      },
    });
    if (!officer) return null;
    return {
      request: {
        id: request.id,
        number: request.number,
        agencyId: request.agencyId,
        status: request.status,
        start: request.start,
        end: request.end,
        vehicles: request.vehicles,
        eventType: request.eventType,
      },
      openPositions: request.positions.map((p) => ({ id: p.id, index: p.index, rank: p.rank })),
      officer: {
        id: officer.id,
        firstName: officer.firstName,
        lastName: officer.lastName,
        badgeNumber: officer.badgeNumber,
        phone: officer.phone,
        rank: officer.rank,
        active: officer.active,
        seniorityDate: officer.seniorityDate,
        hasVehicle: officer.assignedVehicle !== null,
        livesInCity: officer.livesInCity,
        communityServiceOfficer: officer.communityServiceOfficer,
      },
      candidate: toOfficerCandidate(officer, officer.assignments),
    };
  }

  /**
   * Gives `positionId` to the officer as an accepted offer would: the partial unique index on
   * Assignment(positionId) decides a race with an officer's YES. The officer gets an accepted
   * offer under the request's code, so IN/OUT/DROP with that code work as for anyone else.
   * `override` is the supervisor's reason for assigning an officer dispatch would not offer it to.
   */
  async assignOfficer(input: {
    requestId: string;
    positionId: string;
    officerId: string;
    by: string;
    override: { reason: string; ineligible: string } | null;
    at: Date;
  }): Promise<AssignOutcome> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        const request = await tx.request.findUnique({ where: { id: input.requestId } });
        if (!request) return { kind: "not_found" as const };
        if (!(STAFFING as readonly string[]).includes(request.status)) {
          return { kind: "not_staffing" as const, number: request.number, status: request.status };
        }
        const position = await tx.position.findFirst({
          where: { id: input.positionId, requestId: request.id, status: { in: [...OPEN] } },
        });
        if (!position) return { kind: "position_taken" as const, number: request.number };
        const overlapping = await tx.assignment.count({
          where: {
            officerId: input.officerId,
            status: { in: [...LIVE] },
            start: { lt: request.end },
            end: { gt: request.start },
          },
        });
        if (overlapping > 0) return { kind: "overlap" as const, number: request.number };
        const assignment = await tx.assignment.create({
          data: { positionId: position.id, officerId: input.officerId, start: request.start, end: request.end },
        });
        const existing = await tx.offer.findFirst({ where: { position: { requestId: request.id } }, select: { code: true } });
        const code = existing?.code ?? makeOfferCode();
        await tx.offer.upsert({
          where: { positionId_officerId: { positionId: position.id, officerId: input.officerId } },
          create: { positionId: position.id, officerId: input.officerId, code, wave: 0, status: "accepted", sentAt: input.at, respondedAt: input.at },
          update: { status: "accepted", respondedAt: input.at },
        });
        // Their offers of the request's other positions lapse: one position per officer.
        await tx.offer.updateMany({
          where: { officerId: input.officerId, code, status: "sent", positionId: { not: position.id } },
          data: { status: "withdrawn" },
        });
        await tx.offer.updateMany({
          where: { positionId: position.id, status: "sent" },
          data: { status: "filled_by_other" },
        });
        await tx.position.update({ where: { id: position.id }, data: { status: "filled" } });
        await tx.auditEvent.create({
          data: {
            agencyId: request.agencyId,
            actorKind: "supervisor",
            actorId: input.by,
            action: "assignment.assigned_by_supervisor",
            entityType: "Assignment",
            entityId: assignment.id,
            data: {
              requestId: request.id,
              positionId: position.id,
              officerId: input.officerId,
              override: input.override,
            },
            at: input.at,
          },
        });
        // The same staffing step as an officer's accept (the customer's "fully staffed" included).
        const { staffed, conversationId: told } = await markStaffedIfFull(tx, request, input.at);
        const toldIn = told ? await tx.conversation.findUnique({ where: { id: told }, select: { channel: true } }) : null;
        const staffedNotice =
          told && toldIn && toldIn.channel !== "voice" ? { conversationId: told, channel: toldIn.channel } : null;
        return {
          kind: "assigned" as const,
          number: request.number,
          code,
          assignmentId: assignment.id,
          start: request.start,
          end: request.end,
          where: (request.address as { line1?: string } | null)?.line1 ?? null,
          staffed,
          staffedNotice,
        };
      });
    } catch (error) {
      // The partial unique index: an officer's YES (or another supervisor) took it a moment earlier.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        const request = await this.prisma.request.findUnique({ where: { id: input.requestId }, select: { number: true } });
        return request ? { kind: "position_taken", number: request.number } : { kind: "not_found" };
      }
      throw error;
    }
  }
}

function makeOfferCode(): string {
  return Array.from({ length: 4 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
}

