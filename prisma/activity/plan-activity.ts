import { DateTime } from "luxon";
import type { AgencyConfig, Rank } from "../../core/agencies/index.ts";
import { checkEligibility, describeShiftToFill, type OfficerCandidate } from "../../core/dispatch/index.ts";
import { listHolidays, quoteRequest } from "../../core/pricing/index.ts";
import { listPositionRanks, QuoteRequestSchema } from "../../core/requests/index.ts";
import type { Prisma } from "../client.ts";
import { toOfficerCandidate } from "../repositories/officer-candidate.ts";
import type { SeededRandom } from "./seeded-random.ts";

const HOUR = 3_600_000;
const MINUTE = 60_000;
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const EVENTS = ["store security", "traffic control", "school football game", "church service", "concert", "construction site"];
const STREETS = ["Main St", "Oak Ave", "Galloway Ave", "Elm St", "Broadway", "Park Blvd", "Town East Blvd", "Stone Ave"];

/** A roster officer as the plan reads it. */
export interface PlanOfficer {
  id: string;
  rank: Rank;
  active: boolean;
  seniorityDate: Date;
  assignedVehicle: string | null;
  livesInCity: boolean;
  communityServiceOfficer: boolean;
}

/** Every row of a generated month, ready for createMany, plus what the caller does after. */
export interface ActivityPlan {
  regularDuty: Map<string, { start: string; end: string }[]>;
  requests: Prisma.RequestCreateManyInput[];
  quotes: Prisma.QuoteSnapshotCreateManyInput[];
  positions: Prisma.PositionCreateManyInput[];
  offers: Prisma.OfferCreateManyInput[];
  assignments: Prisma.AssignmentCreateManyInput[];
  audits: Prisma.AuditEventCreateManyInput[];
  /** Completed requests to invoice, with when the invoice is drafted. */
  toInvoice: { requestId: string; at: Date }[];
}

interface Busy {
  offDuty: Map<string, { start: number; end: number }[]>;
  regular: Map<string, { start: number; end: number }[]>;
}

/**
 * A month of an agency's off-duty work, as it would have happened: regular duty (4 days on, 3
 * off, 07:00–17:00), 60–120 requests (some with vehicles, some on holidays), offers in waves with
 * declines and silences, check-ins with late arrivals and hold-overs, drops and no-shows refilled
 * (some after the start), a few cancellations, and two or three supervisor assignments that
 * overrode the rest rule or a cap, with their reasons. Deterministic for a given `random`.
 */
export function planActivity(input: {
  agency: AgencyConfig;
  month: string;
  officers: readonly PlanOfficer[];
  customerIds: readonly string[];
  random: SeededRandom;
  now: Date;
}): ActivityPlan {
  const { agency, officers, random } = input;
  const zone = agency.timeZone;
  const first = DateTime.fromISO(`${input.month}-01`, { zone });
  const days = first.daysInMonth ?? 30;
  const plan: ActivityPlan = { regularDuty: new Map(), requests: [], quotes: [], positions: [], offers: [], assignments: [], audits: [], toInvoice: [] };
  const busy: Busy = { offDuty: new Map(), regular: new Map() };
  officers.forEach((officer, i) => {
    const spans: { start: number; end: number }[] = [];
    for (let day = 0; day < days; day += 1) {
      if ((day + i) % 7 >= 4) continue;
      const start = first.plus({ days: day }).set({ hour: 7 });
      spans.push({ start: start.toMillis(), end: start.plus({ hours: 10 }).toMillis() });
    }
    busy.regular.set(officer.id, spans);
    plan.regularDuty.set(officer.id, spans.map((s) => ({ start: new Date(s.start).toISOString(), end: new Date(s.end).toISOString() })));
  });
  const holidayDays = listHolidays(agency.holidays, first.year)
    .filter((h) => h.date.month === first.month)
    .map((h) => h.date.day - 1);
  const count = random.int(60, 120);
  for (let n = 0; n < count; n += 1) {
    const day = holidayDays.length > 0 && n % 15 === 0 ? random.pick(holidayDays) : random.int(0, days - 1);
    const start = first.plus({ days: day }).set({ hour: random.pick([6, 8, 10, 12, 17, 18, 19, 20]), minute: random.pick([0, 0, 30]) });
    addRequest(plan, busy, input, start.toMillis(), random.int(3, 8) * HOUR, null);
  }
  // Supervisor overrides: a shift starting soon after one an officer already worked.
  const overrides = random.int(2, 3);
  let made = 0;
  for (const shift of random.shuffle(plan.assignments)) {
    if (made === overrides) break;
    if (shift.status !== "checked_out") continue;
    const start = new Date(shift.end).getTime() + random.pick([2, 3, 4]) * HOUR;
    if (DateTime.fromMillis(start, { zone }).month !== first.month) continue;
    const officer = officers.find((o) => o.id === shift.officerId);
    if (officer?.rank !== "officer") continue;
    const end = start + 4 * HOUR;
    const eligibility = checkEligibility(toCandidate(officer, busy), { start, end, rank: "officer", needsVehicle: false }, agency.dispatch);
    if (eligibility.eligible || !["rest", "cap_24h", "cap_7d"].includes(eligibility.reason)) continue;
    addRequest(plan, busy, input, start, 4 * HOUR, { officer, ineligible: eligibility.reason });
    made += 1;
  }
  return plan;
}

