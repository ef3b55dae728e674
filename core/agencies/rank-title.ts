import type { Rank } from "./vocabulary.ts";

/**
 * How an officer of each rank is addressed: `short` before a name ("Sgt. Alvarez"), `full` where
 * the rank stands alone or starts a line read aloud ("Sergeant"). Calling a sergeant "Officer" is
 * a slight staff notice at once, so every rendering of an officer goes through here.
 */
const RANK_TITLES: Readonly<Record<Rank, { short: string; full: string }>> = {
  officer: { short: "Officer", full: "Officer" },
  sergeant: { short: "Sgt.", full: "Sergeant" },
  commander: { short: "Cmdr.", full: "Commander" },
};

/** "Sgt." (default `short`) or "Sergeant" (`full`) for a rank. */
export function rankTitle(rank: Rank, style: "short" | "full" = "short"): string {
  return RANK_TITLES[rank][style];
}

/** "Sgt. Maria Alvarez (#4471)": an officer as staff read them in Slack notices and lists. */
export function describeRankedOfficer(officer: {
  rank: Rank;
  firstName: string;
  lastName: string;
  badgeNumber: string;
}): string {
  return `${rankTitle(officer.rank)} ${officer.firstName} ${officer.lastName} (#${officer.badgeNumber})`;
}
