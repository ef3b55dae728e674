import type { DispatchSettings } from "../agencies/index.ts";
import { MS_PER_MINUTE } from "../time/index.ts";

/** Whether an IN at some instant is accepted; instants are epoch ms. */
export type CheckInWindow =
  | { kind: "open" }
  | { kind: "too_early"; opensAt: number }
  | { kind: "ended"; endedAt: number };

/**
 * IN is accepted from `checkInOpensMinutesBefore` before the shift's start until its end
 * (exclusive): earlier, the officer cannot be on site for it yet (an early IN once put a request in
 * progress two days ahead); after the end there is nothing left to check in to.
 */
export function checkCheckInWindow(
  shift: { start: number; end: number },
  at: number,
  settings: Pick<DispatchSettings, "checkInOpensMinutesBefore">,
): CheckInWindow {
  const opensAt = shift.start - settings.checkInOpensMinutesBefore * MS_PER_MINUTE;
  if (at < opensAt) return { kind: "too_early", opensAt };
  if (at >= shift.end) return { kind: "ended", endedAt: shift.end };
  return { kind: "open" };
}

/**
 * When a checked-in officer who never checked out is checked out by the system: the scheduled
 * end plus `checkOutGraceMinutes` (epoch ms).
 */
export function findAutoCheckOutAt(end: number, settings: Pick<DispatchSettings, "checkOutGraceMinutes">): number {
  return end + settings.checkOutGraceMinutes * MS_PER_MINUTE;
}

/**
 * Whole minutes worked between check-in and check-out, rounded up (a started minute counts, as
 * the invoice bills it), never negative.
 */
export function countMinutesWorked(checkedInAt: number, checkedOutAt: number): number {
  return Math.max(0, Math.ceil((checkedOutAt - checkedInAt) / MS_PER_MINUTE));
}