/** The roster's mapping (officer-candidate.ts), with the month's shifts and duty as planned so far. */
function toCandidate(officer: PlanOfficer, busy: Busy): OfficerCandidate {
  return {
    ...toOfficerCandidate({ ...officer, regularDuty: [] }, []),
    offDutyShifts: busy.offDuty.get(officer.id) ?? [],
    regularDuty: busy.regular.get(officer.id) ?? [],
  };
}

const OVERRIDE_REASONS: Record<string, string> = {
  rest: "Only officer who knows the site; short turnaround approved by Sgt. on duty",
  cap_24h: "Event ran late and no one else answered; approved by watch commander",
  cap_7d: "Holiday week shortage; chief's designee signed off on the extra hours",
};

function addRequest(
  plan: ActivityPlan,
  busy: Busy,
  input: Parameters<typeof planActivity>[0],
  startMs: number,
  lengthMs: number,
  override: { officer: PlanOfficer; ineligible: string } | null,
): void {
  const { agency, random, officers } = input;
  const requestId = random.uuid();
  const endMs = startMs + lengthMs;
  const officerCount = override ? 1 : random.pick([1, 1, 1, 2, 2, 3]);
  const vehicles = !override && random.chance(0.25) ? 1 : 0;
  const requestedAt = new Date(startMs - random.int(2, 14) * 24 * HOUR - random.int(0, 600) * MINUTE);
  const approvedAt = new Date(requestedAt.getTime() + random.int(10, 120) * MINUTE);
  const quoteInput = QuoteRequestSchema.parse({
    agency: agency.id,
    requestedAt: requestedAt.toISOString(),
    start: new Date(startMs).toISOString(),
    end: new Date(endMs).toISOString(),
    officers: officerCount,
    vehicles,
    vehicleMiles: vehicles > 0 && agency.vehicle.mileageCentsPerMile !== null && random.chance(0.5) ? random.int(5, 40) : 0,
    eventType: override ? "store security" : random.pick(EVENTS),
    address: { line1: `${random.int(100, 4999)} ${random.pick(STREETS)}`, city: agency.city, state: agency.state },
  });
  const quote = quoteRequest(quoteInput, agency);
  const past = endMs + 2 * HOUR < input.now.getTime();
  const cancelled = !override && random.chance(0.05);
  const status = cancelled ? "cancelled" : past ? "completed" : "staffed";
  const code = Array.from({ length: 4 }, () => random.pick([...CODE_ALPHABET])).join("");
  plan.requests.push({
    id: requestId,
    agencyId: agency.id,
    customerId: random.pick(input.customerIds),
    status,
    start: new Date(startMs),
    end: new Date(endMs),
    officers: officerCount,
    vehicles,
    vehicleMiles: quoteInput.vehicleMiles,
    eventType: quoteInput.eventType ?? null,
    address: quoteInput.address,
    flags: quoteInput.flags,
    requestedAt,
    approvedAt,
    createdAt: requestedAt,
    ...(cancelled ? { cancelledAt: new Date(startMs - random.int(48, 96) * HOUR), cancellationFeeCents: 0 } : {}),
  });
  plan.quotes.push({
    requestId,
    totalCents: quote.totalCents,
    decision: quote.screening.decision,
    quote: quote as unknown as Prisma.InputJsonValue,
    requestData: quoteInput as unknown as Prisma.InputJsonValue,
    createdAt: requestedAt,
  });
  const onRequest = new Set<string>();
  listPositionRanks(officerCount, agency).forEach((rank, i) => {
    const positionId = random.uuid();
    plan.positions.push({ id: positionId, requestId, index: i + 1, rank, status: cancelled ? "cancelled" : "filled", createdAt: approvedAt });
    const shift = describeShiftToFill({ start: startMs, end: endMs, vehicles, eventType: quoteInput.eventType ?? null }, { index: i + 1, rank }, agency);
    const eligible = officers.filter(
      (o) => !onRequest.has(o.id) && checkEligibility(toCandidate(o, busy), shift, agency.dispatch).eligible,
    );
    let taker: PlanOfficer | undefined;
    let takenAt = approvedAt.getTime() + 5 * MINUTE;
    if (override) {
      taker = override.officer;
      takenAt = approvedAt.getTime() + 3 * HOUR;
      plan.offers.push({ positionId, officerId: taker.id, code, wave: 0, status: "accepted", sentAt: new Date(takenAt), respondedAt: new Date(takenAt) });
      plan.audits.push({
        agencyId: agency.id,
        actorKind: "supervisor",
        actorId: agency.slack.supervisors[0] ?? "U0SUPERVISOR",
        action: "assignment.assigned_by_supervisor",
        entityType: "Assignment",
        entityId: "", // set below, once the assignment has its id
        data: { requestId, positionId, officerId: taker.id, override: { reason: OVERRIDE_REASONS[override.ineligible] ?? "Approved by supervisor", ineligible: override.ineligible } },
        at: new Date(takenAt),
      });
    } else {
      const waveSize = Math.max(2, Math.min(agency.dispatch.waveSize, 4));
      const order = random.shuffle(eligible);
      let takerWave = 0;
      for (const [j, officer] of order.entries()) {
        const wave = Math.floor(j / waveSize);
        // Once someone said YES, the rest of that wave is told it was filled and no wave follows.
        if (taker && wave > takerWave) break;
        const sentAt = approvedAt.getTime() + wave * agency.dispatch.waveIntervalMinutes * MINUTE + 2 * MINUTE;
        const roll = random.next();
        const answer = taker ? "filled_by_other" : roll < 0.25 ? "declined" : roll < 0.35 ? "expired" : "accepted";
        const respondedAt = answer === "declined" || answer === "accepted" ? new Date(sentAt + random.int(1, 12) * MINUTE) : null;
        plan.offers.push({ positionId, officerId: officer.id, code, wave, status: answer, sentAt: new Date(sentAt), respondedAt });
        if (answer === "accepted") {
          taker = officer;
          takerWave = wave;
          takenAt = respondedAt?.getTime() ?? sentAt;
        }
      }
    }
    if (!taker) {
      if (!cancelled) plan.positions[plan.positions.length - 1] = { ...plan.positions.at(-1), status: "open" } as Prisma.PositionCreateManyInput;
      return;
    }
    onRequest.add(taker.id);
    if (status === "completed" && !plan.toInvoice.some((t) => t.requestId === requestId)) {
      plan.toInvoice.push({ requestId, at: new Date(endMs + random.int(12, 36) * HOUR) });
    }
    addAttendance(plan, busy, input, { positionId, officer: taker, takenAt, startMs, endMs, status, eligible: eligible.filter((o) => o.id !== taker?.id && !onRequest.has(o.id)), code });
    if (override) {
      const audit = plan.audits.at(-1);
      const assignment = plan.assignments.find((a) => a.positionId === positionId);
      if (audit && assignment?.id) audit.entityId = assignment.id;
    }
  });
}

