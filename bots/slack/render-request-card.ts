import { DateTime } from "luxon";
import { type Positions, RANKS, rankTitle } from "../../core/agencies/index.ts";
import { formatCents, formatPhone, formatShift, getTexts } from "../../core/intake/index.ts";
import type { QuoteLine } from "../../core/pricing/index.ts";
import { assertNever } from "../../core/shared/index.ts";
import { escapeMrkdwn, mentionUser, truncateText } from "./escape-mrkdwn.ts";
import {
  ACTIONS,
  type ApprovalView,
  type ApproverRole,
  type AssignedOfficerView,
  type RequestCardView,
} from "./slack-views.ts";

// Slack rejects the whole message when one limit is exceeded, so every text is kept under them.
const SECTION_TEXT_MAX = 3000;
const FIELD_TEXT_MAX = 2000;
const HEADER_TEXT_MAX = 150;
// User text is cut well below the limits so one long value cannot crowd out the rest.
const NAME_MAX = 100;
const EVENT_TYPE_MAX = 300;
const REASON_MAX = 500;
const SCREENING_MESSAGE_MAX = 300;
// Room kept for the "… N more lines" note of fitLines.
const NOTE_ROOM = 32;

const ROLE_NAMES: Record<ApproverRole, string> = {
  supervisor: "Supervisor",
  chief: "Chief's designee sign-off",
};

const CHANNEL_NAMES = { sms: "SMS", voice: "phone call", web: "web chat" } as const;
// The customer's earlier requests shown on a card: enough to recognise a regular.
const OTHER_REQUESTS_MAX = 5;

/**
 * What the card knows about the customer beyond the request: the contact a web chat customer gave
 * (a web chat id reaches nobody) and their other requests with this agency. Optional, so views
 * built elsewhere still render.
 */
export interface CustomerProfileView {
  /** E.164 mobile number given in web chat; not verified. */
  phone: string | null;
  /** Email given in web chat; not verified. */
  email: string | null;
  /** The customer's other requests with this agency, newest start first. */
  otherRequests: { number: number; status: string; start: Date }[];
}

export type RequestCardWithCustomer = RequestCardView & { customerProfile?: CustomerProfileView };

/** An instant as a supervisor reads it in the agency's zone: "Sat Dec 5 6:02 PM". */
export function formatSlackTime(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).setLocale("en-US").toFormat("ccc LLL d h:mm a");
}

/** "3 officers, 1 sergeant": ranks in rank order, zero ranks left out. */
export function describePositions(positions: Positions): string {
  const parts = RANKS.filter((rank) => positions[rank] > 0).map(
    (rank) => `${positions[rank]} ${rank}${positions[rank] === 1 ? "" : "s"}`,
  );
  return parts.length > 0 ? parts.join(", ") : "none";
}

function countPositions(positions: Positions): number {
  return RANKS.reduce((sum, rank) => sum + positions[rank], 0);
}

/** The request status in words ("awaiting approval"), the same the customer is told. */
export function describeStatus(status: string): string {
  return getTexts("en").statusNames[status] ?? escapeMrkdwn(status, 40);
}

/** "#1001 · Sat Dec 5 6:00 PM · 5 positions · $2,972.15 · :warning: 1 flag": one request in a list. */
export function summarizeRequest(view: RequestCardView): string {
  const positions = countPositions(view.quote.positions);
  const parts = [
    `*#${view.number}*`,
    formatSlackTime(view.start, view.timeZone),
    `${positions} position${positions === 1 ? "" : "s"}`,
    formatCents(view.quote.totalCents),
  ];
  const flags = view.quote.screening.reasons.length;
  if (flags > 0) parts.push(`:warning: ${flags} flag${flags === 1 ? "" : "s"}`);
  if (view.quote.screening.approver === "chief") parts.push("needs chief's designee");
  return parts.join(" · ");
}

