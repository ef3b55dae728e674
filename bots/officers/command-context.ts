import { DateTime } from "luxon";
import type { AgencyConfig } from "../../core/agencies/index.ts";
import type { InboundMessage } from "../../core/messages/index.ts";
import type { OfficerRef, OfficerSmsDeps } from "./officer-sms-deps.ts";
import { describeRankedOfficer } from "../../core/agencies/index.ts";

/** What every officer command's handler works with. */
export interface CommandContext {
  officer: OfficerRef;
  message: InboundMessage;
  agency: AgencyConfig;
  deps: OfficerSmsDeps;
  /** Customer conversations with news from this command, queued after the reply. */
  alsoNotified: string[];
  /** "Officer Ana Ruiz (#T101)" for staff notices. */
  who: string;
  /** Makes staff notices and sends idempotent per inbound message. */
  key: string;
  /** The supervisors, mentioned where a notice needs one of them to act. */
  mentionSupervisors: string;
}

export function makeCommandContext(
  officer: OfficerRef,
  message: InboundMessage,
  agency: AgencyConfig,
  deps: OfficerSmsDeps,
  alsoNotified: string[],
): CommandContext {
  return {
    officer,
    message,
    agency,
    deps,
    alsoNotified,
    who: describeRankedOfficer(officer),
    key: message.providerId ?? `${officer.id}-${message.receivedAt.getTime()}`,
    mentionSupervisors: agency.slack.supervisors.map((id) => `<@${id}>`).join(" "),
  };
}

/** "Sat Dec 20 6:00 PM–10:00 PM" in the agency's time zone. */
export function formatShift(start: Date, end: Date, zone: string): string {
  const s = DateTime.fromJSDate(start, { zone });
  const e = DateTime.fromJSDate(end, { zone });
  return `${s.toFormat("ccc LLL d h:mm a")}–${e.toFormat("h:mm a")}`;
}

export const askWhich = (codes: string[]) => `You have several: reply with the code too (${codes.join(", ")}).`;
