import { describe, expect, it } from "vitest";
import { brandCents, formatUsd, sumCents } from "../../../../core/money/index.ts";

describe("cents", () => {
  it("brands only safe integers", () => {
    expect(brandCents(5650)).toBe(5650);
    expect(() => brandCents(56.5)).toThrow(RangeError);
    expect(() => brandCents(2 ** 53)).toThrow(RangeError);
  });

  it("sums amounts", () => {
    expect(sumCents([brandCents(271365), brandCents(8250), brandCents(17600)])).toBe(297215);
    expect(sumCents([])).toBe(0);
  });

  it.each([
    [297215, "$2,972.15"],
    [5650, "$56.50"],
    [5, "$0.05"],
    [-1839, "-$18.39"],
  ])("formats %i as %s", (cents, text) => {
    expect(formatUsd(brandCents(cents))).toBe(text);
  });
});
