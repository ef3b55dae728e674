import { describe, expect, it } from "vitest";
import { computeEasterSunday } from "../../../../core/pricing/index.ts";

describe("computeEasterSunday", () => {
  it.each([
    [1818, 3, 22], // earliest possible date
    [1943, 4, 25], // latest possible date
    [2000, 4, 23],
    [2008, 3, 23],
    [2011, 4, 24],
    [2019, 4, 21],
    [2024, 3, 31],
    [2025, 4, 20],
    [2026, 4, 5],
    [2027, 3, 28],
    [2028, 4, 16],
    [2038, 4, 25],
    [2285, 3, 22],
  ])("Easter %i is %i/%i", (year, month, day) => {
    expect(computeEasterSunday(year)).toEqual({ month, day });
  });
});
