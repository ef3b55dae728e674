import type { AgencyConfig, Language } from "../agencies/index.ts";
import { formatHours } from "./explain-quote.ts";
import { formatLocalDate, formatLocalTime } from "./format.ts";
import { countNoun } from "./plural.ts";
import type { Slots } from "./slots.ts";

/**
 * What the draft holds of the when, where and how many, in one phrase ("Sat Dec 19, 7:00 PM to
 * 12:00 AM at 1500 N Stone Ave, 2 officers"), for the bot to say after a dispatcher hands back:
 * the customer hears that what they told the dispatcher was kept. Empty when none is known.
 */
export function describeKnownDraft(slots: Slots, agency: AgencyConfig, language: Language): string {
  const es = language === "es";
  const date = slots.date ? formatLocalDate(slots.date, agency.timeZone, language) : "";
  const when = [date, describeTimes(slots, language)].filter((part) => part.length > 0).join(", ");
  const where = slots.address ? `${es ? "en" : "at"} ${slots.address.line1}` : "";
  const head = [when, where].filter((part) => part.length > 0).join(" ");
  const officers = slots.officers !== null ? countNoun(slots.officers, "officer", language) : "";
  const job = slots.jobWords ?? slots.eventType ?? "";
  return [head, officers, job].filter((part) => part.length > 0).join(", ");
}

function describeTimes(slots: Slots, language: Language): string {
  if (!slots.startTime) return "";
  const es = language === "es";
  const start = formatLocalTime(slots.startTime, language);
  if (slots.endTime) return `${start} ${es ? "a" : "to"} ${formatLocalTime(slots.endTime, language)}`;
  const from = `${es ? "desde las" : "from"} ${start}`;
  return slots.durationMinutes !== null ? `${from}, ${formatHours(slots.durationMinutes, language)}` : from;
}
