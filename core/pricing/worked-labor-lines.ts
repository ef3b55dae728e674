import type { AgencyConfig, Category, Rank, RateKind } from "../agencies/index.ts";
import { RANKS } from "../agencies/index.ts";
import { countHolidayMinutes } from "./holiday-intervals.ts";
import type { LaborLine } from "./quote-lines.ts";
import { priceMinutes } from "./quote-lines.ts";
import { chooseRateKind, getKindCents, getRateCents } from "./rate-table.ts";

/** One worked position's billed time: `minutes` whole minutes from `fromMs`, at its rank. */
export interface WorkedSpan {
  rank: Rank;
  fromMs: number;
  minutes: number;
}

const RATE_KIND_ORDER = ["regular", "holiday", "emergency"] as const satisfies readonly RateKind[];

/**
 * Labor lines over positions that each have their own interval (worked hours), priced as in a
 * quote: minute i of a span is rated by its own start (holiday by its local date, emergency
 * from the request's lead time, the category's column, the span's rank); minutes are summed
 * per (rank, rate kind) over all spans and each line is rounded once. Same order and omission
 * as a quote's labor lines: officer, sergeant, commander; within a rank regular, holiday,
 * emergency; no line without minutes or amount.
 */
export function priceWorkedLaborLines(
  agency: AgencyConfig,
  category: Category,
  emergency: boolean,
  spans: readonly WorkedSpan[],
): LaborLine[] {
  const minutesByRank = new Map<Rank, Record<RateKind, number>>();
  for (const span of spans) {
    if (span.minutes === 0) continue;
    const rates = getRateCents(agency, category, span.rank);
    const holidayMinutes = countHolidayMinutes(agency, span.fromMs, span.minutes);
    let byKind = minutesByRank.get(span.rank);
    if (!byKind) {
      byKind = { regular: 0, holiday: 0, emergency: 0 };
      minutesByRank.set(span.rank, byKind);
    }
    byKind[chooseRateKind(rates, false, emergency)] += span.minutes - holidayMinutes;
    byKind[chooseRateKind(rates, true, emergency)] += holidayMinutes;
  }
  const lines: LaborLine[] = [];
  for (const rank of RANKS) {
    const byKind = minutesByRank.get(rank);
    if (!byKind) continue;
    const rates = getRateCents(agency, category, rank);
    for (const rateKind of RATE_KIND_ORDER) {
      const minutes = byKind[rateKind];
      if (minutes === 0) continue;
      const unitCents = getKindCents(rates, rateKind);
      const amountCents = priceMinutes(unitCents, minutes);
      if (amountCents > 0) lines.push({ kind: "labor", rank, rateKind, minutes, unitCents, amountCents });
    }
  }
  return lines;
}
