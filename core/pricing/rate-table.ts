import type { AgencyConfig, Category, Rank, RateKind } from "../agencies/index.ts";
import { CATEGORIES, RANKS } from "../agencies/index.ts";
import { brandCents, type Cents } from "../money/index.ts";

/** Hourly cents of one (rank, category); null where the agency has no such rate kind. */
export interface RateCents {
  regular: Cents;
  holiday: Cents | null;
  emergency: Cents | null;
}

/** Every (category, rank) resolved once, so a quote does no fallbacks or lookups by string. */
type RateTable = Record<Category, Record<Rank, RateCents | null>>;

const tableCache = new WeakMap<AgencyConfig, RateTable>();

/**
 * Hourly cents for a rank in a category. A category the agency does not publish is priced from
 * its `regular` column (Rockport and Mesquite ignore the category). Throws for a rank the
 * agency lacks: rank rules are validated against ranks, so that is a broken invariant.
 */
export function getRateCents(agency: AgencyConfig, category: Category, rank: Rank): RateCents {
  let table = tableCache.get(agency);
  if (!table) {
    table = buildRateTable(agency);
    tableCache.set(agency, table);
  }
  const rates = table[category][rank];
  if (!rates) throw new Error(`${agency.id} has no rates for rank ${rank}`);
  return rates;
}

/**
 * The rate kind a minute is billed at: the highest rate among the kinds that apply. On equal
 * rates a special kind beats regular and holiday beats emergency (policy.md: "the minute counts
 * as holiday").
 */
export function chooseRateKind(rates: RateCents, onHoliday: boolean, emergency: boolean): RateKind {
  let kind: RateKind = "regular";
  let bestCents: number = rates.regular;
  if (emergency && rates.emergency !== null && rates.emergency >= bestCents) {
    kind = "emergency";
    bestCents = rates.emergency;
  }
  if (onHoliday && rates.holiday !== null && rates.holiday >= bestCents) {
    kind = "holiday";
  }
  return kind;
}

/** The hourly cents of a rate kind chosen by chooseRateKind. */
export function getKindCents(rates: RateCents, kind: RateKind): Cents {
  const cents = rates[kind];
  if (cents === null) throw new Error(`no ${kind} rate`);
  return cents;
}

function buildRateTable(agency: AgencyConfig): RateTable {
  const table = {} as RateTable;
  for (const category of CATEGORIES) {
    const byRank = {} as Record<Rank, RateCents | null>;
    for (const rank of RANKS) {
      const rankRates = agency.rates[rank];
      const row = rankRates?.[category] ?? rankRates?.regular;
      byRank[rank] = row
        ? {
            regular: brandCents(row.regular),
            holiday: row.holiday === undefined ? null : brandCents(row.holiday),
            emergency: row.emergency === undefined ? null : brandCents(row.emergency),
          }
        : null;
    }
    table[category] = byRank;
  }
  return table;
}