/**
 * The approval card of one request: who, when, where, the quote, screening flags and approvals.
 * Approve/Deny/Ask buttons appear only while an approval is still open, so a decided card cannot
 * be clicked again; the outcome replaces them.
 */
export function renderRequestCard(view: RequestCardWithCustomer): { text: string; blocks: object[] } {
  const when = formatShift(view.start.toISOString(), view.end.toISOString(), view.timeZone, "en");
  const total = formatCents(view.quote.totalCents);
  const blocks: object[] = [
    {
      type: "header",
      text: plainText(truncateText(`Request #${view.number} — ${view.agencyName}`, HEADER_TEXT_MAX)),
    },
    { type: "section", fields: describeFields(view).map((field) => mrkdwn(field, FIELD_TEXT_MAX)) },
    { type: "section", text: mrkdwn(describeQuote(view)) },
  ];
  const screening = describeScreening(view);
  if (screening !== null) blocks.push({ type: "section", text: mrkdwn(screening) });
  if (view.approvals.length > 0) {
    const lines = view.approvals.map((approval) => describeApproval(approval, view.timeZone));
    blocks.push({ type: "context", elements: [mrkdwn(fitLines(lines))] });
  }
  blocks.push(
    isAwaitingDecision(view)
      ? renderActions(view.requestId)
      : { type: "section", text: mrkdwn(describeOutcome(view)) },
  );
  if (view.staffing !== null) {
    const { filled, total: positions } = view.staffing;
    const done = filled >= positions ? " — fully staffed" : "";
    const lines = [`Staffing: ${filled}/${positions} positions filled${done}`];
    lines.push(...view.officers.map((officer) => `• ${describeAssignedOfficer(officer)}`));
    blocks.push({ type: "context", elements: [mrkdwn(fitLines(lines))] });
  }
  const controls = renderSupervisorControls(view);
  if (controls !== null) blocks.push(controls);
  return { text: `Request #${view.number} from ${describeCustomer(view)} — ${when} — ${total}`, blocks };
}

function isAwaitingDecision(view: RequestCardView): boolean {
  return (
    view.status === "pending_approval" &&
    view.approvals.some((approval) => approval.decision === "pending" || approval.decision === "escalated")
  );
}

function renderActions(requestId: string): object {
  return {
    type: "actions",
    block_id: "request_actions",
    elements: [
      {
        type: "button",
        action_id: ACTIONS.approve,
        text: plainText("Approve"),
        value: requestId,
        style: "primary",
      },
      { type: "button", action_id: ACTIONS.deny, text: plainText("Deny"), value: requestId, style: "danger" },
      { type: "button", action_id: ACTIONS.ask, text: plainText("Ask customer"), value: requestId },
    ],
  };
}

/** Statuses in which a supervisor may still change an approved request from its card. */
const CONTROLLABLE_STATUSES = ["approved", "staffing", "staffed"];

/**
 * Supervisor controls once a request is approved and before its shift is under way: offers now,
 * an officer by hand (both only while a position is open), an amendment, a cancellation.
 */
function renderSupervisorControls(view: RequestCardView): object | null {
  if (!CONTROLLABLE_STATUSES.includes(view.status)) return null;
  const open = view.staffing !== null && view.staffing.filled < view.staffing.total;
  const button = (action_id: string, text: string, style?: "danger") => ({
    type: "button",
    action_id,
    text: plainText(text),
    value: view.requestId,
    ...(style ? { style } : {}),
  });
  return {
    type: "actions",
    block_id: "supervisor_controls",
    elements: [
      ...(open ? [button(ACTIONS.rebroadcast, "Re-broadcast now"), button(ACTIONS.assign, "Assign officer")] : []),
      button(ACTIONS.edit, "Edit request"),
      button(ACTIONS.cancel, "Cancel request", "danger"),
    ],
  };
}

