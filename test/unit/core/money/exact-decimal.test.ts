import { describe, expect, it } from "vitest";
import {
  convertExactDecimalToNumber,
  getExactDecimalDenominator,
  multiplyExactDecimal,
  readExactDecimal,
} from "../../../../core/money/index.ts";

describe("exact decimals", () => {
  it.each([
    [12.345, 12345n, 3],
    [0, 0n, 0],
    [7, 7n, 0],
    [0.1, 1n, 1],
    [1e-7, 1n, 7],
    [1.5e-7, 15n, 8],
    [1e21, 10n ** 21n, 0],
  ])("reads %d as %s / 10^%i", (value, numerator, scale) => {
    expect(readExactDecimal(value)).toEqual({ numerator, scale });
  });

  it("multiplies without float error: 12.345 × 3 = 37.035 exactly", () => {
    const tripled = multiplyExactDecimal(readExactDecimal(12.345), 3);
    expect(tripled).toEqual({ numerator: 37035n, scale: 3 });
    expect(getExactDecimalDenominator(tripled)).toBe(1000n);
    expect(convertExactDecimalToNumber(tripled)).toBe(37.035);
    expect(12.345 * 3).not.toBe(37.035); // the float product this avoids
  });

  it("converts small fractions back", () => {
    expect(convertExactDecimalToNumber({ numerator: 5n, scale: 3 })).toBe(0.005);
    expect(convertExactDecimalToNumber({ numerator: 120n, scale: 0 })).toBe(120);
  });

  it("rejects negative and non-finite values", () => {
    expect(() => readExactDecimal(-1)).toThrow(RangeError);
    expect(() => readExactDecimal(Number.NaN)).toThrow(RangeError);
    expect(() => multiplyExactDecimal(readExactDecimal(1), 1.5)).toThrow(RangeError);
  });
});
