import { mergeSpans, measureWithinMs, type TimeSpan } from "./time-span.ts";

/**
 * Most milliseconds of `spans ∪ focus` inside any rolling window [w, w + windowMs) that contains
 * part of `focus`, computed exactly.
 *
 * Why the candidate starts suffice: the covered time g(w) is piecewise linear in w, so its maximum
 * over the closed range w ∈ [focus.start − windowMs, focus.end] lies at a range end or where the
 * slope turns from rising to falling, i.e. where the window starts at a span start or ends at a span
 * end. The range is taken closed because g is continuous: a window only touching `focus` at an
 * instant covers no more than windows an instant further in, so "over the cap" is decided the same.
 */
export function computeHeaviestWindowMs(
  spans: readonly TimeSpan[],
  focus: TimeSpan,
  windowMs: number,
): number {
  const merged = mergeSpans([...spans, focus]);
  const lowest = focus.start - windowMs;
  const highest = focus.end;
  const starts = [lowest, highest];
  for (const span of merged) starts.push(span.start, span.end - windowMs);
  let heaviest = 0;
  for (const start of starts) {
    if (start < lowest || start > highest) continue;
    heaviest = Math.max(heaviest, measureWithinMs(merged, start, start + windowMs));
  }
  return heaviest;
}
