import type { OfficerCandidate } from "../../core/dispatch/index.ts";

/** The roster row fields dispatch reads. */
export interface RosterOfficerRow {
  id: string;
  rank: OfficerCandidate["rank"];
  active: boolean;
  seniorityDate: Date;
  assignedVehicle: string | null;
  livesInCity: boolean;
  communityServiceOfficer: boolean;
  regularDuty: unknown;
}

/**
 * A roster row and the officer's live off-duty shifts as dispatch's candidate: the one mapping
 * the broadcast wave, an officer's accept and a supervisor's assignment all check against.
 */
export function toOfficerCandidate(
  officer: RosterOfficerRow,
  shifts: readonly { start: Date; end: Date }[],
): OfficerCandidate {
  return {
    id: officer.id,
    rank: officer.rank,
    active: officer.active,
    seniorityDate: officer.seniorityDate.toISOString().slice(0, 10),
    hasVehicle: officer.assignedVehicle !== null,
    livesInCity: officer.livesInCity,
    communityServiceOfficer: officer.communityServiceOfficer,
    offDutyShifts: shifts.map((s) => ({ start: s.start.getTime(), end: s.end.getTime() })),
    regularDuty: readRegularDuty(officer.regularDuty),
  };
}

/** The roster's regular duty as spans; a malformed entry is skipped rather than failing the check. */
export function readRegularDuty(json: unknown): { start: number; end: number }[] {
  if (!Array.isArray(json)) return [];
  return json
    .map((d: { start?: unknown; end?: unknown }) => ({
      start: Date.parse(String(d?.start)),
      end: Date.parse(String(d?.end)),
    }))
    .filter((d) => Number.isFinite(d.start) && Number.isFinite(d.end) && d.end > d.start);
}
