import { DateTime } from "luxon";
import { resolveTimeZone } from "../time/index.ts";
import { type Language, rankTitle } from "../agencies/index.ts";
import { formatShift } from "./format.ts";
import type { CustomerRequestView, IntakeContext, RequestOfficerView } from "./intake-context.ts";
import { getTexts, type IntakeTexts } from "./texts.ts";

/** Statuses of a booking still ahead of (or on) its shift: the ones STATUS tells in detail. */
const LIVE = new Set(["submitted", "pending_approval", "approved", "staffing", "staffed", "in_progress"]);
/** A field note is for a glance by text: longer ones are cut (characters). */
const NOTE_MAX = 120;
/** Bookings listed in one line each under the detailed one. */
const OTHERS_MAX = 4;

/**
 * STATUS: the next booking (the one on now, else the soonest ahead) in detail (its officers by
 * rank, each one's check-in and the latest field note; before any is assigned its status name
 * says so), then the other recent ones a line each.
 * STATUS 1042 tells that booking in detail. With nothing ahead, the recent ones a line each.
 */
export function describeStatus(context: IntakeContext, language: Language, number: number | null = null): string {
  const t = getTexts(language);
  if (context.requests.length === 0) return t.statusNone;
  if (number !== null) {
    const view = context.requests.find((candidate) => candidate.number === number);
    return view ? describeInDetail(view, context, t, language) : t.cancelNotFound(String(number));
  }
  const next = findNextBooking(context);
  const others = context.requests.filter((view) => view !== next).slice(0, next ? OTHERS_MAX : OTHERS_MAX + 1);
  const lines = others.map((view) => describeInOneLine(view, context, t, language));
  if (!next) return lines.join("\n");
  const detail = describeInDetail(next, context, t, language);
  return lines.length > 0 ? [detail, t.statusOthers, ...lines].join("\n") : detail;
}

/** The booking on now or starting soonest; null when none is ahead. */
export function findNextBooking(context: IntakeContext): CustomerRequestView | null {
  const nowMs = context.now.getTime();
  const ahead = context.requests.filter((view) => LIVE.has(view.status) && Date.parse(view.request.end) > nowMs);
  ahead.sort((a, b) => Date.parse(a.request.start) - Date.parse(b.request.start));
  return ahead[0] ?? null;
}

function describeInOneLine(view: CustomerRequestView, context: IntakeContext, t: IntakeTexts, language: Language): string {
  const when = formatShift(view.request.start, view.request.end, context.agency.timeZone, language);
  return t.statusLine(String(view.number), t.statusNames[view.status] ?? view.status, when);
}

function describeInDetail(view: CustomerRequestView, context: IntakeContext, t: IntakeTexts, language: Language): string {
  const lines = [describeInOneLine(view, context, t, language)];
  const officers = view.officers ?? [];
  for (const officer of officers) {
    lines.push(t.statusOfficer(`${rankTitle(officer.rank)} ${officer.lastName}`, describeAttendance(officer, context, t)));
  }
  if (view.latestNote) lines.push(t.statusNote(shorten(view.latestNote.text)));
  return lines.join("\n");
}

function describeAttendance(officer: RequestOfficerView, context: IntakeContext, t: IntakeTexts): string {
  const local = (iso: string) => DateTime.fromISO(iso, { zone: resolveTimeZone(context.agency.timeZone) }).setLocale("en-US").toFormat("h:mm a");
  const { attendance } = officer;
  switch (attendance.kind) {
    case "assigned":
      return t.officerStates.assigned;
    case "checked_in":
      return t.officerStates.checkedIn(local(attendance.at));
    case "checked_out":
      return t.officerStates.checkedOut(local(attendance.at));
    case "no_show":
      return t.officerStates.noShow;
  }
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= NOTE_MAX ? flat : `${flat.slice(0, NOTE_MAX - 1).trimEnd()}…`;
}

/** "STATUS 1042" / "estado #1042": the booking asked about; null for a plain STATUS. */
export function readStatusNumber(text: string): number | null {
  const match = /^\s*(?:status|estado|estatus)\s*(?:of\s+|de\s+)?(?:#|no\.?\s*)?\s*(\d{1,9})\s*[.!?]?\s*$/i.exec(text);
  return match?.[1] ? Number(match[1]) : null;
}