/** "Sgt. Maria Alvarez (#4471) — checked in": one officer on the request, by rank. */
export function describeAssignedOfficer(officer: AssignedOfficerView): string {
  const status = officer.status === "assigned" ? "" : ` — ${officer.status.replace(/_/g, " ")}`;
  return `${rankTitle(officer.rank)} ${escapeMrkdwn(officer.name, NAME_MAX)} (#${escapeMrkdwn(officer.badge, 20)})${status}`;
}

/** "Ann Lee, 520-555-0111" (escaped): who officers report to on site, as the customer gave it. */
export function describeSiteContact(contact: { name: string | null; phone: string | null }): string {
  const phone = contact.phone ? formatPhone(contact.phone) : null;
  return [contact.name, phone]
    .filter((part) => part !== null).map((part) => escapeMrkdwn(part, NAME_MAX)).join(", ");
}

/** "Cancelled by the customer at …" or "Cancelled by <@U…> for the agency at …", without an emoji. */
export function describeCancellation(view: RequestCardView): string {
  const at = view.cancelledAt === null ? "" : ` at ${formatSlackTime(view.cancelledAt, view.timeZone)}`;
  const by = view.cancelledBy === null ? "the customer" : `${mentionUser(view.cancelledBy)} for the agency (no fee)`;
  return `Cancelled by ${by}${at}`;
}

/** "Jane Doe, Acme Events", or how they reached us when they gave no name. Escaped. */
export function describeCustomer(view: RequestCardView): string {
  const { name, organization, contact } = view.customer;
  const named = [name, organization].filter((part) => part !== null);
  // A web chat id means nothing to staff: such a customer is "a web chat customer" until named.
  const fallback = view.customer.channel === "web" ? "a web chat customer" : (contact ?? "a customer");
  const text = named.length > 0 ? named.join(", ") : fallback;
  return escapeMrkdwn(text, 2 * NAME_MAX);
}

/** "Sat Dec 5, 6:00 PM – 11:00 PM (MST)": the shift in the agency's zone, named. */
export function describeWhen(view: RequestCardView): string {
  const shift = formatShift(view.start.toISOString(), view.end.toISOString(), view.timeZone, "en");
  const zone = DateTime.fromJSDate(view.start, { zone: view.timeZone }).setLocale("en-US").toFormat("ZZZZ");
  return `${shift} (${zone})`;
}

/** "1 S Church Ave, Tucson, AZ" (escaped), or "not given". */
export function describeWhere(view: RequestCardView): string {
  const { address } = view;
  if (address === null) return "not given";
  return [address.line1, address.city, address.state].map((part) => escapeMrkdwn(part, NAME_MAX)).join(", ");
}

function describeFields(view: RequestCardWithCustomer): string[] {
  const { customer } = view;
  const who = [customer.name ?? "name not given", customer.organization]
    .filter((part) => part !== null)
    .map((part) => escapeMrkdwn(part, NAME_MAX));
  who.push(...describeReach(view));
  const others = describeOtherRequests(view);
  const miles = view.vehicleMiles > 0 ? `, ${formatNumber(view.vehicleMiles)} miles each` : "";
  return [
    `*Customer*\n${who.join("\n")}`,
    `*When*\n${describeWhen(view)}`,
    `*Where*\n${describeWhere(view)}`,
    `*Positions*\n${describePositions(view.quote.positions)}`,
    `*Job*\n${view.eventType === null ? "not given" : escapeMrkdwn(view.eventType, EVENT_TYPE_MAX)}`,
    `*Vehicles*\n${view.vehicles === 0 ? "none" : `${view.vehicles}${miles}`}`,
    `*Lead time*\n${view.requestedAt === null ? "unknown" : formatLeadTime(view.start.getTime() - view.requestedAt.getTime())}`,
    ...(view.siteContact === null ? [] : [`*Site contact*\n${describeSiteContact(view.siteContact)}`]),
    ...(others === null ? [] : [`*Other requests*\n${others}`]),
  ];
}

/**
 * How staff reach the customer: the number they texted or called from; for web chat the number
 * or email they gave (a chat id reaches nobody), or that replies go to the chat only.
 */
