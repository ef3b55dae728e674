import {
  type AgencyConfig,
  checkStaffAuthority,
  findLookUpAgency,
  type StaffAction,
  type StaffRole,
} from "../../core/agencies/index.ts";
import type { PrismaClient } from "../../prisma/client.ts";

/**
 * The Slack side of the role matrix (core/agencies/staff-authority.ts): every listener asks here
 * before it changes or shows anything, and a refusal is the text only the clicker sees.
 */

export type SlackAuthority = { kind: "allowed"; roles: StaffRole[] } | { kind: "refused"; text: string };

const ROLE_PLURALS: Record<StaffRole, string> = {
  supervisor: "supervisors",
  chief: "chief's designees",
  dispatcher: "dispatchers",
};

const ACTION_PHRASES: Record<StaffAction, string> = {
  approve: "approve or deny requests",
  deny: "approve or deny requests",
  ask: "ask customers about their requests",
  take_over: "take over customer conversations",
  hand_back: "hand customer conversations back to the bot",
  reply: "reply to customers",
  look_up: "look up requests",
  rebroadcast: "send offers for a request",
  assign: "assign officers to requests",
  edit: "change requests",
  cancel: "cancel requests for the agency",
  bill: "issue, void or mark invoices paid",
  report: "run department reports",
  payroll: "export or close officer payroll",
  roster: "add, change or deactivate officers",
};

/** What a user who is staff nowhere is told by `/detail`; it names no agency and no customer. */
export const LOOK_UP_REFUSAL =
  "/detail is only for agency staff. Ask your DetailDesk administrator to add your Slack user id to your agency's file.";

const listRoles = (roles: readonly StaffRole[]): string => {
  const names = roles.map((role) => ROLE_PLURALS[role]);
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
};

/** Whether `userId` may do `action` on something of `agency` (the request's or conversation's). */
export function authorizeStaffAction(agency: AgencyConfig, userId: string, action: StaffAction): SlackAuthority {
  const authority = checkStaffAuthority(agency, userId, action);
  if (authority.kind === "allowed") return authority;
  const who = `${agency.name} ${listRoles(authority.allowedRoles)}`;
  return {
    kind: "refused",
    // A refused thread reply is a message that did not go out, not a change that was not made.
    text:
      action === "reply"
        ? `Not sent: only ${who} can ${ACTION_PHRASES[action]}.`
        : `Only ${who} can ${ACTION_PHRASES[action]}. Nothing was changed.`,
  };
}

/**
 * `/detail` and App Home, which name no request: the agency where the user is staff (preferring
 * the one whose channel they write in), or the refusal for anyone who is staff nowhere, whatever
 * channel they are in.
 */
export function authorizeLookUp(
  agencies: readonly AgencyConfig[],
  userId: string,
  channelId: string | null,
): { kind: "allowed"; agency: AgencyConfig } | { kind: "refused"; text: string } {
  const agency = findLookUpAgency(agencies, userId, channelId);
  return agency ? { kind: "allowed", agency } : { kind: "refused", text: LOOK_UP_REFUSAL };
}

// Button values come from Slack messages anyone can craft; a non-UUID would make Prisma throw.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a button value can name a row at all (request and conversation ids are UUIDs). */
export const isRowId = (value: string): boolean => UUID.test(value);

/** The request a supervisor control acts on, as the control needs it. */
export interface ControlledRequest {
  id: string;
  number: number;
  status: string;
  agencyId: string;
}

/**
 * A supervisor control on a request (re-broadcast, assign, edit, cancel): allowed only for the
 * approvers of the request's own agency, whatever channel the click came from.
 */
export async function authorizeOnRequest(
  deps: { prisma: PrismaClient; getAgency(id: string): AgencyConfig | undefined },
  requestId: string,
  userId: string,
  action: Extract<StaffAction, "rebroadcast" | "assign" | "edit" | "cancel">,
): Promise<{ kind: "allowed"; agency: AgencyConfig; request: ControlledRequest } | { kind: "refused"; text: string }> {
  const request = isRowId(requestId)
    ? await deps.prisma.request.findUnique({
        where: { id: requestId },
        select: { id: true, number: true, status: true, agencyId: true },
      })
    : null;
  const agency = request ? deps.getAgency(request.agencyId) : undefined;
  if (!request || !agency) return { kind: "refused", text: "This card's request no longer exists. Nothing was changed." };
  const authority = authorizeStaffAction(agency, userId, action);
  return authority.kind === "refused" ? authority : { kind: "allowed", agency, request };
}

/**
 * A conversation button (take over, hand back): allowed only for staff of the conversation's
 * own agency, whatever channel the click came from.
 */
export async function authorizeOnConversation(
  deps: { prisma: PrismaClient; getAgency(id: string): AgencyConfig | undefined },
  conversationId: string,
  userId: string,
  action: Extract<StaffAction, "take_over" | "hand_back">,
): Promise<SlackAuthority> {
  const conversation = isRowId(conversationId)
    ? await deps.prisma.conversation.findUnique({ where: { id: conversationId }, select: { agencyId: true } })
    : null;
  const agency = conversation ? deps.getAgency(conversation.agencyId) : undefined;
  if (!agency) return { kind: "refused", text: "This conversation no longer exists. Nothing was changed." };
  return authorizeStaffAction(agency, userId, action);
}
