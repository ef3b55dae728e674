import type { AgencyConfig } from "./agency-config-schema.ts";
import type { Rank } from "./vocabulary.ts";

/** How many positions of each rank a request gets; always has all three keys. */
export type Positions = Record<Rank, number>;

/**
 * Splits `officers` positions by rank: each rank rule met (positions ≥ minPositions) turns one
 * position into that rank; the rest are officers. Tucson: 16 → 14 officers + 1 sergeant +
 * 1 commander.
 */
export function assignPositions(officers: number, agency: AgencyConfig): Positions {
  const positions: Positions = { officer: officers, sergeant: 0, commander: 0 };
  for (const rule of agency.rankRules) {
    if (officers >= rule.minPositions && positions.officer > 0) {
      positions[rule.rank] += 1;
      positions.officer -= 1;
    }
  }
  return positions;
}
