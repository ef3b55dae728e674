import type { ViewOutput } from "@slack/bolt";
import { DateTime } from "luxon";
import { CATEGORIES, type Category } from "../../core/agencies/index.ts";
import { MAX_OFFICERS, MAX_REQUEST_HOURS } from "../../core/requests/index.ts";
import { EDIT_INPUT } from "./render-edit-modal.ts";

export type EditModalInput =
  | { kind: "ok"; officers: number; start: Date; end: Date; category: Category }
  /** Messages by block id, for Slack's `response_action: "errors"`. */
  | { kind: "errors"; errors: Record<string, string> };

/**
 * The edit modal's values, checked: a whole officer count, a real local date and times in the
 * agency's zone (an end at or before the start is the next day), at most 24 hours, starting in
 * the future, and one of the rate columns. Anything else is an error under its input.
 */
export function readEditModal(view: ViewOutput, timeZone: string, now: Date): EditModalInput {
  const values = view.state.values;
  const read = (block: string) => values[block]?.[EDIT_INPUT.action];
  const errors: Record<string, string> = {};

  const officersText = read(EDIT_INPUT.officers)?.value?.trim() ?? "";
  const officers = /^\d{1,3}$/.test(officersText) ? Number(officersText) : Number.NaN;
  if (!Number.isInteger(officers) || officers < 1 || officers > MAX_OFFICERS) {
    errors[EDIT_INPUT.officers] = `Enter a whole number of officers from 1 to ${MAX_OFFICERS}.`;
  }
  const date = read(EDIT_INPUT.date)?.selected_date ?? "";
  const startTime = read(EDIT_INPUT.start)?.selected_time ?? "";
  const endTime = read(EDIT_INPUT.end)?.selected_time ?? "";
  const start = DateTime.fromISO(`${date}T${startTime}`, { zone: timeZone });
  let end = DateTime.fromISO(`${date}T${endTime}`, { zone: timeZone });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !DateTime.fromISO(date).isValid) errors[EDIT_INPUT.date] = "Choose the date of the shift.";
  if (!/^\d{2}:\d{2}$/.test(startTime) || !start.isValid) errors[EDIT_INPUT.start] = "Choose the start time.";
  if (!/^\d{2}:\d{2}$/.test(endTime) || !end.isValid) errors[EDIT_INPUT.end] = "Choose the end time.";
  const category = read(EDIT_INPUT.category)?.selected_option?.value ?? "";
  if (!(CATEGORIES as readonly string[]).includes(category)) errors[EDIT_INPUT.category] = "Choose a rate column.";
  if (Object.keys(errors).length > 0) return { kind: "errors", errors };

  if (end <= start) end = end.plus({ days: 1 });
  if (end.diff(start, "hours").hours > MAX_REQUEST_HOURS) {
    return { kind: "errors", errors: { [EDIT_INPUT.end]: `A shift is at most ${MAX_REQUEST_HOURS} hours.` } };
  }
  if (start.toMillis() <= now.getTime()) {
    return { kind: "errors", errors: { [EDIT_INPUT.date]: "The shift must start in the future." } };
  }
  return { kind: "ok", officers, start: start.toJSDate(), end: end.toJSDate(), category: category as Category };
}
