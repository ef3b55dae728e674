import { DateTime } from "luxon";

/** Local wall-clock time of day, "HH:MM" (24 h), as quiet hours are stored. */
export type LocalClock = string;

/** An officer's own offer settings (PAUSE, QUIET); instants are epoch ms. */
export interface OfferSettings {
  /** When the officer texted PAUSE; null = not paused. */
  offersPausedAt: number | null;
  /** End of a `PAUSE <days>`; null with a pause = until RESUME. */
  offersPausedUntil: number | null;
  /** Quiet hours, local "HH:MM"; both null = none. A start after the end runs across midnight. */
  quietHoursStart: LocalClock | null;
  quietHoursEnd: LocalClock | null;
}

export type OfferAvailability =
  | { kind: "available" }
  /** `until`: epoch ms the pause ends, null = until RESUME. */
  | { kind: "paused"; until: number | null }
  /** Inside the officer's quiet hours; they may be offered again from `endsAt` (epoch ms). */
  | { kind: "quiet_hours"; endsAt: number };

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after local midnight of an "HH:MM", or null when it is not one. */
export function readClockMinutes(clock: string): number | null {
  const match = CLOCK.exec(clock);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/**
 * Whether an officer may be texted a new offer at `now` in the agency's `zone`. A pause whose end
 * has passed counts for nothing (no job has to clear it). Quiet hours compare the local wall-clock
 * time, so they mean the same hours on both sides of a DST change; a window whose start is after
 * its end (22:00–07:00) runs across midnight. A pause wins over quiet hours: it lasts longer.
 */
export function checkOfferAvailability(settings: OfferSettings, now: number, zone: string): OfferAvailability {
  if (settings.offersPausedAt !== null && (settings.offersPausedUntil === null || settings.offersPausedUntil > now)) {
    return { kind: "paused", until: settings.offersPausedUntil };
  }
  const start = readClockMinutes(settings.quietHoursStart ?? "");
  const end = readClockMinutes(settings.quietHoursEnd ?? "");
  if (start === null || end === null || start === end) return { kind: "available" };
  const local = DateTime.fromMillis(now, { zone });
  const minute = local.hour * 60 + local.minute;
  const quiet = start < end ? minute >= start && minute < end : minute >= start || minute < end;
  if (!quiet) return { kind: "available" };
  return { kind: "quiet_hours", endsAt: findQuietEnd(local, end) };
}

/**
 * The next instant at the local `end` clock after `local`: today's when it is still ahead, else
 * tomorrow's. Luxon moves a time that a spring-forward skips to the first valid instant after it.
 */
function findQuietEnd(local: DateTime, endMinutes: number): number {
  const today = local.startOf("day").set({ hour: Math.floor(endMinutes / 60), minute: endMinutes % 60 });
  return (today > local ? today : today.plus({ days: 1 })).toMillis();
}

/** When a `PAUSE <days>` sent at `at` ends: the same local clock time `days` calendar days later. */
export function findPauseEnd(at: number, days: number, zone: string): number {
  return DateTime.fromMillis(at, { zone }).plus({ days }).toMillis();
}
