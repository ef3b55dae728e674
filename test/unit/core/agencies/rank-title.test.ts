import { describe, expect, it } from "vitest";
import { describeRankedOfficer, rankTitle } from "../../../../core/agencies/index.ts";

describe("rank titles", () => {
  it.each([
    ["officer", "Officer", "Officer"],
    ["sergeant", "Sgt.", "Sergeant"],
    ["commander", "Cmdr.", "Commander"],
  ] as const)("%s → %s / %s", (rank, short, full) => {
    expect(rankTitle(rank)).toBe(short);
    expect(rankTitle(rank, "full")).toBe(full);
  });

  it("names a sergeant as a sergeant, never 'Officer'", () => {
    expect(describeRankedOfficer({ rank: "sergeant", firstName: "Maria", lastName: "Alvarez", badgeNumber: "4471" })).toBe(
      "Sgt. Maria Alvarez (#4471)",
    );
  });
});
