import { describe, expect, it } from "vitest";
import { planWaves } from "../../../../core/dispatch/index.ts";
import { DEFAULT_SETTINGS } from "./make-candidate.ts";

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe("planWaves", () => {
  it("splits 25 officers into waves of 10, 15 minutes apart", () => {
    expect(planWaves(range(25), DEFAULT_SETTINGS)).toEqual([
      { wave: 0, delayMs: 0, members: range(10) },
      { wave: 1, delayMs: 15 * 60_000, members: range(20).slice(10) },
      { wave: 2, delayMs: 30 * 60_000, members: [20, 21, 22, 23, 24] },
    ]);
  });

  it.each([
    { n: 0, size: 10, sizes: [] },
    { n: 1, size: 10, sizes: [1] },
    { n: 10, size: 10, sizes: [10] },
    { n: 11, size: 10, sizes: [10, 1] },
    { n: 3, size: 1, sizes: [1, 1, 1] },
  ])("$n members, waves of $size → $sizes", ({ n, size, sizes }) => {
    const waves = planWaves(range(n), { ...DEFAULT_SETTINGS, waveSize: size });
    expect(waves.map((w) => w.members.length)).toEqual(sizes);
  });

  it("uses the configured interval", () => {
    const waves = planWaves(range(3), { ...DEFAULT_SETTINGS, waveSize: 1, waveIntervalMinutes: 60 });
    expect(waves.map((w) => w.delayMs)).toEqual([0, 3_600_000, 7_200_000]);
  });

  it("throws on a wave size below 1 instead of looping", () => {
    expect(() => planWaves(range(3), { ...DEFAULT_SETTINGS, waveSize: 0 })).toThrow(RangeError);
  });
});
