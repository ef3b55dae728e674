import { describe, expect, it } from "vitest";
import type { Rank } from "../../../../core/agencies/index.ts";
import { meetsRank } from "../../../../core/dispatch/index.ts";

describe("meetsRank: that rank or above", () => {
  it.each<[Rank, Rank, boolean]>([
    ["officer", "officer", true],
    ["officer", "sergeant", false],
    ["officer", "commander", false],
    ["sergeant", "officer", true],
    ["sergeant", "sergeant", true],
    ["sergeant", "commander", false],
    ["commander", "officer", true],
    ["commander", "sergeant", true],
    ["commander", "commander", true],
  ])("%s for a %s position → %s", (officerRank, needed, expected) => {
    expect(meetsRank(officerRank, needed)).toBe(expected);
  });
});
