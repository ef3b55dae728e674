import type { AgencyConfig } from "../../core/agencies/index.ts";
import { checkCheckInWindow, countMinutesWorked, findAutoCheckOutAt } from "../../core/officers/index.ts";
import type { PrismaClient } from "../client.ts";
import { completeRequestIfSettled } from "./request-progress.ts";
import type { Rank } from "../../core/agencies/index.ts";

/** An assignment with the request it belongs to, as the officer's commands find it. */
export interface PickedAssignment {
  id: string;
  status: string;
  checkedInAt: Date | null;
  position: { request: { id: string; number: number; agencyId: string; start: Date; end: Date } };
}

export type CheckInOutcome =
  | { kind: "checked_in"; requestId: string; requestNumber: number; end: Date }
  | { kind: "already_in"; requestNumber: number }
  /** Before `checkInOpensMinutesBefore` ahead of the start: nothing changes. */
  | { kind: "too_early"; requestNumber: number; opensAt: Date; minutesBefore: number }
  /** At or after the scheduled end: nothing left to check in to. */
  | { kind: "ended"; requestNumber: number; endedAt: Date };

export type CheckOutOutcome =
  | { kind: "checked_out"; requestId: string; requestNumber: number; minutesWorked: number; completed: boolean }
  /** OUT before IN: refused, the shift stays assigned. */
  | { kind: "not_checked_in"; requestNumber: number };

/**
 * IN inside the shift's check-in window (core/officers/attendance-window.ts): the first IN puts
 * the request in progress. The status guard makes a repeated IN a no-op.
 */
export async function checkInAssignment(
  prisma: PrismaClient,
  assignment: PickedAssignment,
  agency: AgencyConfig,
  officerId: string,
  at: Date,
): Promise<CheckInOutcome> {
  const { request } = assignment.position;
  const requestNumber = request.number;
  if (assignment.status === "checked_in") return { kind: "already_in", requestNumber };
  const window = checkCheckInWindow({ start: request.start.getTime(), end: request.end.getTime() }, at.getTime(), agency.dispatch);
  if (window.kind === "too_early") {
    return { kind: "too_early", requestNumber, opensAt: new Date(window.opensAt), minutesBefore: agency.dispatch.checkInOpensMinutesBefore };
  }
  if (window.kind === "ended") return { kind: "ended", requestNumber, endedAt: new Date(window.endedAt) };
  const changed = await prisma.assignment.updateMany({
    where: { id: assignment.id, status: "assigned" },
    data: { status: "checked_in", checkedInAt: at },
  });
  if (changed.count === 0) return { kind: "already_in", requestNumber };
  await prisma.request.updateMany({
    where: { id: request.id, status: { in: ["approved", "staffing", "staffed"] } },
    data: { status: "in_progress" },
  });
  await audit(prisma, request.agencyId, officerId, "assignment.checked_in", assignment.id, at);
  return { kind: "checked_in", requestId: request.id, requestNumber, end: request.end };
}

/** OUT after IN: minutes worked from the check-in; the request completes once every position is settled. */
export async function checkOutAssignment(
  prisma: PrismaClient,
  assignment: PickedAssignment,
  officerId: string,
  at: Date,
): Promise<CheckOutOutcome> {
  const { request } = assignment.position;
  if (assignment.status !== "checked_in") return { kind: "not_checked_in", requestNumber: request.number };
  const minutesWorked = countMinutesWorked((assignment.checkedInAt ?? at).getTime(), at.getTime());
  await prisma.assignment.updateMany({
    where: { id: assignment.id, status: "checked_in" },
    data: { status: "checked_out", checkedOutAt: at, minutesWorked },
  });
  await audit(prisma, request.agencyId, officerId, "assignment.checked_out", assignment.id, at);
  const completed = await completeRequestIfSettled(prisma, request.id, at);
  return { kind: "checked_out", requestId: request.id, requestNumber: request.number, minutesWorked, completed };
}

/** A check-out the system made for an officer who forgot, at the scheduled end. */
export interface AutoClosedAssignment {
  id: string;
  minutesWorked: number;
  checkedOutAt: Date;
  officer: { rank: Rank; firstName: string; lastName: string; badgeNumber: string; phone: string };
}

export type ForgottenCheckOutResult =
  | { kind: "closed"; requestNumber: number; agencyId: string; closed: AutoClosedAssignment[]; completed: boolean }
  /** The request's end moved later (or the job ran early): nothing is due before `dueAt`. */
  | { kind: "not_due"; dueAt: Date }
  | { kind: "no_request" };

/**
 * At the scheduled end plus `checkOutGraceMinutes`, officers still checked in are checked out at
 * the scheduled end (minutes worked from their check-in to it) and marked `autoClosedAt`, so the
 * supervisor can confirm the hours. Returns every auto-closed assignment of the request (also
 * those a previous, interrupted run closed) so their notices can be sent, each once.
 */
export async function closeForgottenCheckOuts(
  prisma: PrismaClient,
  requestId: string,
  agency: AgencyConfig,
  now: Date,
): Promise<ForgottenCheckOutResult> {
  const request = await prisma.request.findUnique({ where: { id: requestId } });
  if (!request) return { kind: "no_request" };
  const dueAt = findAutoCheckOutAt(request.end.getTime(), agency.dispatch);
  if (now.getTime() < dueAt) return { kind: "not_due", dueAt: new Date(dueAt) };
  const forgotten = await prisma.assignment.findMany({ where: { position: { requestId }, status: "checked_in" } });
  for (const assignment of forgotten) {
    const minutesWorked = countMinutesWorked((assignment.checkedInAt ?? request.end).getTime(), request.end.getTime());
    const changed = await prisma.assignment.updateMany({
      where: { id: assignment.id, status: "checked_in" },
      data: { status: "checked_out", checkedOutAt: request.end, autoClosedAt: now, minutesWorked },
    });
    if (changed.count > 0) await audit(prisma, request.agencyId, null, "assignment.auto_checked_out", assignment.id, now);
  }
  const completed = await completeRequestIfSettled(prisma, requestId, now);
  const closed = await prisma.assignment.findMany({
    where: { position: { requestId }, status: "checked_out", autoClosedAt: { not: null } },
    include: { officer: true },
  });
  return {
    kind: "closed",
    requestNumber: request.number,
    agencyId: request.agencyId,
    completed,
    closed: closed.map((a) => ({
      id: a.id,
      minutesWorked: a.minutesWorked ?? 0,
      checkedOutAt: a.checkedOutAt ?? request.end,
      officer: a.officer,
    })),
  };
}

async function audit(
  prisma: PrismaClient,
  agencyId: string,
  officerId: string | null,
  action: string,
  assignmentId: string,
  at: Date,
): Promise<void> {
  await prisma.auditEvent.create({
    data: {
      agencyId,
      actorKind: officerId ? "officer" : "system",
      actorId: officerId,
      action,
      entityType: "Assignment",
      entityId: assignmentId,
      at,
    },
  });
}
