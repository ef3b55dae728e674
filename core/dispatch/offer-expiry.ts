import type { DispatchSettings } from "../agencies/index.ts";
import { findOfferDeadline } from "../staffing/index.ts";

/**
 * The instant (epoch ms) from which a YES to an offer is too late: its recorded `expiresAt`, or,
 * for an offer recorded without one, the deadline the wave gives offers (core/staffing
 * findOfferDeadline: `offerExpiryMinutes` after sending). Either way never past the shift's start
 * for an offer sent before it (a shift cannot be taken once it began), nor past its end for a
 * refill offered during it.
 */
export function findOfferExpiry(
  offer: { sentAt: number; expiresAt: number | null },
  shift: { start: number; end: number },
  settings: Pick<DispatchSettings, "offerExpiryMinutes">,
): number {
  const deadline = findOfferDeadline(offer.sentAt, shift, settings.offerExpiryMinutes);
  if (offer.expiresAt === null) return deadline;
  const latest = offer.sentAt < shift.start ? shift.start : shift.end;
  return Math.min(offer.expiresAt, latest);
}
