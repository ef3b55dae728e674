import { MS_PER_HOUR } from "../time/index.ts";
import type { ReportFacts } from "./report-facts.ts";
import { officerName } from "./report-facts.ts";
import { workedMinutes } from "./worked-time.ts";

const DAY_MS = 24 * MS_PER_HOUR;
/** The look-back windows, days before the period's end. */
export const FAIRNESS_WINDOWS_DAYS = [30, 90] as const;

export interface FairnessRow {
  officerId: string;
  name: string;
  badgeNumber: string;
  minutes30d: number;
  minutes90d: number;
  offers30d: number;
  offers90d: number;
}

/** How evenly hours were spread: over every active officer, zeros included. */
export interface Distribution {
  officers: number;
  minMinutes: number;
  medianMinutes: number;
  maxMinutes: number;
  /** 0 = everyone worked the same, towards 1 = one officer worked everything. */
  gini: number;
}

export interface OfferFairness {
  rows: FairnessRow[];
  distribution30d: Distribution;
  distribution90d: Distribution;
}

/**
 * Offer fairness: hours worked (by scheduled start) and offers received (by when sent) per active
 * officer over the 30 and 90 days before the period's end, and how evenly the hours fell.
 */
export function buildOfferFairness(facts: ReportFacts): OfferFairness {
  const endMs = facts.period.endMs;
  const from30 = endMs - 30 * DAY_MS;
  const from90 = endMs - 90 * DAY_MS;
  const rows = facts.officers
    .filter((o) => o.active)
    .map((officer) => {
      const shifts = facts.shifts.filter((s) => s.officerId === officer.id && s.start < endMs);
      const offers = facts.offers.filter((o) => o.officerId === officer.id && o.sentAt < endMs);
      const sumMinutes = (from: number) => shifts.filter((s) => s.start >= from).reduce((sum, s) => sum + workedMinutes(s), 0);
      return {
        officerId: officer.id,
        name: officerName(officer),
        badgeNumber: officer.badgeNumber,
        minutes30d: sumMinutes(from30),
        minutes90d: sumMinutes(from90),
        offers30d: offers.filter((o) => o.sentAt >= from30).length,
        offers90d: offers.filter((o) => o.sentAt >= from90).length,
      };
    })
    .sort((a, b) => b.minutes30d - a.minutes30d || a.name.localeCompare(b.name));
  return {
    rows,
    distribution30d: describeDistribution(rows.map((r) => r.minutes30d)),
    distribution90d: describeDistribution(rows.map((r) => r.minutes90d)),
  };
}

/** Min, median (mean of the middle two when even), max and Gini coefficient of `values`. */
export function describeDistribution(values: readonly number[]): Distribution {
  const sorted = values.slice().sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { officers: 0, minMinutes: 0, medianMinutes: 0, maxMinutes: 0, gini: 0 };
  const mid = Math.floor(n / 2);
  const median = n % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return { officers: n, minMinutes: sorted[0] ?? 0, medianMinutes: median, maxMinutes: sorted[n - 1] ?? 0, gini: computeGini(sorted) };
}

/** Gini coefficient of non-negative values: Σ(2i − n − 1)·xᵢ / (n·Σx) over the sorted values; 0 when all are 0. */
export function computeGini(values: readonly number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  const n = sorted.length;
  const total = sorted.reduce((a, b) => a + b, 0);
  if (n === 0 || total === 0) return 0;
  const weighted = sorted.reduce((sum, x, i) => sum + (2 * (i + 1) - n - 1) * x, 0);
  return weighted / (n * total);
}
