import { DateTime } from "luxon";
import { type Rank, rankTitle } from "../../core/agencies/index.ts";
import { formatCents } from "../../core/intake/index.ts";
import { escapeMrkdwn } from "./escape-mrkdwn.ts";
import {
  describeApproval,
  describeCancellation,
  describeCustomer,
  describePositions,
  describeSiteContact,
  describeStatus,
  describeWhen,
  describeWhere,
  formatSlackTime,
  summarizeRequest,
} from "./render-request-card.ts";
import type { OfficerView, RequestCardView, TodayShiftView } from "./slack-views.ts";

// A slash-command reply is one message; long lists are cut and say how many were left out.
const MAX_PENDING = 50;
const MAX_SHIFTS = 30;
const NAME_MAX = 100;

const ASSIGNMENT_STATUS_NAMES: Record<string, string> = {
  assigned: "assigned",
  checked_in: ":large_green_circle: checked in",
  checked_out: ":white_check_mark: checked out",
  no_show: ":red_circle: no show",
  dropped: "dropped",
  cancelled: "cancelled",
};

/** `/detail status <request>`: where one request stands. */
export function renderStatusReply(view: RequestCardView): string {
  const { screening } = view.quote;
  const lines = [
    `*Request #${view.number}* — ${escapeMrkdwn(view.agencyName, NAME_MAX)}`,
    `Status: *${describeStatus(view.status)}*`,
    `When: ${describeWhen(view)}`,
    `Where: ${describeWhere(view)}`,
    `Customer: ${describeCustomer(view)}`,
    `Positions: ${describePositions(view.quote.positions)} · Total: ${formatCents(view.quote.totalCents)}`,
  ];
  if (screening.reasons.length > 0) {
    lines.push(`Screening: ${screening.reasons.map((reason) => `:warning: \`${reason.code}\``).join(" ")}`);
  }
  if (screening.approver === "chief") lines.push("Needs the chief's designee sign-off.");
  for (const approval of view.approvals) lines.push(`• ${describeApproval(approval, view.timeZone)}`);
  if (view.siteContact !== null) lines.push(`Site contact: ${describeSiteContact(view.siteContact)}`);
  if (view.staffing !== null) {
    lines.push(`Staffing: ${view.staffing.filled}/${view.staffing.total} positions filled`);
  }
  for (const officer of view.officers) {
    const status = ASSIGNMENT_STATUS_NAMES[officer.status] ?? escapeMrkdwn(officer.status, 40);
    lines.push(`    • ${describeOfficer(officer)} — ${status}`);
  }
  if (view.status === "cancelled") lines.push(describeCancellation(view));
  return lines.join("\n");
}

/** `/detail pending`: the requests waiting for approval, soonest first as given. */
export function renderPendingReply(views: RequestCardView[]): string {
  if (views.length === 0) return "Nothing waiting for approval.";
  const lines = [`*${views.length} waiting for approval*`];
  for (const view of views.slice(0, MAX_PENDING)) lines.push(`• ${summarizeRequest(view)}`);
  if (views.length > MAX_PENDING) lines.push(`…and ${views.length - MAX_PENDING} more.`);
  return lines.join("\n");
}

/** `/detail today`: today's staffed shifts and where each officer is in it. */
export function renderTodayReply(shifts: TodayShiftView[], timeZone: string): string {
  if (shifts.length === 0) return "No staffed shifts today.";
  const lines = ["*Today's shifts*"];
  for (const shift of shifts.slice(0, MAX_SHIFTS)) {
    const start = formatClock(shift.start, timeZone);
    const end = formatClock(shift.end, timeZone);
    lines.push(`*#${shift.number}* ${start} – ${end} · ${escapeMrkdwn(shift.where, NAME_MAX)}`);
    if (shift.officers.length === 0) lines.push("    no officers assigned yet");
    for (const officer of shift.officers) {
      const status = ASSIGNMENT_STATUS_NAMES[officer.status] ?? escapeMrkdwn(officer.status, 40);
      lines.push(`    • ${describeOfficer(officer)} — ${status}`);
    }
  }
  if (shifts.length > MAX_SHIFTS) lines.push(`…and ${shifts.length - MAX_SHIFTS} more shifts.`);
  return lines.join("\n");
}

/** `/detail officer <name or phone>`: matching officers and their next shifts; phones masked. */
export function renderOfficerReply(officers: OfficerView[], timeZone: string): string {
  if (officers.length === 0) return "No officer matches that name, badge or phone.";
  const lines: string[] = [];
  for (const officer of officers) {
    const inactive = officer.active ? "" : " · _inactive_";
    lines.push(`*${describeOfficer(officer)}* · ${maskPhone(officer.phone)}${inactive}`);
    if (officer.upcoming.length === 0) lines.push("    no upcoming shifts");
    for (const shift of officer.upcoming) {
      const status = ASSIGNMENT_STATUS_NAMES[shift.status] ?? escapeMrkdwn(shift.status, 40);
      lines.push(`    • #${shift.number} ${formatSlackTime(shift.start, timeZone)} — ${status}`);
    }
  }
  return lines.join("\n");
}

/** `/detail` or `/detail help`: what the command understands. */
export function renderCommandHelp(): string {
  return [
    "*/detail* commands:",
    "• `/detail status <request>` — where a request stands, e.g. `/detail status 1001`",
    "• `/detail pending` — requests waiting for approval",
    "• `/detail today` — today's shifts and officer check-ins",
    "• `/detail officer <name or phone>` — an officer's upcoming shifts (supervisors: Edit)",
    "• `/detail roster` — the roster in numbers (supervisors: Add officer)",
    "• `/detail invoices [unpaid|YYYY-MM]` — unpaid invoices (the default), or those drafted in a month",
    "• `/detail invoices csv [YYYY-MM]` — a month's invoices as a CSV file in this channel (default: this month)",
    "• `/detail report <officers|customers|fatigue|reliability|fairness|vehicles> [YYYY-MM]` — a department report and its CSV (default: last month)",
    "• `/detail payroll [YYYY-MM-DD]` — officers' pay for the pay period containing that date as a CSV file in this channel (default: the last finished period; supervisors)",
    "• `/detail payroll close YYYY-MM-DD` — close (freeze) a finished pay period; later corrections become adjustments in the next one (supervisors)",
  ].join("\n");
}

/**
 * "•••-•••-0123": the last 4 digits are enough to tell officers apart, and a slash-command reply
 * may be read over a shoulder or pasted elsewhere.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  return digits.length < 4 ? "•••-•••-••••" : `•••-•••-${digits.slice(-4)}`;
}

/** "Sgt. Maria Alvarez (#4471)": the rank's title, never "Officer" for a sergeant. */
function describeOfficer(officer: { name: string; badge: string; rank: Rank }): string {
  return `${rankTitle(officer.rank)} ${escapeMrkdwn(officer.name, NAME_MAX)} (#${escapeMrkdwn(officer.badge, 20)})`;
}

function formatClock(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).setLocale("en-US").toFormat("h:mm a");
}