function addAttendance(
  plan: ActivityPlan,
  busy: Busy,
  input: Parameters<typeof planActivity>[0],
  shift: { positionId: string; officer: PlanOfficer; takenAt: number; startMs: number; endMs: number; status: string; eligible: PlanOfficer[]; code: string },
): void {
  const { random } = input;
  const { startMs, endMs } = shift;
  const occupy = (officerId: string) => busy.offDuty.set(officerId, [...(busy.offDuty.get(officerId) ?? []), { start: startMs, end: endMs }]);
  if (shift.status === "cancelled") {
    plan.assignments.push({ id: random.uuid(), positionId: shift.positionId, officerId: shift.officer.id, status: "cancelled", start: new Date(startMs), end: new Date(endMs), createdAt: new Date(shift.takenAt) });
    return;
  }
  const roll = random.next();
  const left = shift.status === "completed" && shift.eligible.length > 0 ? (roll < 0.05 ? "dropped" : roll < 0.08 ? "no_show" : null) : null;
  if (left) {
    plan.assignments.push({ id: random.uuid(), positionId: shift.positionId, officerId: shift.officer.id, status: left, start: new Date(startMs), end: new Date(endMs), createdAt: new Date(shift.takenAt) });
    const refill = random.pick(shift.eligible);
    // A no-show is found at the start; a drop is refilled before it, or late when it came late.
    const late = left === "no_show" || random.chance(0.4);
    const takenAt = late ? startMs + random.int(15, 60) * MINUTE : Math.max(shift.takenAt + HOUR, startMs - random.int(3, 30) * HOUR);
    // One offer per officer and position: a refill re-offers to someone who may have declined it.
    const earlier = plan.offers.findIndex((o) => o.positionId === shift.positionId && o.officerId === refill.id);
    const wave = earlier >= 0 ? (plan.offers[earlier]?.wave ?? 0) + 1 : 1;
    if (earlier >= 0) plan.offers.splice(earlier, 1);
    plan.offers.push({ positionId: shift.positionId, officerId: refill.id, code: shift.code, wave, status: "accepted", sentAt: new Date(takenAt - 5 * MINUTE), respondedAt: new Date(takenAt) });
    occupy(refill.id);
    const checkIn = late ? takenAt + random.int(15, 30) * MINUTE : startMs - random.int(0, 10) * MINUTE;
    pushWorked(plan, random, { positionId: shift.positionId, officerId: refill.id, startMs, endMs, createdAt: takenAt, checkIn });
    return;
  }
  occupy(shift.officer.id);
  if (shift.status !== "completed") {
    plan.assignments.push({ id: random.uuid(), positionId: shift.positionId, officerId: shift.officer.id, status: "assigned", start: new Date(startMs), end: new Date(endMs), createdAt: new Date(shift.takenAt) });
    return;
  }
  const checkIn = random.chance(0.12) ? startMs + random.int(10, 45) * MINUTE : startMs - random.int(0, 10) * MINUTE;
  pushWorked(plan, random, { positionId: shift.positionId, officerId: shift.officer.id, startMs, endMs, createdAt: shift.takenAt, checkIn });
}

function pushWorked(
  plan: ActivityPlan,
  random: SeededRandom,
  shift: { positionId: string; officerId: string; startMs: number; endMs: number; createdAt: number; checkIn: number },
): void {
  // Hold-overs: the event ran long and the officer stayed.
  const checkOut = random.chance(0.15) ? shift.endMs + random.int(30, 120) * MINUTE : shift.endMs + random.int(0, 5) * MINUTE;
  plan.assignments.push({
    id: random.uuid(),
    positionId: shift.positionId,
    officerId: shift.officerId,
    status: "checked_out",
    start: new Date(shift.startMs),
    end: new Date(shift.endMs),
    checkedInAt: new Date(shift.checkIn),
    checkedOutAt: new Date(checkOut),
    minutesWorked: Math.floor((checkOut - shift.checkIn) / MINUTE),
    createdAt: new Date(shift.createdAt),
  });
}