function describeReach(view: RequestCardWithCustomer): string[] {
  const { contact, channel } = view.customer;
  const by = channel === null ? "" : ` by ${CHANNEL_NAMES[channel]}`;
  if (channel !== "web") return contact === null ? [] : [`${escapeMrkdwn(contact, NAME_MAX)}${by}`];
  const profile = view.customerProfile;
  const given = [
    profile?.phone ? `mobile ${formatPhone(profile.phone)}` : null,
    profile?.email ? `email ${escapeMrkdwn(profile.email, NAME_MAX)}` : null,
  ].filter((part) => part !== null);
  return given.length > 0
    ? [`${given.join(", ")} (given in web chat, not verified)`]
    : ["by web chat; no phone or email given (updates go to the chat)"];
}

/** "#1001 approved, Sat Dec 5 · #998 completed, Mon Nov 2"; null when there are none. */
function describeOtherRequests(view: RequestCardWithCustomer): string | null {
  const others = view.customerProfile?.otherRequests ?? [];
  if (others.length === 0) return null;
  const shown = others
    .slice(0, OTHER_REQUESTS_MAX)
    .map((r) => `#${r.number} ${describeStatus(r.status)}, ${DateTime.fromJSDate(r.start, { zone: view.timeZone }).setLocale("en-US").toFormat("ccc LLL d")}`);
  const more = others.length > OTHER_REQUESTS_MAX ? ` (+${others.length - OTHER_REQUESTS_MAX} more)` : "";
  return `${shown.join("\n")}${more}`;
}

/** "36 h" under two days, "5 days 3 h" from then on: the unit a supervisor judges urgency by. */
function formatLeadTime(ms: number): string {
  if (ms <= 0) return "none (starts before it was requested)";
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return rest === 0 ? `${days} days` : `${days} days ${rest} h`;
}

function describeQuote(view: RequestCardView): string {
  const lines = view.quote.lines.map((line) => describeQuoteLine(line, view.quote.positions));
  return fitLines(["*Quote*", ...lines, `*Total: ${formatCents(view.quote.totalCents)}*`]);
}

// Line minutes are summed over every position (or vehicle), so hours are shown as a total.
function describeQuoteLine(line: QuoteLine, positions: Positions): string {
  switch (line.kind) {
    case "labor":
      return `${positions[line.rank]} × ${line.rank} ${line.rateKind} — ${formatHours(line.minutes)} h @ ${formatCents(line.unitCents)}/h — ${formatCents(line.amountCents)}`;
    case "vehicle":
      return `Vehicle time — ${formatHours(line.minutes)} h @ ${formatCents(line.unitCents)}/h — ${formatCents(line.amountCents)}`;
    case "mileage":
      return `Mileage — ${formatNumber(line.miles)} mi @ ${formatCents(line.unitCents)}/mi — ${formatCents(line.amountCents)}`;
    case "admin_fee":
      return `Admin fee — ${formatHours(line.minutes)} officer-h @ ${formatCents(line.unitCents)}/h — ${formatCents(line.amountCents)}`;
    default:
      return assertNever(line, "quote line");
  }
}

function describeScreening(view: RequestCardView): string | null {
  const { screening } = view.quote;
  if (screening.reasons.length === 0 && screening.approver !== "chief") return null;
  const lines = ["*Screening flags*"];
  if (screening.decision === "reject") lines.push(":no_entry: *Screening rejects this job.*");
  if (screening.approver === "chief") lines.push(":rotating_light: *Needs the chief's designee sign-off.*");
  for (const reason of screening.reasons) {
    lines.push(`:warning: \`${reason.code}\` ${escapeMrkdwn(reason.message, SCREENING_MESSAGE_MAX)}`);
  }
  return fitLines(lines);
}

