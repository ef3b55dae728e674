import type { AgencyConfig } from "../../core/agencies/index.ts";

export type StaffRole = "supervisor" | "chief";

/** The approver roles a Slack user holds at an agency (configured ids in the agency file). */
export function findStaffRoles(agency: AgencyConfig, userId: string): StaffRole[] {
  const roles: StaffRole[] = [];
  if (agency.slack.supervisors.includes(userId)) roles.push("supervisor");
  if (agency.slack.chiefDesignees.includes(userId)) roles.push("chief");
  return roles;
}

/** The agency a slash command or App Home visit is about: by the user's role, else by the channel. */
export function findStaffAgency(
  agencies: readonly AgencyConfig[],
  userId: string,
  channelId: string | null,
): AgencyConfig | null {
  return (
    agencies.find((a) => findStaffRoles(a, userId).length > 0) ??
    agencies.find((a) => channelId !== null && [a.slack.approvalsChannel, a.slack.dispatchChannel].includes(channelId)) ??
    null
  );
}

/**
 * Which pending approval a click of this user decides: the chief's designee signs the chief's
 * approval first; a supervisor signs the supervisor's. Null when none of theirs is pending.
 */
export function chooseApprovalRole(roles: StaffRole[], pending: readonly StaffRole[]): StaffRole | null {
  if (roles.includes("chief") && pending.includes("chief")) return "chief";
  if (roles.includes("supervisor") && pending.includes("supervisor")) return "supervisor";
  return null;
}
