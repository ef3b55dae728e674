import { RANKS, type Rank } from "../agencies/index.ts";

/**
 * Rank order: officer < sergeant < commander (the order of `RANKS`). A position needing a rank is
 * offered to that rank or above (policy.md, "Dispatch rules").
 */
export function meetsRank(officerRank: Rank, needed: Rank): boolean {
  return RANKS.indexOf(officerRank) >= RANKS.indexOf(needed);
}
