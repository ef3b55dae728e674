/** Milliseconds in one minute. */
export const MS_PER_MINUTE = 60_000;
/** Milliseconds in one hour. */
export const MS_PER_HOUR = 3_600_000;
/** Minutes in one day (24 hours of elapsed time, not a calendar day). */
export const MINUTES_PER_DAY = 1_440;

/** floor(a / b) for integers with b > 0, exact (no float rounding near integers). */
export function divideFloor(a: number, b: number): number {
  const remainder = ((a % b) + b) % b;
  return (a - remainder) / b;
}

/** ceil(a / b) for integers with b > 0, exact. */
export function divideCeil(a: number, b: number): number {
  return -divideFloor(-a, b);
}
