import type { ReportFacts } from "./report-facts.ts";
import { inPeriod, officerName } from "./report-facts.ts";
import { splitBilledLabor } from "./split-billed-labor.ts";
import { workedMinutes } from "./worked-time.ts";

/** One officer's month: shifts worked and their minutes, and the labor invoices billed for them. */
export interface OfficerHoursRow {
  officerId: string;
  name: string;
  badgeNumber: string;
  rank: string;
  /** Shifts checked in to whose scheduled start lies in the period. */
  shiftsWorked: number;
  /** Whole minutes from check-in to check-out, summed per shift. */
  workedMinutes: number;
  /** Minutes billed for their positions on live invoices. */
  billedMinutes: number;
  /** Labor billed for their positions (what the officer earns at bill rate), integer cents. */
  billedLaborCents: number;
}

/**
 * Hours and earnings by officer for shifts starting in the period, every roster officer listed
 * (zeros included, inactive ones only when they worked), most hours first, then by name.
 * Earnings are the labor lines billed for the positions they worked (admin fee and vehicle
 * charges excluded), on invoices not void, whether drafted, issued or paid.
 */
export function buildOfficerHours(facts: ReportFacts): OfficerHoursRow[] {
  const rows = new Map<string, OfficerHoursRow>();
  for (const officer of facts.officers) {
    rows.set(officer.id, {
      officerId: officer.id,
      name: officerName(officer),
      badgeNumber: officer.badgeNumber,
      rank: officer.rank,
      shiftsWorked: 0,
      workedMinutes: 0,
      billedMinutes: 0,
      billedLaborCents: 0,
    });
  }
  const inThePeriod = facts.shifts.filter((s) => inPeriod(s.start, facts.period));
  for (const shift of inThePeriod) {
    const row = rows.get(shift.officerId);
    const minutes = workedMinutes(shift);
    if (!row || shift.checkedInAt === null || minutes === 0) continue;
    row.shiftsWorked += 1;
    row.workedMinutes += minutes;
  }
  const requests = new Map(facts.requests.map((r) => [r.id, r]));
  for (const item of facts.invoiceItems) {
    const request = requests.get(item.requestId);
    if (!request || !inPeriod(request.start, facts.period)) continue;
    const shifts = facts.shifts.filter((s) => s.requestId === request.id);
    for (const position of splitBilledLabor(item, request, shifts)) {
      const row = position.officerId ? rows.get(position.officerId) : undefined;
      if (!row) continue;
      row.billedMinutes += position.minutes;
      row.billedLaborCents += position.laborCents;
    }
  }
  const active = new Set(facts.officers.filter((o) => o.active).map((o) => o.id));
  return [...rows.values()]
    .filter((row) => active.has(row.officerId) || row.workedMinutes > 0 || row.billedLaborCents > 0)
    .sort((a, b) => b.workedMinutes - a.workedMinutes || a.name.localeCompare(b.name));
}
