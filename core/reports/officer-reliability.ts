import type { ReportFacts, ShiftFact } from "./report-facts.ts";
import { inPeriod, officerName } from "./report-facts.ts";

/** One officer's reliability over the period's shifts. */
export interface ReliabilityRow {
  officerId: string;
  name: string;
  badgeNumber: string;
  /** Shifts they held at some point (any status but cancelled). */
  shiftsTaken: number;
  noShows: number;
  drops: number;
  /** Their dropped or missed positions that someone else took after the shift had started. */
  lateRefills: number;
  /** Positions they took after another officer dropped or missed them. */
  refillsTaken: number;
}

/**
 * No-shows, drops and late refills per officer, for shifts starting in the period. A refill is an
 * assignment to a position an earlier assignment dropped or missed; it is late when taken after the
 * shift's start, and counted against the officer who left the position. Officers with anything to
 * show, most problems first.
 */
export function buildReliability(facts: ReportFacts): ReliabilityRow[] {
  const rows = new Map<string, ReliabilityRow>();
  const officers = new Map(facts.officers.map((o) => [o.id, o]));
  const rowOf = (officerId: string): ReliabilityRow => {
    let row = rows.get(officerId);
    if (!row) {
      const officer = officers.get(officerId);
      row = {
        officerId,
        name: officer ? officerName(officer) : officerId,
        badgeNumber: officer?.badgeNumber ?? "",
        shiftsTaken: 0,
        noShows: 0,
        drops: 0,
        lateRefills: 0,
        refillsTaken: 0,
      };
      rows.set(officerId, row);
    }
    return row;
  };
  const shifts = facts.shifts.filter((s) => inPeriod(s.start, facts.period) && s.status !== "cancelled");
  const byPosition = new Map<string, ShiftFact[]>();
  for (const shift of shifts) {
    const row = rowOf(shift.officerId);
    row.shiftsTaken += 1;
    if (shift.status === "no_show") row.noShows += 1;
    if (shift.status === "dropped") row.drops += 1;
    byPosition.set(shift.positionId, [...(byPosition.get(shift.positionId) ?? []), shift]);
  }
  for (const held of byPosition.values()) {
    const ordered = held.slice().sort((a, b) => a.createdAt - b.createdAt);
    ordered.forEach((shift, i) => {
      if (i === 0) return;
      const left = ordered[i - 1];
      if (!left || (left.status !== "dropped" && left.status !== "no_show")) return;
      rowOf(shift.officerId).refillsTaken += 1;
      if (shift.createdAt > shift.start) rowOf(left.officerId).lateRefills += 1;
    });
  }
  return [...rows.values()]
    .filter((r) => r.noShows + r.drops + r.lateRefills + r.refillsTaken > 0)
    .sort((a, b) => b.noShows + b.drops + b.lateRefills - (a.noShows + a.drops + a.lateRefills) || a.name.localeCompare(b.name));
}
