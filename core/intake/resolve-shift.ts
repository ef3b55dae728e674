import { DateTime } from "luxon";
import { resolveTimeZone } from "../time/index.ts";
import type { Slots } from "./slots.ts";

export type ShiftResolution =
  | { kind: "ok"; start: string; end: string }
  | { kind: "incomplete" }
  | { kind: "too_long" };

const MAX_SHIFT_MINUTES = 24 * 60;

/**
 * Turns the local date and times the customer gave into instants in the agency's zone. An end
 * time at or before the start is on the next day ("6pm until 2" ends at 2 am).
 */
export function resolveShift(slots: Slots, timeZone: string): ShiftResolution {
  if (!slots.date || !slots.startTime || (!slots.endTime && slots.durationMinutes === null)) {
    return { kind: "incomplete" };
  }
  const zone = resolveTimeZone(timeZone);
  const start = DateTime.fromISO(`${slots.date}T${slots.startTime}`, { zone });
  if (!start.isValid) return { kind: "incomplete" };
  let end: DateTime;
  if (slots.endTime) {
    end = DateTime.fromISO(`${slots.date}T${slots.endTime}`, { zone });
    if (end <= start) end = end.plus({ days: 1 });
  } else {
    end = start.plus({ minutes: slots.durationMinutes ?? 0 });
  }
  if (!end.isValid || end <= start) return { kind: "incomplete" };
  if (end.diff(start, "minutes").minutes > MAX_SHIFT_MINUTES) return { kind: "too_long" };
  return { kind: "ok", start: start.toISO({ suppressMilliseconds: true })!, end: end.toISO({ suppressMilliseconds: true })! };
}
