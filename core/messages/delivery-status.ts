/** Delivery statuses in the order they happen; terminal ones share the last rank. */
const RANK: Record<string, number> = {
  received: 0,
  recorded: 0,
  queued: 1,
  sending: 2,
  sent: 3,
  delivered: 4,
  undelivered: 4,
  failed: 4,
};

/** Statuses a message may still move away from to reach `next` (a late callback never moves it back). */
export function listStatusesBefore(next: string): string[] {
  const rank = RANK[next];
  if (rank === undefined) return [];
  return Object.keys(RANK).filter((status) => (RANK[status] ?? 0) < rank);
}