/** "Supervisor: approved by <@U123> at Sat Dec 5 6:02 PM": one approval and where it stands. */
export function describeApproval(approval: ApprovalView, timeZone: string): string {
  const role = ROLE_NAMES[approval.role];
  const at = approval.decidedAt === null ? "" : ` at ${formatSlackTime(approval.decidedAt, timeZone)}`;
  switch (approval.decision) {
    case "pending":
      return `${role}: pending`;
    case "escalated":
      return `${role}: escalated (no answer yet)`;
    case "approved":
      return `${role}: approved by ${mentionUser(approval.decidedBy)}${at}`;
    case "denied": {
      const reason =
        approval.reason === null ? "" : ` — reason: ${escapeMrkdwn(approval.reason, REASON_MAX)}`;
      return `${role}: denied by ${mentionUser(approval.decidedBy)}${at}${reason}`;
    }
    default:
      return assertNever(approval.decision, "approval decision");
  }
}

function describeOutcome(view: RequestCardView): string {
  const { timeZone } = view;
  if (view.status === "cancelled") return `:no_entry_sign: ${describeCancellation(view)}`;
  const denied = findLatest(view.approvals.filter((approval) => approval.decision === "denied"));
  if (denied !== null) {
    const at = denied.decidedAt === null ? "" : ` at ${formatSlackTime(denied.decidedAt, timeZone)}`;
    const reason = denied.reason === null ? "" : `: ${escapeMrkdwn(denied.reason, REASON_MAX)}`;
    return `:x: Denied by ${mentionUser(denied.decidedBy)}${at}${reason}`;
  }
  const allApproved =
    view.approvals.length > 0 && view.approvals.every((approval) => approval.decision === "approved");
  const approved = allApproved ? findLatest(view.approvals) : null;
  if (approved !== null) {
    const at = approved.decidedAt === null ? "" : ` at ${formatSlackTime(approved.decidedAt, timeZone)}`;
    const now = view.status === "approved" ? "" : ` · now ${describeStatus(view.status)}`;
    return `:white_check_mark: Approved by ${mentionUser(approved.decidedBy)}${at}${now}`;
  }
  return `Status: ${describeStatus(view.status)}`;
}

/** The approval decided last (undated ones count as oldest), or null for none. */
function findLatest(approvals: ApprovalView[]): ApprovalView | null {
  let latest: ApprovalView | null = null;
  for (const approval of approvals) {
    if (latest === null || (approval.decidedAt?.getTime() ?? 0) >= (latest.decidedAt?.getTime() ?? 0)) {
      latest = approval;
    }
  }
  return latest;
}

/**
 * Joins lines, dropping whole lines from the end when over `maxChars` and saying how many: cutting
 * inside a line could split an escaped entity or a `<@U…>` mention.
 */
export function fitLines(lines: string[], maxChars = SECTION_TEXT_MAX): string {
  const joined = lines.join("\n");
  if (joined.length <= maxChars) return joined;
  const budget = maxChars - NOTE_ROOM;
  const kept: string[] = [];
  let length = -1;
  for (const line of lines) {
    if (length + 1 + line.length > budget) break;
    kept.push(line);
    length += 1 + line.length;
  }
  // A first line alone over the limit is cut, then a half-cut entity or mention at its end dropped.
  if (kept.length === 0) kept.push(truncateText(lines[0] ?? "", budget).replace(/(&[a-z]*|<[^>]*)…$/, "…"));
  const dropped = lines.length - kept.length;
  return dropped === 0
    ? kept.join("\n")
    : [...kept, `… ${dropped} more line${dropped === 1 ? "" : "s"}`].join("\n");
}

function formatHours(minutes: number): string {
  return formatNumber(minutes / 60);
}

/** 5.5 → "5.5", 1.6667 → "1.67", 22 → "22". */
function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function plainText(text: string): { type: "plain_text"; text: string; emoji: true } {
  return { type: "plain_text", text, emoji: true };
}

function mrkdwn(text: string, maxChars = SECTION_TEXT_MAX): { type: "mrkdwn"; text: string } {
  return { type: "mrkdwn", text: text.length <= maxChars ? text : fitLines(text.split("\n"), maxChars) };
}
