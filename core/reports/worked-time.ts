import { MS_PER_MINUTE } from "../time/index.ts";
import type { ShiftFact } from "./report-facts.ts";

/**
 * The span an officer actually worked: check-in to check-out. One still checked in counts to the
 * scheduled end (as invoices price a missing check-out); null when nobody checked in.
 */
export function workedSpan(shift: ShiftFact): { start: number; end: number } | null {
  if (shift.checkedInAt === null) return null;
  if (shift.status !== "checked_in" && shift.status !== "checked_out") return null;
  const end = shift.checkedOutAt ?? Math.max(shift.end, shift.checkedInAt);
  return { start: shift.checkedInAt, end };
}

/** Whole minutes worked (rounded down), 0 when not worked. */
export function workedMinutes(shift: ShiftFact): number {
  const span = workedSpan(shift);
  return span ? Math.floor((span.end - span.start) / MS_PER_MINUTE) : 0;
}

/** The span a shift occupies for the fatigue caps: what was worked, else what is scheduled. */
export function occupiedSpan(shift: ShiftFact): { start: number; end: number } {
  return workedSpan(shift) ?? { start: shift.start, end: shift.end };
}

/** Minutes as hours with two decimals, "7.50": how CSV cells carry hours. */
export function formatHours(minutes: number): string {
  return (minutes / 60).toFixed(2);
}
