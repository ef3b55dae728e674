import type { DispatchSettings } from "../agencies/index.ts";
import { MS_PER_HOUR } from "../time/index.ts";

/**
 * Whether a DROP at `at` comes too late to release the shift by text: from
 * `callOffDeadlineHours` before the start the supervisor must find cover, so the officer calls them.
 */
export function isPastCallOffDeadline(
  start: number,
  at: number,
  settings: Pick<DispatchSettings, "callOffDeadlineHours">,
): boolean {
  return at >= start - settings.callOffDeadlineHours * MS_PER_HOUR;
}
