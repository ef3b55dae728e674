import { RANKS } from "../agencies/index.ts";
import type { InvoiceItemFact, RequestFact, ShiftFact } from "./report-facts.ts";

/** Billed labor of one position of an invoice: who worked it, whole minutes and cents. */
export interface BilledPosition {
  positionId: string;
  officerId: string | null;
  minutes: number;
  laborCents: number;
}

/**
 * The labor an invoice billed, split by position. Invoices keep labor lines per rank and rate
 * kind (summed over the rank's positions) and the billed minutes of each position, so each rank's
 * labor is shared by minutes: exact when one rate covers the shift, and never more or less than
 * the invoice's labor in total (largest remainder, ties to the earlier position). Admin fees and
 * vehicles are not an officer's.
 */
export function splitBilledLabor(
  item: InvoiceItemFact,
  request: RequestFact,
  shifts: readonly ShiftFact[],
): BilledPosition[] {
  if (item.kind !== "worked_hours") return [];
  const slots = request.positions
    .filter((p) => p.status !== "cancelled")
    .slice()
    .sort((a, b) => RANKS.indexOf(a.rank) - RANKS.indexOf(b.rank) || a.index - b.index);
  const positions = slots.map((slot, i) => ({
    positionId: slot.id,
    rank: slot.rank,
    officerId: findWorker(slot.id, shifts),
    minutes: item.billedMinutes[i] ?? 0,
    laborCents: 0,
  }));
  for (const rank of RANKS) {
    const laborCents = item.lines.reduce((sum, line) => (line.kind === "labor" && line.rank === rank ? sum + line.amountCents : sum), 0);
    const ofRank = positions.filter((p) => p.rank === rank);
    const shares = shareByWeight(laborCents, ofRank.map((p) => p.minutes));
    ofRank.forEach((p, i) => {
      p.laborCents = shares[i] ?? 0;
    });
  }
  return positions.map((p) => ({ positionId: p.positionId, officerId: p.officerId, minutes: p.minutes, laborCents: p.laborCents }));
}

/** The officer the invoice counts as having worked the position: the last one who checked in. */
function findWorker(positionId: string, shifts: readonly ShiftFact[]): string | null {
  const worked = shifts
    .filter((s) => s.positionId === positionId && s.checkedInAt !== null && (s.status === "checked_in" || s.status === "checked_out"))
    .sort((a, b) => (a.checkedInAt ?? 0) - (b.checkedInAt ?? 0));
  return worked.at(-1)?.officerId ?? null;
}

/** `total` split in proportion to `weights`, in whole units summing to `total` (largest remainder). */
export function shareByWeight(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const exact = weights.map((w) => (total * w) / sum);
  const shares = exact.map(Math.floor);
  let left = total - shares.reduce((a, b) => a + b, 0);
  const order = exact.map((value, i) => ({ i, rest: value - Math.floor(value) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    shares[i] = (shares[i] ?? 0) + 1;
    left -= 1;
  }
  return shares;
}
