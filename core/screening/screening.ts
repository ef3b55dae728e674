import type { Approver, ProhibitedWorkCode } from "../agencies/index.ts";

/** Every reason code screening can give. */
export type ReasonCode =
  | "start_in_past"
  | "late_request"
  | ProhibitedWorkCode
  | "vehicle_requires_approval"
  | "vehicle_outside_city";

/** One reason, with a plain sentence for the customer in their language. Rejects name no approver. */
export type ScreeningReason =
  | { code: ReasonCode; decision: "reject"; approver: null; message: string }
  | { code: ReasonCode; decision: "needs_approval"; approver: Approver; message: string };

/**
 * The screening outcome. Any reject wins (approver null); otherwise any needs_approval, whose
 * approver is the highest any reason needs (chief over supervisor); otherwise allow.
 */
export type Screening =
  | { decision: "allow"; approver: null; reasons: ScreeningReason[] }
  | { decision: "needs_approval"; approver: Approver; reasons: ScreeningReason[] }
  | { decision: "reject"; approver: null; reasons: ScreeningReason[] };

const APPROVER_RANK: Record<Approver, number> = { supervisor: 1, chief: 2 };

/** Combines reasons into a decision; the reasons are kept in the order given. */
export function decideScreening(reasons: ScreeningReason[]): Screening {
  let approver: Approver | null = null;
  for (const reason of reasons) {
    if (reason.decision === "reject") return { decision: "reject", approver: null, reasons };
    if (approver === null || APPROVER_RANK[reason.approver] > APPROVER_RANK[approver])
      approver = reason.approver;
  }
  return approver === null
    ? { decision: "allow", approver: null, reasons }
    : { decision: "needs_approval", approver, reasons };
}
