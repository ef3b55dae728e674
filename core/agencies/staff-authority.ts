import type { AgencyConfig } from "./agency-config-schema.ts";

/** A staff role at one agency, from the Slack user ids listed in its file (`slack`). */
export type StaffRole = "supervisor" | "chief" | "dispatcher";

/**
 * Everything agency staff can do in Slack. `look_up` is `/detail` and the App Home list: both
 * show customers' names, addresses and totals. `rebroadcast`, `assign`, `edit` and `cancel` are
 * the supervisor controls of an approved request (offers now, an officer by hand, an amendment
 * the customer confirms, a cancellation on the agency's behalf). `bill` is an invoice's Issue,
 * Void and Mark paid. `report` is `/detail report` (hours, billing, fatigue, reliability,
 * fairness, vehicle fees). `payroll` is `/detail payroll` (officers' pay) and closing a pay period.
 */
export const STAFF_ACTIONS = [
  "approve",
  "deny",
  "ask",
  "take_over",
  "hand_back",
  "reply",
  "look_up",
  "rebroadcast",
  "assign",
  "edit",
  "cancel",
  "bill",
  "report",
  "payroll",
  "roster",
] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];

const APPROVER_ROLES: readonly StaffRole[] = ["supervisor", "chief"];
const CONVERSATION_STAFF: readonly StaffRole[] = ["dispatcher", "supervisor", "chief"];

/**
 * The one role matrix. Deciding a request is for approvers (which approval a click signs is the
 * decision's business, not this table's); so is changing one once approved, since staffing,
 * price and a fee-free cancellation are decisions of the same weight. Talking to a customer is
 * for dispatchers and, since they may cover a shift, supervisors and chief's designees; looking
 * things up is for any staff.
 */
export const ROLES_FOR_ACTION: Readonly<Record<StaffAction, readonly StaffRole[]>> = {
  approve: APPROVER_ROLES,
  deny: APPROVER_ROLES,
  ask: APPROVER_ROLES,
  take_over: CONVERSATION_STAFF,
  hand_back: CONVERSATION_STAFF,
  reply: CONVERSATION_STAFF,
  look_up: ["supervisor", "chief", "dispatcher"],
  rebroadcast: APPROVER_ROLES,
  assign: APPROVER_ROLES,
  edit: APPROVER_ROLES,
  cancel: APPROVER_ROLES,
  // Issuing, voiding and recording payment of invoices are money decisions, like approving.
  bill: APPROVER_ROLES,
  // Reports name officers' hours, pay, no-shows and customers' billing: for those who approve.
  report: APPROVER_ROLES,
  // Officers' pay is the department's business: supervisors run it, not the chief's designee who
  // signs off requests nor dispatchers.
  payroll: ["supervisor"],
  // Adding, changing and deactivating officers (`/detail roster`, the officer modal): the
  // supervisors keep the roster, as they run its payroll.
  roster: ["supervisor"],
};

/** The roles a Slack user holds at this agency, in the order supervisor, chief, dispatcher. */
export function findStaffRoles(agency: AgencyConfig, userId: string): StaffRole[] {
  const roles: StaffRole[] = [];
  if (agency.slack.supervisors.includes(userId)) roles.push("supervisor");
  if (agency.slack.chiefDesignees.includes(userId)) roles.push("chief");
  if (agency.slack.dispatchers.includes(userId)) roles.push("dispatcher");
  return roles;
}

export type StaffAuthority =
  /** `roles`: the user's roles at the agency that allow the action (never empty). */
  | { kind: "allowed"; roles: StaffRole[] }
  /** `allowedRoles`: who could have done it, for the refusal. */
  | { kind: "refused"; allowedRoles: readonly StaffRole[] };

/**
 * Whether a Slack user may do `action` on something of `agency`. The agency must be the one the
 * request or conversation belongs to, never one guessed from the channel: a channel can hold
 * anyone, and one person may be staff at one agency and nobody at another.
 */
export function checkStaffAuthority(agency: AgencyConfig, userId: string, action: StaffAction): StaffAuthority {
  const allowedRoles = ROLES_FOR_ACTION[action];
  const roles = findStaffRoles(agency, userId).filter((role) => allowedRoles.includes(role));
  return roles.length > 0 ? { kind: "allowed", roles } : { kind: "refused", allowedRoles };
}

/**
 * The agency whose data a staff member looks up when nothing names one (`/detail`, App Home):
 * of the agencies where they may `look_up`, the one whose channel they are in, else the first.
 * Null for anyone who is staff nowhere, whatever channel they write in.
 */
export function findLookUpAgency(
  agencies: readonly AgencyConfig[],
  userId: string,
  channelId: string | null,
): AgencyConfig | null {
  const staffAt = agencies.filter((agency) => checkStaffAuthority(agency, userId, "look_up").kind === "allowed");
  const inChannel = staffAt.find(
    (agency) => channelId !== null && [agency.slack.approvalsChannel, agency.slack.dispatchChannel].includes(channelId),
  );
  return inChannel ?? staffAt[0] ?? null;
}
