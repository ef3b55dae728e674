import type { AgencyConfig } from "../agencies/index.ts";
import { assignPositions } from "../agencies/index.ts";
import { type Cents, sumCents, ZERO_CENTS } from "../money/index.ts";
import type { CancellationRequest } from "../requests/index.ts";
import { measureLeadTimeMs } from "../requests/index.ts";
import { MINUTES_PER_DAY, MS_PER_MINUTE, parseValidatedIsoInstant } from "../time/index.ts";
import { computeBillableMinutes } from "./billable-interval.ts";
import { isEmergencyLeadTime } from "./lead-time-rules.ts";
import { priceAdminFeeLine, priceLaborLines } from "./price-lines.ts";
import type { AdminFeeLine, LaborLine } from "./quote-lines.ts";

/** What a cancellation costs (policy.md "Cancellation contract"); `feeCents` is the sum of lines. */
export interface CancellationFee {
  feeCents: Cents;
  lines: (LaborLine | AdminFeeLine)[];
}

/** Which branch of the cancellation policy applies. */
export type CancellationCase = "not_approved" | "before_window" | "within_window";

/**
 * The branch: nothing to pay before approval; the admin fee alone when cancelled before
 * start − cancellationWindow; labor plus admin fee when cancelled at or after that instant.
 */
export function classifyCancellation(request: CancellationRequest, agency: AgencyConfig): CancellationCase {
  if (request.approvedAt === null) return "not_approved";
  const windowOpensMs =
    parseValidatedIsoInstant(request.start) - agency.cancellationWindowMinutes * MS_PER_MINUTE;
  return parseValidatedIsoInstant(request.cancelledAt) < windowOpensMs ? "before_window" : "within_window";
}

/**
 * The cancellation fee of an approved request.
 *
 * Admin fee ("for the first 24 hours of the original assignment") = admin rate × positions ×
 * min(24 h, billable minutes of the original request), where the billable minutes are the
 * quote's (vehicle extension and minimum included). Agencies without an admin fee charge 0.
 *
 * Within the window, every position is also paid labor over [start, start + max(minutesWorked,
 * minimum)), priced minute by minute as in a quote: same ranks, holiday minutes, and emergency
 * rates when the original lead time was an emergency. No vehicle extension, no vehicle charge.
 * A fractional minutesWorked is rounded up: a started minute is billed.
 */
export function computeCancellationFee(request: CancellationRequest, agency: AgencyConfig): CancellationFee {
  if (request.agency !== agency.id) {
    throw new Error(`computeCancellationFee: request is for ${request.agency}, agency is ${agency.id}`);
  }
  const cancellationCase = classifyCancellation(request, agency);
  if (cancellationCase === "not_approved") return { feeCents: ZERO_CENTS, lines: [] };

  const startMs = parseValidatedIsoInstant(request.start);
  const endMs = parseValidatedIsoInstant(request.end);
  const billableMinutes = computeBillableMinutes(agency, startMs, endMs, request.vehicles);
  const lines: (LaborLine | AdminFeeLine)[] = [];
  if (cancellationCase === "within_window") {
    lines.push(
      ...priceLaborLines(agency, {
        positions: assignPositions(request.officers, agency),
        category: request.category,
        startMs,
        minutes: Math.max(Math.ceil(request.minutesWorked), agency.minimumMinutes),
        emergency: isEmergencyLeadTime(agency, measureLeadTimeMs(request, startMs)),
      }),
    );
  }
  const adminFeeLine = priceAdminFeeLine(
    agency,
    request.officers * Math.min(MINUTES_PER_DAY, billableMinutes),
  );
  if (adminFeeLine) lines.push(adminFeeLine);
  return { feeCents: sumCents(lines.map((line) => line.amountCents)), lines };
}
