import { DateTime } from "luxon";
import type { LocalClock } from "./offer-availability.ts";
import { formatLocalInstant } from "./officer-replies.ts";

/** "10:00 PM" for a stored "22:00": officers read 12-hour times. */
export function formatClock(clock: LocalClock): string {
  return DateTime.fromFormat(clock, "HH:mm", { zone: "UTC" }).toFormat("h:mm a");
}

/** The reply to PAUSE; `until` (epoch ms) is null for a pause until RESUME. */
export function describePause(until: number | null, zone: string): string {
  return until === null
    ? "Offers paused until you text RESUME. Shifts you already hold are unchanged."
    : `Offers paused until ${formatLocalInstant(until, zone)}. Text RESUME to get them sooner. Shifts you already hold are unchanged.`;
}

/** The reply to RESUME, reminding the officer of quiet hours that still hold back texts. */
export function describeResume(quiet: { start: LocalClock; end: LocalClock } | null): string {
  const still = quiet ? ` Your quiet hours (${formatClock(quiet.start)} to ${formatClock(quiet.end)}) still apply.` : "";
  return `Welcome back: you will get shift offers again.${still}`;
}

/** The reply to QUIET <from>-<to> or QUIET OFF (both null). */
export function describeQuietHours(start: LocalClock | null, end: LocalClock | null): string {
  if (start === null || end === null) return "Quiet hours cleared: offers may be texted at any time of day.";
  return `Quiet hours set: no offer texts between ${formatClock(start)} and ${formatClock(end)} local time. Text QUIET OFF to clear them.`;
}

/** The reply to a PAUSE or QUIET that could not be read. */
export function describeAvailabilityUsage(verb: "pause" | "quiet"): string {
  return verb === "pause"
    ? "To stop offers, text PAUSE (until you text RESUME) or PAUSE 3 for 3 days (up to 90)."
    : "To set quiet hours, text e.g. QUIET 22-07 or QUIET 10pm-7am; QUIET OFF clears them.";
}
