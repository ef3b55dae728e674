import { DateTime } from "luxon";
import type { DispatchSettings, Rank } from "../agencies/index.ts";
import type { IneligibleReason } from "../dispatch/index.ts";

/** Why a YES could not be honoured; instants are epoch ms. */
export type AcceptRefusal =
  | { kind: "cancelled"; requestNumber: number }
  | { kind: "completed"; requestNumber: number }
  | { kind: "filled"; requestNumber: number }
  /** The officer already holds a position of this request (a repeated YES). */
  | { kind: "already_yours"; requestNumber: number }
  /** Only positions of a higher rank than the officer's are still open. */
  | { kind: "needs_rank"; requestNumber: number; rank: Rank }
  | { kind: "expired"; requestNumber: number; expiredAt: number }
  | { kind: "ineligible"; requestNumber: number; reason: IneligibleReason; city: string };

/** "5:00 PM on Sat Dec 20" in the agency's time zone: officers read local wall-clock time. */
export function formatLocalInstant(at: number, zone: string): string {
  return DateTime.fromMillis(at, { zone }).toFormat("h:mm a 'on' ccc LLL d");
}

const RANK_NAMES: Record<Rank, string> = { officer: "an officer", sergeant: "a sergeant", commander: "a commander" };

/**
 * The reply to a YES that cannot be honoured: what happened, so an officer is never told "filled"
 * about a cancelled request or a rule they break. Settings give the caps' figures.
 */
export function describeAcceptRefusal(
  refusal: AcceptRefusal,
  zone: string,
  settings: Pick<DispatchSettings, "minRestHours" | "maxHoursPer24h" | "maxHoursPer7d">,
): string {
  const n = refusal.requestNumber;
  switch (refusal.kind) {
    case "cancelled":
      return `Request #${n} was cancelled. Thank you for answering.`;
    case "completed":
      return `Request #${n} is already over. Thank you for answering.`;
    case "filled":
      return "Sorry, that shift has already been filled. Thank you for answering.";
    case "already_yours":
      return `You already have a position on #${n}. Reply SHIFTS for your shifts.`;
    case "needs_rank":
      return `The open position on #${n} needs ${RANK_NAMES[refusal.rank]}.`;
    case "expired":
      return `Sorry, that offer expired at ${formatLocalInstant(refusal.expiredAt, zone)}. Thank you for answering.`;
    case "ineligible":
      return `Sorry, you can't take #${n}: ${describeIneligible(refusal.reason, refusal.city, settings)}.`;
  }
}

function describeIneligible(
  reason: IneligibleReason,
  city: string,
  settings: Pick<DispatchSettings, "minRestHours" | "maxHoursPer24h" | "maxHoursPer7d">,
): string {
  switch (reason) {
    case "overlap":
      return "you already hold a shift at that time";
    case "rest":
      return `it would leave you less than ${settings.minRestHours} hours of rest between off-duty shifts`;
    case "cap_24h":
      return `it would put you over ${settings.maxHoursPer24h} hours of work in 24 hours`;
    case "cap_7d":
      return `it would put you over ${settings.maxHoursPer7d} off-duty hours in 7 days`;
    case "rank":
      return "it needs a higher rank";
    case "vehicle":
      return "it needs an officer with an assigned police car";
    case "vehicle_resident":
      return `a police car may be used only by an officer who lives in ${city} and has an assigned car`;
    case "community_service_officer":
      return "community service officers may fill only traffic-control positions the agency opens to them";
    case "inactive":
      return "your roster entry is not active";
  }
}
