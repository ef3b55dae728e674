import { RANKS, type Rank } from "../agencies/index.ts";
import type { WorkedPosition } from "../requests/index.ts";

/** A position of a finished request as stored: its rank and every officer who held it. */
export interface HeldPosition {
  index: number;
  rank: Rank;
  /** cancelled = removed by an amendment: not part of the request any more. */
  status: "open" | "offered" | "filled" | "cancelled";
  assignments: readonly { status: string; checkedInAt: Date | null; checkedOutAt: Date | null }[];
}

/**
 * The worked records of an invoice request, one per position in the quote's order (officers,
 * then sergeants, then commanders; by index within a rank). A position is worked by the officer
 * who checked in to it; one who dropped or never came (no-show) left it unworked, and so did a
 * position nobody filled. A check-out not yet made reads as the scheduled end (null).
 */
export function buildWorkedRecords(positions: readonly HeldPosition[]): WorkedPosition[] {
  return positions
    .filter((position) => position.status !== "cancelled")
    .slice().sort((a, b) => RANKS.indexOf(a.rank) - RANKS.indexOf(b.rank) || a.index - b.index)
    .map((position) => {
      const worked = position.assignments
        .filter((a) => a.checkedInAt !== null && (a.status === "checked_in" || a.status === "checked_out"))
        .slice().sort((a, b) => (a.checkedInAt?.getTime() ?? 0) - (b.checkedInAt?.getTime() ?? 0))
        .at(-1);
      return {
        rank: position.rank,
        checkIn: worked?.checkedInAt?.toISOString() ?? null,
        checkOut: worked?.checkedInAt ? (worked.checkedOutAt?.toISOString() ?? null) : null,
      };
    });
}
