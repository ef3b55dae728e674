import type { AgencyConfig } from "../../core/agencies/index.ts";
import {
  checkEligibility,
  describeShiftToFill,
  type Eligibility,
  type IneligibleReason,
} from "../../core/dispatch/index.ts";
import type { AssignmentFacts } from "../../prisma/repositories/supervisor-actions.ts";

/** Whether dispatch would give the officer one of the request's open positions, and which. */
export type AssignmentCheck =
  | { kind: "no_open_position" }
  | {
      kind: "checked";
      positionId: string;
      positionIndex: number;
      positionRank: AssignmentFacts["openPositions"][number]["rank"];
      eligibility: Eligibility;
    };

/** Why dispatch would not offer the shift, as a supervisor reads it in the assign modal. */
export const INELIGIBLE_WORDS: Record<IneligibleReason, string> = {
  inactive: "the officer is inactive on the roster",
  rank: "no open position is at or below the officer's rank",
  community_service_officer: "a community service officer may not fill this position",
  vehicle: "the position needs a police car and the officer has none assigned",
  vehicle_resident: "the position needs a police car and only officers living in the city may bring one",
  overlap: "the shift overlaps the officer's other duty",
  rest: "too little rest between this and another off-duty shift",
  cap_24h: "over the agency's cap on hours worked in 24 hours",
  cap_7d: "over the agency's cap on off-duty hours in 7 days",
};

/**
 * The same question a broadcast wave asks (core/dispatch checkEligibility), for each open position
 * the officer might take: a position of their own rank first, then the rest by index. The first
 * eligible one wins; when none is, the preferred position's refusal explains why.
 */
export function checkAssignment(facts: AssignmentFacts, agency: AgencyConfig): AssignmentCheck {
  const { officer, request } = facts;
  const positions = [...facts.openPositions].sort(
    (a, b) => Number(b.rank === officer.rank) - Number(a.rank === officer.rank) || a.index - b.index,
  );
  const { candidate } = facts;
  let first: AssignmentCheck | null = null;
  for (const position of positions) {
    const shift = describeShiftToFill(
      { start: request.start.getTime(), end: request.end.getTime(), vehicles: request.vehicles, eventType: request.eventType },
      position,
      agency,
    );
    const check: AssignmentCheck = {
      kind: "checked",
      positionId: position.id,
      positionIndex: position.index,
      positionRank: position.rank,
      eligibility: checkEligibility(candidate, shift, agency.dispatch),
    };
    if (check.eligibility.eligible) return check;
    first ??= check;
  }
  return first ?? { kind: "no_open_position" };
}

/** One line for the modal: eligible for which position, or why not. */
export function describeAssignmentCheck(check: AssignmentCheck): string {
  if (check.kind === "no_open_position") return ":no_entry: No position of this request is open.";
  const position = `position ${check.positionIndex} (${check.positionRank})`;
  return check.eligibility.eligible
    ? `:white_check_mark: Eligible for ${position}.`
    : `:warning: Not eligible for ${position}: ${INELIGIBLE_WORDS[check.eligibility.reason]}. To assign anyway, give a reason below; it goes into the audit trail.`;
}
