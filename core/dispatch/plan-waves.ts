import type { DispatchSettings } from "../agencies/index.ts";
import { MS_PER_MINUTE } from "../time/index.ts";

/** One wave of offers: `wave` counts from 0, `delayMs` is milliseconds after dispatch starts. */
export interface Wave<T> {
  wave: number;
  delayMs: number;
  members: T[];
}

/**
 * Splits an ordered list into waves of `waveSize`, keeping the order, each with its delay in ms
 * (wave i at i × waveIntervalMinutes, so wave 0 goes out at once). Only the last wave may be short;
 * an empty list gives no waves.
 */
export function planWaves<T>(ordered: T[], settings: DispatchSettings): Wave<T>[] {
  const { waveSize, waveIntervalMinutes } = settings;
  // The schema guarantees this; a zero size would loop forever, so it is checked, not trusted.
  if (!Number.isInteger(waveSize) || waveSize < 1) throw new RangeError("waveSize must be an integer ≥ 1");
  const waves: Wave<T>[] = [];
  for (let i = 0; i * waveSize < ordered.length; i++) {
    waves.push({
      wave: i,
      delayMs: i * waveIntervalMinutes * MS_PER_MINUTE,
      members: ordered.slice(i * waveSize, (i + 1) * waveSize),
    });
  }
  return waves;
}
