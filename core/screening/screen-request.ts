import type { AgencyConfig, VehicleRule } from "../agencies/index.ts";
import type { QuoteRequest } from "../requests/index.ts";
import { measureLeadTimeMs } from "../requests/index.ts";
import { assertNever } from "../shared/index.ts";
import { MS_PER_MINUTE, parseValidatedIsoInstant } from "../time/index.ts";
import {
  describeLateRequest,
  describeProhibitedWork,
  describeStartInPast,
  describeVehicleApproval,
  describeVehicleOutsideCity,
} from "./messages.ts";
import { decideScreening, type Screening, type ScreeningReason } from "./screening.ts";

/** The parts of a request screening reads (a quote request or anything shaped like one). */
export type ScreenableRequest = Pick<
  QuoteRequest,
  "start" | "requestedAt" | "vehicles" | "address" | "flags" | "language"
>;

/**
 * Screens a validated request against the agency's rules. Reasons come in a fixed order:
 * lead time, prohibited work (agency order), vehicle rules (agency order).
 *
 * A start at or before requestedAt gives exactly one reason, `start_in_past` (reject), and
 * nothing else (policy.md). Lead-time rules need requestedAt; without it they are skipped.
 * Thresholds are strict: "under 72 hours" is leadTime < 72 h. `leadTimeMs` may be passed by a
 * caller that already measured it (the quote does, to read each instant once).
 */
export function screenRequest(
  request: ScreenableRequest,
  agency: AgencyConfig,
  leadTimeMs: number | null = measureLeadTimeMs(request, parseValidatedIsoInstant(request.start)),
): Screening {
  const language = request.language;
  if (leadTimeMs !== null && leadTimeMs <= 0) {
    return decideScreening([
      { code: "start_in_past", decision: "reject", approver: null, message: describeStartInPast(language) },
    ]);
  }
  const reasons: ScreeningReason[] = [];
  const lateRequest = agency.leadTime.lateRequest;
  if (lateRequest && leadTimeMs !== null && leadTimeMs < lateRequest.belowMinutes * MS_PER_MINUTE) {
    reasons.push({
      code: "late_request",
      decision: "needs_approval",
      approver: lateRequest.approver,
      message: describeLateRequest(lateRequest.belowMinutes, lateRequest.approver, language),
    });
  }
  for (const rule of agency.prohibitedWork) {
    if (!request.flags[rule.flag]) continue;
    reasons.push(
      rule.decision === "reject"
        ? {
            code: rule.code,
            decision: "reject",
            approver: null,
            message: describeProhibitedWork(rule.code, rule, language),
          }
        : {
            code: rule.code,
            decision: "needs_approval",
            approver: rule.approver,
            message: describeProhibitedWork(rule.code, rule, language),
          },
    );
  }
  if (request.vehicles > 0) {
    for (const rule of agency.vehicleRules) {
      const reason = applyVehicleRule(rule, request);
      if (reason) reasons.push(reason);
    }
  }
  return decideScreening(reasons);
}

function applyVehicleRule(rule: VehicleRule, request: ScreenableRequest): ScreeningReason | null {
  switch (rule.code) {
    case "vehicle_requires_approval":
      return {
        code: rule.code,
        decision: "needs_approval",
        approver: rule.approver,
        message: describeVehicleApproval(rule.approver, request.language),
      };
    case "vehicle_outside_city": {
      // No address yet (a quote may come before one is given): nothing to check against.
      const address = request.address;
      if (!address || normalizeCity(address.city) === normalizeCity(rule.city)) return null;
      return {
        code: rule.code,
        decision: "reject",
        approver: null,
        message: describeVehicleOutsideCity(rule.city, address.city.trim(), request.language),
      };
    }
    default:
      return assertNever(rule, "vehicle rule");
  }
}

/** City names compare trimmed, case-insensitively, with runs of spaces as one. */
function normalizeCity(city: string): string {
  return city.trim().replace(/\s+/g, " ").toLowerCase();
}
