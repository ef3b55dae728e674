import { loadAgencies } from "../../agencies/load-agencies.ts";
import type { AgencyConfig } from "../../core/agencies/index.ts";
import { isPastCallOffDeadline } from "../../core/officers/index.ts";
import type { PrismaClient } from "../client.ts";
import { type AcceptOutcome, acceptRequestOffer } from "./accept-offer.ts";
import {
  type CheckInOutcome,
  type CheckOutOutcome,
  checkInAssignment,
  checkOutAssignment,
  closeForgottenCheckOuts,
  type ForgottenCheckOutResult,
} from "./attendance.ts";
import { LIVE_ASSIGNMENT } from "./request-progress.ts";

export type { AcceptOutcome } from "./accept-offer.ts";
export type { CheckInOutcome, CheckOutOutcome, ForgottenCheckOutResult } from "./attendance.ts";

/** A command that named no single shift of the officer's. */
export type MissOutcome = { kind: "no_assignment" } | { kind: "ambiguous"; codes: string[] };

export type ShiftOutcome = { kind: "done"; requestId: string; requestNumber: number } | MissOutcome;

export type DropOutcome =
  | { kind: "dropped"; requestId: string; requestNumber: number }
  /** Inside the call-off deadline: the shift is kept and the officer must call their supervisor. */
  | { kind: "too_late"; requestId: string; requestNumber: number; deadlineHours: number }
  | MissOutcome;

/** Offers and assignments from an officer's point of view; every change is audited. */
export class OfficerShiftRepository {
  constructor(
    private readonly prisma: PrismaClient,
    /** Agency configuration by id (dispatch rules); the agencies/ files unless given. */
    private readonly getAgency: (id: string) => AgencyConfig | undefined = (id) => loadAgencies().get(id),
  ) {}

  private agencyOf(agencyId: string): AgencyConfig {
    const agency = this.getAgency(agencyId);
    if (!agency) throw new Error(`unknown agency ${agencyId}`);
    return agency;
  }

  findOfficerByPhone(agencyId: string, phone: string) {
    return this.prisma.officer.findUnique({ where: { agencyId_phone: { agencyId, phone } } });
  }

  /**
   * The offers a reply means. A code names a request (one code per request, for every position
   * offered in it); without a code the officer must have open offers for exactly one request.
   */
  private async pickOffers(officerId: string, code: string | null) {
    const offers = await this.prisma.offer.findMany({
      where: {
        officerId,
        // With a code, an offer that can no longer be taken still matches, so the reply says why.
        status: code ? { in: ["sent", "filled_by_other", "expired", "declined", "withdrawn"] } : "sent",
        ...(code ? { code } : {}),
      },
      include: { position: { include: { request: true } } },
      orderBy: { position: { index: "asc" } },
    });
    const codes = [...new Set(offers.map((o) => o.code))];
    if (codes.length === 0) return { kind: "none" as const };
    if (codes.length > 1) return { kind: "many" as const, codes };
    return { kind: "some" as const, offers };
  }

  /**
   * Accepts a request's offer: the first open position offered to the officer that every dispatch
   * rule lets them take (accept-offer.ts), or the reason none can be theirs.
   */
  async acceptOffer(officerId: string, code: string | null, at: Date): Promise<AcceptOutcome> {
    const picked = await this.pickOffers(officerId, code);
    if (picked.kind === "none") return { kind: "no_offer" };
    if (picked.kind === "many") return { kind: "ambiguous", codes: picked.codes };
    const first = picked.offers[0]!;
    const { request } = first.position;
    return acceptRequestOffer(this.prisma, {
      officerId,
      code: first.code,
      requestId: request.id,
      agency: this.agencyOf(request.agencyId),
      at,
    });
  }

  async declineOffer(
    officerId: string,
    code: string | null,
    at: Date,
  ): Promise<{ kind: "declined" } | { kind: "no_offer" } | { kind: "ambiguous"; codes: string[] }> {
    const picked = await this.pickOffers(officerId, code);
    if (picked.kind === "none") return { kind: "no_offer" };
    if (picked.kind === "many") return { kind: "ambiguous", codes: picked.codes };
    const sent = await this.prisma.offer.updateMany({
      where: { id: { in: picked.offers.map((o) => o.id) }, status: "sent" },
      data: { status: "declined", respondedAt: at },
    });
    return sent.count > 0 ? { kind: "declined" } : { kind: "no_offer" };
  }

  private async pickAssignment(officerId: string, code: string | null, statuses: string[]) {
    const offers = await this.prisma.offer.findMany({
      where: { officerId, status: "accepted", ...(code ? { code } : {}) },
      select: { code: true, positionId: true },
    });
    const assignments = await this.prisma.assignment.findMany({
      where: {
        officerId,
        positionId: { in: offers.map((o) => o.positionId) },
        status: { in: statuses as never[] },
      },
      include: { position: { include: { request: true } } },
    });
    if (assignments.length === 1) return { kind: "one" as const, assignment: assignments[0]! };
    if (assignments.length === 0) return { kind: "none" as const };
    const codes = offers
      .filter((o) => assignments.some((a) => a.positionId === o.positionId))
      .map((o) => o.code);
    return { kind: "many" as const, codes };
  }

