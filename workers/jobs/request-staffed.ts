import { UnrecoverableError } from "bullmq";
import { z } from "zod";
import { rankTitle, describeRankedOfficer } from "../../core/agencies/index.ts";
import {
  chooseSiteContact,
  describePlace,
  formatShiftTimes,
  renderPostOrders,
  renderReplacementFound,
} from "../../core/staffing/index.ts";
import type { JobDefinition } from "../job-definition.ts";
import { QUEUES } from "../queues.ts";
import { tellCustomerTheirPage } from "../customer-page-notices.ts";
import { recordOfficerSmsOnce } from "../refills/officer-sms-once.ts";
import { tellCustomerOnce, VACATED } from "../refills/refill-notices.ts";
import type { WorkerDeps } from "../registry.ts";

export const RequestStaffedPayloadSchema = z.object({ requestId: z.uuid() });

/** Reminder lead before a shift starts (minutes), and the no-show grace after it starts. */
export const REMINDER_MINUTES_BEFORE = 120;
export const NO_SHOW_GRACE_MINUTES = 15;

const ON_SHIFT = ["assigned", "checked_in", "checked_out"] as const;
/** An E.164 number: a web chat customer's contact is a chat id, not something to call. */
const PHONE = /^\+[1-9]\d{7,14}$/;

/**
 * Once every position is filled: post orders to each assigned officer, then the timers — a
 * reminder before the shift and a no-show check after its start. Also after a refill (a DROP or
 * a no-show filled again): the replacement's post orders and the customer told who is coming.
 * Idempotent: each notice is recorded once (by a marker in the audit trail), timers have fixed
 * job ids; the job may run as often as anyone asks.
 */
export const requestStaffedJob: JobDefinition<typeof RequestStaffedPayloadSchema, WorkerDeps> = {
  id: "request-staffed",
  queue: QUEUES.reminders,
  schema: RequestStaffedPayloadSchema,
  run: ({ payload, deps }) => sendStaffingNotices(deps, payload.requestId),
};

/**
 * The notices a request's staffing owes: post orders to every officer holding a position once
 * all are filled (a replacement's at once, since their shift is near or begun), "replacement
 * confirmed" to the customer and the card's thread for each refilled position, and, once all are
 * filled, the timers and "fully staffed" in the thread.
 */
export async function sendStaffingNotices(deps: WorkerDeps, requestId: string): Promise<{ officers: number }> {
  const { prisma } = deps;
  const request = await prisma.request.findUnique({
    where: { id: requestId },
    include: {
      customer: true,
      positions: {
        include: { assignments: { include: { officer: true }, orderBy: { createdAt: "asc" } } },
        orderBy: { index: "asc" },
      },
    },
  });
  if (!request) throw new UnrecoverableError("no such request");
  const agency = deps.getAgency(request.agencyId);
  if (!agency) throw new UnrecoverableError(`unknown agency ${request.agencyId}`);
  const when = formatShiftTimes(request.start.getTime(), request.end.getTime(), agency.timeZone);
  const place = describePlace(request.address, agency.city);
  const contact = chooseSiteContact({
    siteContactName: request.siteContactName,
    siteContactPhone: request.siteContactPhone,
    customerName: request.customer?.name ?? null,
    customerPhone: request.customer && PHONE.test(request.customer.contact) ? request.customer.contact : null,
  });
  const full = request.positions.every((p) => p.status === "filled" || p.status === "cancelled");
  const refilled = request.positions.flatMap((position) => {
    const current = position.assignments.find((a) => (ON_SHIFT as readonly string[]).includes(a.status));
    const left = position.assignments.filter((a) => (VACATED as readonly string[]).includes(a.status));
    return current && left.length > 0 ? [{ current, left: left[left.length - 1]! }] : [];
  });
  const assigned = request.positions.flatMap((p) => p.assignments.filter((a) => a.status === "assigned"));
  for (const assignment of assigned) {
    if (!full && !refilled.some((r) => r.current.id === assignment.id)) continue;
    const conversationId = await recordOfficerSmsOnce(prisma, {
      agencyId: agency.id,
      from: agency.phoneNumbers[0] ?? "bot",
      to: assignment.officer.phone,
      body: renderPostOrders({ requestNumber: request.number, when, place, contact, instructions: request.postOrders }),
      marker: { action: "post_orders.sent", entityType: "Assignment", entityId: assignment.id },
    });
    if (conversationId) await deps.enqueueSms(conversationId, `post-orders-${assignment.id}`);
  }
  for (const { current, left } of refilled) {
    const officer = `${rankTitle(current.officer.rank)} ${current.officer.lastName}`;
    const told = await tellCustomerOnce(deps, {
      agencyId: agency.id,
      conversationId: request.conversationId,
      marker: { action: "refill.customer_told_found", entityType: "Assignment", entityId: current.id },
      body: (language) =>
        renderReplacementFound({
          requestNumber: request.number,
          officer,
          when: formatShiftTimes(request.start.getTime(), request.end.getTime(), agency.timeZone, language),
          language,
        }),
    });
    if (!told) continue;
    await deps.postRequestNotice(
      request.id,
      `refilled-${current.id}`,
      `Refilled: ${describeRankedOfficer(current.officer)} took the position ${describeRankedOfficer(left.officer)} left (${left.status === "no_show" ? "no-show" : "dropped"}) on #${request.number}; the customer is told.`,
    );
  }
  if (!full) return { officers: assigned.length };
  await deps.scheduleShiftTimers(request.id, request.start);
  const officers = request.positions.flatMap((p) =>
    p.assignments.filter((a) => (ON_SHIFT as readonly string[]).includes(a.status)).map((a) => a.officer),
  );
  // Each staffing of the request (the first, then after every refill) is its own thread line.
  const round = request.positions.flatMap((p) => p.assignments).filter((a) => (VACATED as readonly string[]).includes(a.status)).length;
  const key = round === 0 ? "staffed" : `staffed-${round}`;
  await deps.syncRequestCard(request.id, key);
  await deps.postRequestNotice(
    request.id,
    key,
    `Fully staffed${round === 0 ? "" : " again"}: ${officers.map((o) => describeRankedOfficer(o)).join(", ")}.`,
  );
  // The first staffing hands the customer their page; a refill's notice needs no second link.
  if (round === 0) await tellCustomerTheirPage(deps, request, new Date());
  return { officers: assigned.length };
}
