import type { AgencyConfig } from "../../../core/agencies/index.ts";
import type { QuoteLine } from "../../../core/pricing/index.ts";
import type { ReportFacts, ShiftFact } from "../../../core/reports/index.ts";
import type { PrismaClient } from "../../client.ts";
import { readRegularDuty } from "../officer-candidate.ts";

/** The audit action of a supervisor's assignment (prisma/repositories/supervisor-actions.ts). */
export const SUPERVISOR_ASSIGNMENT_ACTION = "assignment.assigned_by_supervisor";

// The fairness windows look 90 days back from the period's end; the 7-day cap needs a week more.
const LOOK_BACK_MS = 97 * 24 * 3_600_000;
// A shift in the period may be capped by one up to a week after it.
const LOOK_AHEAD_MS = 7 * 24 * 3_600_000;

/**
 * Everything the reports of one agency and period are shaped from (core/reports), in a handful of
 * indexed reads: requests and their shifts from the look-back to a week past the period, the
 * offers, live invoice items of those requests (and of invoices drafted in the period), and
 * supervisor overrides.
 */
export async function loadReportFacts(
  prisma: PrismaClient,
  agency: AgencyConfig,
  period: { startMs: number; endMs: number; label: string },
): Promise<ReportFacts> {
  const from = new Date(Math.min(period.startMs, period.endMs - LOOK_BACK_MS));
  const to = new Date(period.endMs + LOOK_AHEAD_MS);
  const [officers, requests, overrides] = await Promise.all([
    prisma.officer.findMany({
      where: { agencyId: agency.id },
      orderBy: { badgeNumber: "asc" },
      select: { id: true, firstName: true, lastName: true, badgeNumber: true, rank: true, active: true, regularDuty: true },
    }),
    prisma.request.findMany({
      where: { agencyId: agency.id, start: { gte: from, lt: to } },
      orderBy: { start: "asc" },
      select: {
        id: true,
        number: true,
        customerId: true,
        status: true,
        start: true,
        end: true,
        vehicles: true,
        positions: {
          select: {
            id: true,
            index: true,
            rank: true,
            status: true,
            assignments: true,
            offers: { select: { officerId: true, wave: true, status: true, sentAt: true } },
          },
        },
      },
    }),
    prisma.auditEvent.findMany({
      where: { agencyId: agency.id, action: SUPERVISOR_ASSIGNMENT_ACTION, at: { gte: from, lt: to } },
      select: { actorId: true, entityId: true, at: true, data: true },
    }),
  ]);
  const requestIds = requests.map((r) => r.id);
  const items = await prisma.invoiceItem.findMany({
    where: {
      voided: false,
      invoice: { agencyId: agency.id, status: { not: "void" } },
      OR: [{ requestId: { in: requestIds } }, { invoice: { createdAt: { gte: new Date(period.startMs), lt: new Date(period.endMs) } } }],
    },
    select: {
      requestId: true,
      kind: true,
      lines: true,
      billedMinutes: true,
      totalCents: true,
      invoice: { select: { number: true, status: true, createdAt: true } },
    },
  });
  const customerIds = [...new Set(requests.map((r) => r.customerId).filter((id): id is string => id !== null))];
  const customers = await prisma.customer.findMany({
    where: { id: { in: customerIds } },
    select: { id: true, name: true, organization: true, contact: true },
  });
  const shifts: ShiftFact[] = requests.flatMap((request) =>
    request.positions.flatMap((position) =>
      position.assignments.map((a) => ({
        id: a.id,
        officerId: a.officerId,
        requestId: request.id,
        positionId: position.id,
        status: a.status,
        start: a.start.getTime(),
        end: a.end.getTime(),
        checkedInAt: a.checkedInAt?.getTime() ?? null,
        checkedOutAt: a.checkedOutAt?.getTime() ?? null,
        createdAt: a.createdAt.getTime(),
      })),
    ),
  );
  const shiftById = new Map(shifts.map((s) => [s.id, s]));
  return {
    agency: { id: agency.id, name: agency.name, timeZone: agency.timeZone, dispatch: agency.dispatch },
    period,
    officers: officers.map((o) => ({ ...o, regularDuty: readRegularDuty(o.regularDuty) })),
    customers,
    requests: requests.map((r) => ({
      id: r.id,
      number: r.number,
      customerId: r.customerId,
      status: r.status,
      start: r.start.getTime(),
      end: r.end.getTime(),
      vehicles: r.vehicles,
      positions: r.positions.map((p) => ({ id: p.id, index: p.index, rank: p.rank, status: p.status })),
    })),
    shifts,
    offers: requests.flatMap((r) =>
      r.positions.flatMap((p) => p.offers.map((o) => ({ officerId: o.officerId, requestId: r.id, wave: o.wave, status: o.status, sentAt: o.sentAt.getTime() }))),
    ),
    invoiceItems: items.map((item) => ({
      requestId: item.requestId,
      kind: item.kind === "cancellation_fee" ? "cancellation_fee" : "worked_hours",
      invoiceNumber: item.invoice.number,
      invoiceStatus: item.invoice.status === "paid" ? "paid" : item.invoice.status === "issued" ? "issued" : "draft",
      invoicedAt: item.invoice.createdAt.getTime(),
      lines: item.lines as unknown as QuoteLine[],
      billedMinutes: Array.isArray(item.billedMinutes) ? (item.billedMinutes as number[]) : [],
      totalCents: item.totalCents,
    })),
    overrides: overrides.flatMap((event) => {
      const data = event.data as { officerId?: string; requestId?: string; override?: { reason?: string; ineligible?: string } | null };
      if (!data.override) return [];
      const shift = shiftById.get(event.entityId);
      return [
        {
          assignmentId: event.entityId,
          officerId: data.officerId ?? shift?.officerId ?? "",
          requestId: data.requestId ?? shift?.requestId ?? "",
          by: event.actorId ?? "",
          at: event.at.getTime(),
          reason: data.override.reason ?? "",
          ineligible: data.override.ineligible ?? "",
        },
      ];
    }),
  };
}