  async checkIn(officerId: string, code: string | null, at: Date): Promise<CheckInOutcome | MissOutcome> {
    const picked = await this.pickAssignment(officerId, code, ["assigned", "checked_in"]);
    if (picked.kind !== "one") return toMissOutcome(picked);
    const agency = this.agencyOf(picked.assignment.position.request.agencyId);
    return checkInAssignment(this.prisma, picked.assignment, agency, officerId, at);
  }

  /** OUT needs an IN first: without one, the assigned shift is named so the reply can say so. */
  async checkOut(officerId: string, code: string | null, at: Date): Promise<CheckOutOutcome | MissOutcome> {
    const checkedIn = await this.pickAssignment(officerId, code, ["checked_in"]);
    const picked = checkedIn.kind === "none" ? await this.pickAssignment(officerId, code, ["assigned"]) : checkedIn;
    if (picked.kind !== "one") return toMissOutcome(picked);
    return checkOutAssignment(this.prisma, picked.assignment, officerId, at);
  }

  /**
   * Gives a shift back: the position opens again (re-offering it is the broadcast worker's job).
   * Inside the agency's call-off deadline nothing is released: the supervisor must find cover.
   */
  async drop(officerId: string, code: string | null, at: Date): Promise<DropOutcome> {
    const picked = await this.pickAssignment(officerId, code, ["assigned"]);
    if (picked.kind !== "one") return toMissOutcome(picked);
    const { request } = picked.assignment.position;
    const { dispatch } = this.agencyOf(request.agencyId);
    const auditRow = (action: string) =>
      this.prisma.auditEvent.create({
        data: {
          agencyId: request.agencyId,
          actorKind: "officer",
          actorId: officerId,
          action,
          entityType: "Assignment",
          entityId: picked.assignment.id,
          at,
        },
      });
    if (isPastCallOffDeadline(request.start.getTime(), at.getTime(), dispatch)) {
      await auditRow("assignment.drop_refused");
      return { kind: "too_late", requestId: request.id, requestNumber: request.number, deadlineHours: dispatch.callOffDeadlineHours };
    }
    await this.prisma.$transaction([
      this.prisma.assignment.update({ where: { id: picked.assignment.id }, data: { status: "dropped" } }),
      this.prisma.position.update({ where: { id: picked.assignment.positionId }, data: { status: "open" } }),
      this.prisma.request.updateMany({
        where: { id: request.id, status: "staffed" },
        data: { status: "staffing" },
      }),
      auditRow("assignment.dropped"),
    ]);
    return { kind: "dropped", requestId: request.id, requestNumber: request.number };
  }

  /** Closes a request's forgotten check-outs once due (see attendance.ts). */
  async closeForgottenCheckOuts(requestId: string, now: Date): Promise<ForgottenCheckOutResult> {
    const found = await this.prisma.request.findUnique({ where: { id: requestId }, select: { agencyId: true } });
    if (!found) return { kind: "no_request" };
    return closeForgottenCheckOuts(this.prisma, requestId, this.agencyOf(found.agencyId), now);
  }

  /** FILLED OFF / FILLED ON: whether the officer is texted when an offer of theirs is filled by someone else. */
  async setFilledNotices(officerId: string, on: boolean): Promise<void> {
    await this.prisma.officer.update({ where: { id: officerId }, data: { notifyWhenFilled: on } });
  }

  async addNote(
    officerId: string,
    code: string | null,
    body: string,
    media: { url: string; contentType: string }[],
  ): Promise<ShiftOutcome> {
    const picked = await this.pickAssignment(officerId, code, [...LIVE_ASSIGNMENT]);
    if (picked.kind !== "one") return toMissOutcome(picked);
    await this.prisma.fieldNote.create({
      data: { assignmentId: picked.assignment.id, officerId, body, media },
    });
    return { kind: "done", requestId: picked.assignment.position.request.id, requestNumber: picked.assignment.position.request.number };
  }

  listUpcoming(officerId: string, now: Date) {
    return this.prisma.assignment.findMany({
      where: { officerId, status: { in: ["assigned", "checked_in"] }, end: { gt: now } },
      orderBy: { start: "asc" },
      take: 5,
      include: {
        position: { include: { request: true, offers: { where: { officerId }, select: { code: true } } } },
      },
    });
  }
}

function toMissOutcome(picked: { kind: "none" } | { kind: "many"; codes: string[] }): MissOutcome {
  return picked.kind === "none" ? { kind: "no_assignment" } : { kind: "ambiguous", codes: picked.codes };
}
