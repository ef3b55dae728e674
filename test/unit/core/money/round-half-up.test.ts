import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { roundHalfUp } from "../../../../core/money/index.ts";

describe("roundHalfUp", () => {
  it.each([
    // [numerator, denominator, expected]
    [10871 * 330, 60, 59791], // policy.md: 59790.5 → 59791
    [9617 * 1320, 60, 211574],
    [0, 60, 0],
    [29, 60, 0], // 0.483…
    [30, 60, 1], // exactly half rounds up
    [89, 60, 1],
    [90, 60, 2],
    [149, 100, 1],
    [150, 100, 2],
    [7, 7, 1],
  ])("round_half_up(%i / %i) = %i", (numerator, denominator, expected) => {
    expect(roundHalfUp(numerator, denominator)).toBe(expected);
  });

  it("is exact beyond 2^53 intermediates via bigint", () => {
    const numerator = 2n ** 60n + 5n;
    expect(roundHalfUp(numerator, 2n ** 10n)).toBe(Number((2n * numerator + 2n ** 10n) / 2n ** 11n));
    expect(roundHalfUp(Number.MAX_SAFE_INTEGER, 3)).toBe(3002399751580330); // …330.33
    expect(roundHalfUp(Number.MAX_SAFE_INTEGER, 2)).toBe(4503599627370496); // …495.5 rounds up
  });

  it("rejects negative or fractional numerators and non-positive denominators", () => {
    expect(() => roundHalfUp(-1, 60)).toThrow(RangeError);
    expect(() => roundHalfUp(1.5, 60)).toThrow(RangeError);
    expect(() => roundHalfUp(1, 0)).toThrow(RangeError);
    expect(() => roundHalfUp(1n, -3n)).toThrow(RangeError);
  });

  it("agrees with a bigint reference and never leaves the half-open rounding band", () => {
    fc.assert(
      fc.property(fc.nat({ max: 2 ** 40 }), fc.integer({ min: 1, max: 10_000 }), (numerator, denominator) => {
        const rounded = roundHalfUp(numerator, denominator);
        const reference = Number((2n * BigInt(numerator) + BigInt(denominator)) / (2n * BigInt(denominator)));
        expect(rounded).toBe(reference);
        // rounded − ½ ≤ n/d < rounded + ½, checked in integers.
        expect(2 * rounded * denominator - denominator).toBeLessThanOrEqual(2 * numerator);
        expect(2 * numerator).toBeLessThan(2 * rounded * denominator + denominator);
      }),
    );
  });
});
