import type { LocalClock } from "./offer-availability.ts";

/** PAUSE / RESUME / QUIET: an officer's own switches for shift offers. */
export type AvailabilityCommand =
  /** `days`: whole days from now; null = until RESUME. */
  | { kind: "pause"; days: number | null }
  | { kind: "resume" }
  /** Both null = QUIET OFF. */
  | { kind: "quiet_hours"; start: LocalClock | null; end: LocalClock | null }
  /** The verb was right but what followed was not understood: the reply shows the forms. */
  | { kind: "availability_usage"; verb: "pause" | "quiet" };

/** The longest PAUSE <days>: beyond a season the roster should mark the officer inactive instead. */
export const MAX_PAUSE_DAYS = 90;

/**
 * Reads `PAUSE`, `PAUSE 3`, `PAUSE 3 days`, `RESUME`, `QUIET 22-07`, `QUIET 10pm-7am`,
 * `QUIET 22:30-6:00`, `QUIET OFF`; null when the verb is none of them. Bare hours without am/pm
 * are 24-hour clock times ("QUIET 22-07").
 */
export function parseAvailabilityCommand(verb: string, rest: string): AvailabilityCommand | null {
  const args = rest.trim().toLowerCase();
  if (verb === "RESUME" || verb === "UNPAUSE") return { kind: "resume" };
  if (verb === "PAUSE") {
    if (args === "") return { kind: "pause", days: null };
    const match = /^(\d{1,3})\s*(d|day|days)?\.?$/.exec(args);
    const days = match ? Number(match[1]) : Number.NaN;
    return days >= 1 && days <= MAX_PAUSE_DAYS ? { kind: "pause", days } : { kind: "availability_usage", verb: "pause" };
  }
  if (verb === "QUIET") {
    if (args === "off" || args === "none") return { kind: "quiet_hours", start: null, end: null };
    const [from, to, ...more] = args.split(/\s*(?:-|–|—|\bto\b)\s*/);
    const start = readClock(from ?? "");
    const end = readClock(to ?? "");
    if (more.length > 0 || start === null || end === null || start === end) return { kind: "availability_usage", verb: "quiet" };
    return { kind: "quiet_hours", start, end };
  }
  return null;
}

/** "22", "2200", "22:00", "10pm", "10:30 pm", "7a" → "HH:MM"; null when it is no clock time. */
function readClock(text: string): LocalClock | null {
  const match = /^(\d{1,2})(?::?(\d{2}))?\s*(am|pm|a|p)?\.?$/.exec(text.trim().replace(/\./g, ""));
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = Number(match[2] ?? "0");
  const half = match[3]?.[0];
  if (minute > 59) return null;
  if (half) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half === "p" ? 12 : 0);
  } else if (hour > 23) {
    return null;
  }
  return `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
}
