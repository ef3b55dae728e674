/**
 * A half-open interval [start, end) of epoch milliseconds, the same convention the assignment
 * overlap query uses: spans that touch at an instant do not overlap.
 */
export interface TimeSpan {
  /** Epoch milliseconds, inclusive. */
  start: number;
  /** Epoch milliseconds, exclusive. */
  end: number;
}

/**
 * Throws on a span no roster could hold (non-finite, or ending before it starts): that is a broken
 * invariant upstream, and guessing would silently mis-count fatigue. An empty span is allowed and
 * counts as no time at all.
 */
export function assertValidSpan(span: TimeSpan, label: string): void {
  if (!Number.isFinite(span.start) || !Number.isFinite(span.end) || span.end < span.start) {
    throw new RangeError(`${label}: invalid time span [${span.start}, ${span.end})`);
  }
}

/** True when the two spans share a positive amount of time (touching at an instant is not overlap). */
export function spansOverlap(a: TimeSpan, b: TimeSpan): boolean {
  return a.start < b.end && b.start < a.end && a.start < a.end && b.start < b.end;
}

/**
 * Union of spans as sorted, disjoint, non-empty spans. Work that the roster records twice (an
 * off-duty shift overlapping regular duty) is still one hour of work per hour.
 */
export function mergeSpans(spans: readonly TimeSpan[]): TimeSpan[] {
  const sorted = spans.filter((s) => s.start < s.end).sort((a, b) => a.start - b.start);
  const merged: TimeSpan[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last !== undefined && span.start <= last.end) {
      last.end = Math.max(last.end, span.end);
    } else {
      merged.push({ start: span.start, end: span.end });
    }
  }
  return merged;
}

/** Milliseconds of `disjoint` (sorted, disjoint spans from `mergeSpans`) inside [from, to). */
export function measureWithinMs(disjoint: readonly TimeSpan[], from: number, to: number): number {
  let total = 0;
  for (const span of disjoint) {
    const start = Math.max(span.start, from);
    const end = Math.min(span.end, to);
    if (end > start) total += end - start;
  }
  return total;
}
