import { DateTime } from "luxon";
import { APPROVERS, type AgencyConfig, type Approver, type StaffRole } from "../../core/agencies/index.ts";
import type { PrismaClient } from "../../prisma/client.ts";
import { ApprovalRepository } from "../../prisma/repositories/approval-repository.ts";
import { recordCustomerNotice } from "../../prisma/repositories/customer-notice.ts";
import type { QueueSet } from "../../workers/queue-set.ts";
import { CUSTOMER_NOTICES, pickLanguage } from "./customer-notice-texts.ts";
import { authorizeStaffAction, isRowId } from "./staff-authority.ts";

export interface DecisionDeps {
  prisma: PrismaClient;
  getAgency(id: string): AgencyConfig | undefined;
  queues: Pick<QueueSet, "syncRequestCard" | "postRequestNotice" | "enqueueBroadcastWave" | "deliverToCustomer">;
}

/** What the clicker is told; `text` is null when the card itself shows the outcome. */
export type DecisionReply = { changed: boolean; text: string | null };

const ROLE_NAMES: Record<Approver, string> = { supervisor: "a supervisor", chief: "the chief's designee" };

const ACTION_OF_DECISION = { approved: "approve", denied: "deny", ask: "ask" } as const;

const isApprover = (role: StaffRole): role is Approver => (APPROVERS as readonly string[]).includes(role);

/**
 * Which pending approval a click of this user decides: the chief's designee signs the chief's
 * approval first; a supervisor signs the supervisor's. Null when none of theirs is pending.
 */
export function chooseApprovalRole(roles: readonly Approver[], pending: readonly Approver[]): Approver | null {
  if (roles.includes("chief") && pending.includes("chief")) return "chief";
  if (roles.includes("supervisor") && pending.includes("supervisor")) return "supervisor";
  return null;
}

/**
 * Whether this user may decide this request now, and in which role; or why not. Who may is the
 * role matrix's answer at the request's own agency (staff-authority.ts).
 */
export async function checkDecisionRight(
  deps: DecisionDeps,
  requestId: string,
  userId: string,
  decision: "approved" | "denied" | "ask",
): Promise<{ kind: "allowed"; role: Approver; number: number; agency: AgencyConfig } | { kind: "refused"; text: string; stale: boolean }> {
  const request = isRowId(requestId)
    ? await deps.prisma.request.findUnique({ where: { id: requestId }, include: { approvals: true } })
    : null;
  const agency = request ? deps.getAgency(request.agencyId) : undefined;
  if (!request || !agency) {
    return { kind: "refused", text: "This card's request no longer exists. Nothing was changed.", stale: isRowId(requestId) };
  }
  const authority = authorizeStaffAction(agency, userId, ACTION_OF_DECISION[decision]);
  if (authority.kind === "refused") return { kind: "refused", text: authority.text, stale: false };
  const roles = authority.roles.filter(isApprover);
  if (request.status !== "pending_approval") {
    return {
      kind: "refused",
      text: `Request #${request.number} is already ${request.status.replace(/_/g, " ")}. Nothing was changed.`,
      stale: true,
    };
  }
  const pending = request.approvals
    .filter((a) => a.decision === "pending" || a.decision === "escalated")
    .map((a) => a.role);
  // Asking a question or denying needs any approver role; approving needs the role still pending.
  const role = decision === "approved" ? chooseApprovalRole(roles, pending) : (chooseApprovalRole(roles, pending) ?? roles[0] ?? null);
  if (!role) {
    const waitingFor = pending.map((r) => ROLE_NAMES[r]).join(" and ");
    return {
      kind: "refused",
      text: `Request #${request.number} is waiting for ${waitingFor || "nobody"}; your approval is not the one needed. Nothing was changed.`,
      stale: false,
    };
  }
  return { kind: "allowed", role, number: request.number, agency };
}

/**
 * An approve or deny from the card: authorised, recorded once (a second click changes nothing),
 * then the card refresh, the customer's notice and the first wave of offers are queued.
 */
export async function decideRequest(
  deps: DecisionDeps,
  input: { requestId: string; userId: string; decision: "approved" | "denied"; reason: string | null; at: Date },
): Promise<DecisionReply> {
  const right = await checkDecisionRight(deps, input.requestId, input.userId, input.decision);
  if (right.kind === "refused") {
    if (right.stale) await deps.queues.syncRequestCard(input.requestId, `stale-${input.at.getTime()}`);
    return { changed: false, text: right.text };
  }
  const outcome = await new ApprovalRepository(deps.prisma).decide({
    requestId: input.requestId,
    role: right.role,
    decision: input.decision,
    by: input.userId,
    reason: input.reason,
    at: input.at,
  });
  const key = `${right.role}-${input.decision}`;
  switch (outcome.kind) {
    case "not_found":
      return { changed: false, text: "This request has no approval waiting. Nothing was changed." };
    case "already_decided": {
      const when = outcome.decidedAt
        ? ` at ${DateTime.fromJSDate(outcome.decidedAt, { zone: right.agency.timeZone }).toFormat("ccc LLL d h:mm a")}`
        : "";
      await deps.queues.syncRequestCard(input.requestId, `stale-${input.at.getTime()}`);
      return {
        changed: false,
        text: `Request #${right.number} was already ${outcome.decision}${outcome.decidedBy ? ` by <@${outcome.decidedBy}>` : ""}${when}. Nothing was changed.`,
      };
    }
    case "waiting":
      await deps.queues.syncRequestCard(input.requestId, key);
      await deps.queues.postRequestNotice(
        input.requestId,
        key,
        `<@${input.userId}> approved as ${ROLE_NAMES[right.role]}. Still needed: ${outcome.pendingRoles
          .map((r) => {
            const ids = r === "chief" ? right.agency.slack.chiefDesignees : right.agency.slack.supervisors;
            return `${ROLE_NAMES[r as Approver]} (${ids.map((id) => `<@${id}>`).join(", ")})`;
          })
          .join(", ")}.`,
      );
      return { changed: true, text: null };
    case "approved":
      await deps.queues.syncRequestCard(input.requestId, key);
      await deps.queues.enqueueBroadcastWave(input.requestId, 0, 0);
      await notifyCustomer(deps, input.requestId, key, (t, n) => t.approved(n));
      return { changed: true, text: null };
    case "denied":
      await deps.queues.syncRequestCard(input.requestId, key);
      await notifyCustomer(deps, input.requestId, key, (t, n) => t.denied(n, input.reason ?? ""));
      return { changed: true, text: null };
  }
}

/** Sends a Slack-originated message to the request's customer, once per key. */
export async function notifyCustomer(
  deps: DecisionDeps,
  requestId: string,
  key: string,
  compose: (texts: (typeof CUSTOMER_NOTICES)["en"], number: number) => string,
): Promise<boolean> {
  const request = await deps.prisma.request.findUnique({
    where: { id: requestId },
    include: { conversation: { select: { language: true } } },
  });
  if (!request?.conversationId) return false;
  const texts = CUSTOMER_NOTICES[pickLanguage(request.conversation?.language)];
  const recorded = await recordCustomerNotice(deps.prisma, {
    conversationId: request.conversationId,
    body: compose(texts, request.number),
    marker: { action: `customer_notice.${key}`, entityType: "Request", entityId: requestId },
  });
  if (recorded) await deps.queues.deliverToCustomer(recorded.conversationId, recorded.channel, `notice-${requestId}-${key}`);
  return recorded !== null;
}
