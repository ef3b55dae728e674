import { computeHeaviestWindowMs } from "../dispatch/index.ts";
import { MS_PER_HOUR, MS_PER_MINUTE } from "../time/index.ts";
import type { ReportFacts } from "./report-facts.ts";
import { inPeriod, LIVE_SHIFT_STATUSES, officerName } from "./report-facts.ts";
import { occupiedSpan } from "./worked-time.ts";

const DAY_MS = 24 * MS_PER_HOUR;
const WEEK_MS = 7 * DAY_MS;

/** Which of the agency's caps a shift went over, as dispatch names them. */
export type ExceededCap = "cap_24h" | "cap_7d" | "rest";

/** A shift that broke a cap, or was given by a supervisor's override, or both. */
export interface FatigueRow {
  assignmentId: string;
  requestId: string;
  officerId: string;
  officer: string;
  badgeNumber: string;
  start: number;
  end: number;
  /** Most minutes of work (off-duty and regular duty) in a rolling 24 h window touching the shift. */
  heaviest24hMinutes: number;
  /** Most off-duty minutes in a rolling 7-day window touching the shift. */
  heaviest7dMinutes: number;
  /** Shortest rest before or after it between off-duty shifts, minutes; null when no neighbour within a week. */
  shortestRestMinutes: number | null;
  exceeded: ExceededCap[];
  override: { by: string; at: number; reason: string; ineligible: string } | null;
}

/**
 * Fatigue compliance: every live shift starting in the period whose officer's totals went over the
 * agency's caps (policy.md's rules as dispatch applies them: the 24 h cap counts regular duty,
 * the 7-day cap and the rest rule off-duty shifts only; exactly at a cap is allowed), measured on
 * the time actually worked (a hold-over counts), and every shift given by a supervisor's override,
 * with its reason. In shift order.
 */
export function buildFatigueCompliance(facts: ReportFacts): FatigueRow[] {
  const { dispatch } = facts.agency;
  const live = facts.shifts.filter((s) => LIVE_SHIFT_STATUSES.includes(s.status));
  const officers = new Map(facts.officers.map((o) => [o.id, o]));
  const overrides = new Map(facts.overrides.map((o) => [o.assignmentId, o]));
  const rows: FatigueRow[] = [];
  for (const shift of facts.shifts) {
    if (!inPeriod(shift.start, facts.period)) continue;
    const override = overrides.get(shift.id) ?? null;
    const isLive = LIVE_SHIFT_STATUSES.includes(shift.status);
    if (!isLive && !override) continue;
    const officer = officers.get(shift.officerId);
    const span = occupiedSpan(shift);
    const others = live.filter((s) => s.officerId === shift.officerId && s.id !== shift.id).map(occupiedSpan);
    const regular = officer?.regularDuty ?? [];
    const heaviest24h = computeHeaviestWindowMs([...others, ...regular], span, DAY_MS);
    const heaviest7d = computeHeaviestWindowMs(others, span, WEEK_MS);
    const rest = findShortestRestMs(others, span);
    const exceeded: ExceededCap[] = [];
    // A dropped override shift is listed for its reason alone: it was not worked.
    if (isLive) {
      if (heaviest24h > dispatch.maxHoursPer24h * MS_PER_HOUR) exceeded.push("cap_24h");
      if (heaviest7d > dispatch.maxHoursPer7d * MS_PER_HOUR) exceeded.push("cap_7d");
      if (rest !== null && rest < dispatch.minRestHours * MS_PER_HOUR) exceeded.push("rest");
    }
    if (exceeded.length === 0 && !override) continue;
    rows.push({
      assignmentId: shift.id,
      requestId: shift.requestId,
      officerId: shift.officerId,
      officer: officer ? officerName(officer) : shift.officerId,
      badgeNumber: officer?.badgeNumber ?? "",
      start: span.start,
      end: span.end,
      heaviest24hMinutes: Math.round(heaviest24h / MS_PER_MINUTE),
      heaviest7dMinutes: Math.round(heaviest7d / MS_PER_MINUTE),
      shortestRestMinutes: rest === null ? null : Math.round(rest / MS_PER_MINUTE),
      exceeded,
      override: override ? { by: override.by, at: override.at, reason: override.reason, ineligible: override.ineligible } : null,
    });
  }
  return rows.sort((a, b) => a.start - b.start || a.officer.localeCompare(b.officer));
}

/**
 * The shortest gap between the shift and an off-duty shift before or after it (overlapping ones
 * count as no rest at all); only neighbours within a week are looked at.
 */
function findShortestRestMs(others: readonly { start: number; end: number }[], span: { start: number; end: number }): number | null {
  let shortest: number | null = null;
  for (const other of others) {
    const gap = other.end <= span.start ? span.start - other.end : other.start >= span.end ? other.start - span.end : 0;
    if (gap > WEEK_MS) continue;
    if (shortest === null || gap < shortest) shortest = gap;
  }
  return shortest;
}
