import { MS_PER_MINUTE } from "../time/index.ts";

/**
 * When an offer sent at `sentAt` lapses (epoch ms): `offerExpiryMinutes` later, and never after
 * the shift's start, since a shift not yet begun must be taken before it begins. An offer sent
 * once the shift has begun (a no-show's refill) lapses at the shift's end at the latest instead:
 * capping it at the start would make it lapse before it is sent.
 */
export function findOfferDeadline(
  sentAt: number,
  shift: { start: number; end: number },
  offerExpiryMinutes: number,
): number {
  const byExpiry = sentAt + offerExpiryMinutes * MS_PER_MINUTE;
  return Math.min(byExpiry, sentAt < shift.start ? shift.start : shift.end);
}
