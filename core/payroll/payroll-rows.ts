import type { RateKind } from "../agencies/index.ts";
import { formatDollars } from "../invoicing/index.ts";
import type { LaborLine } from "../pricing/index.ts";
import { NO_MINUTES, type PaidMinutes } from "./shift-pay.ts";

/** The officer a payroll row pays. */
export interface PaidOfficer {
  id: string;
  name: string;
  badge: string;
}

/**
 * One payroll row: a worked shift, or an adjustment to a shift of an earlier closed period.
 * Amounts are integer cents (negative when an adjustment takes pay back).
 */
export interface PayrollRow {
  officer: PaidOfficer;
  /** Local date of the shift's scheduled start ("2031-03-04"); an adjustment's original shift. */
  date: string;
  requestId: string | null;
  requestNumber: number | null;
  assignmentId: string | null;
  kind: "shift" | "adjustment";
  minutes: PaidMinutes;
  amountCents: number;
  /** The shift's pay lines as priced (an adjustment: as priced now; its amount is the difference). */
  lines: LaborLine[];
  /** Adjustments: which request and period, what was paid and what it pays now. */
  reason: string | null;
}

/** An officer's totals over a period's rows. */
export interface OfficerTotal {
  officer: PaidOfficer;
  shifts: number;
  minutes: PaidMinutes;
  amountCents: number;
}

const RATE_KINDS = ["regular", "holiday", "emergency"] as const satisfies readonly RateKind[];

/** a + b by rate kind. */
export function addMinutes(a: PaidMinutes, b: PaidMinutes): PaidMinutes {
  return { regular: a.regular + b.regular, holiday: a.holiday + b.holiday, emergency: a.emergency + b.emergency };
}

/** What was frozen for one shift so far (its shift entry and any adjustments since). */
export interface FrozenPay {
  minutes: PaidMinutes;
  amountCents: number;
}

/**
 * The adjustment a shift of a closed period needs now: what it pays now minus everything already
 * frozen for it, or null when they agree (nothing to pay twice, nothing to take back).
 */
export function measureAdjustment(now: FrozenPay, frozen: readonly FrozenPay[]): FrozenPay | null {
  const paid = frozen.reduce<FrozenPay>(
    (sum, entry) => ({ minutes: addMinutes(sum.minutes, entry.minutes), amountCents: sum.amountCents + entry.amountCents }),
    { minutes: { ...NO_MINUTES }, amountCents: 0 },
  );
  const minutes = { ...NO_MINUTES };
  for (const kind of RATE_KINDS) minutes[kind] = now.minutes[kind] - paid.minutes[kind];
  const changed = now.amountCents !== paid.amountCents || RATE_KINDS.some((kind) => minutes[kind] !== 0);
  return changed ? { minutes, amountCents: now.amountCents - paid.amountCents } : null;
}

/** The reason an adjustment row carries: the request, the period it was paid in, then and now. */
export function describeAdjustment(input: {
  requestNumber: number | null;
  periodStartDate: string;
  paidCents: number;
  nowCents: number;
}): string {
  const request = input.requestNumber === null ? "a shift" : `request #${input.requestNumber}`;
  return `correction to ${request} of the pay period starting ${input.periodStartDate}: paid ${formatDollars(input.paidCents)}, now ${formatDollars(input.nowCents)}`;
}

/** Rows in export order: by officer name and badge, then date, request, shifts before adjustments. */
export function sortPayrollRows(rows: readonly PayrollRow[]): PayrollRow[] {
  return rows.slice().sort(
    (a, b) =>
      a.officer.name.localeCompare(b.officer.name) ||
      a.officer.badge.localeCompare(b.officer.badge) ||
      a.officer.id.localeCompare(b.officer.id) ||
      a.date.localeCompare(b.date) ||
      (a.requestNumber ?? 0) - (b.requestNumber ?? 0) ||
      (a.kind === b.kind ? 0 : a.kind === "shift" ? -1 : 1),
  );
}

/** One total per officer who has a row, in the order of `sortPayrollRows`. */
export function totalPayByOfficer(rows: readonly PayrollRow[]): OfficerTotal[] {
  const totals = new Map<string, OfficerTotal>();
  for (const row of sortPayrollRows(rows)) {
    const total = totals.get(row.officer.id) ?? { officer: row.officer, shifts: 0, minutes: { ...NO_MINUTES }, amountCents: 0 };
    if (row.kind === "shift") total.shifts += 1;
    total.minutes = addMinutes(total.minutes, row.minutes);
    total.amountCents += row.amountCents;
    totals.set(row.officer.id, total);
  }
  return [...totals.values()];
}
