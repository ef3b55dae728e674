import { describe, expect, it } from "vitest";
import { normalizePhone, planRosterImport, readCsvRecords, type RosterOfficer } from "../../../../core/roster/index.ts";

const RANKS = ["officer", "sergeant"] as const;
const TODAY = "2026-12-01";
const HEADER = "badge,first_name,last_name,phone,rank,seniority_date,assigned_vehicle,lives_in_city,cso,active";
const ROSTER: RosterOfficer[] = [
  {
    id: "o1",
    badgeNumber: "T101",
    firstName: "Ana",
    lastName: "Ruiz",
    phone: "+15205550101",
    rank: "officer",
    seniorityDate: "2015-03-01",
    assignedVehicle: null,
    livesInCity: false,
    communityServiceOfficer: false,
    active: true,
  },
  {
    id: "o2",
    badgeNumber: "T102",
    firstName: "Ben",
    lastName: "Cho",
    phone: "+15205550102",
    rank: "sergeant",
    seniorityDate: "2010-01-01",
    assignedVehicle: "Unit 12",
    livesInCity: true,
    communityServiceOfficer: false,
    active: true,
  },
];

function plan(lines: string[]) {
  const csv = readCsvRecords([HEADER, ...lines].join("\n"));
  if (csv.kind !== "read") throw new Error(csv.message);
  return planRosterImport({ columns: csv.columns, rows: csv.rows, roster: ROSTER, ranks: RANKS, today: TODAY });
}

describe("normalizePhone", () => {
  it.each([
    ["520-555-0123", "+15205550123"],
    ["(520) 555-0123", "+15205550123"],
    ["1 520 555 0123", "+15205550123"],
    ["+1 520.555.0123", "+15205550123"],
    ["+15205550123", "+15205550123"],
    ["+442071838750", "+442071838750"],
    ["555-0123", null],
    ["020-555-0123", null],
    ["520-555-012x", null],
    ["", null],
  ])("%s → %s", (text, expected) => {
    expect(normalizePhone(text)).toBe(expected);
  });
});

describe("planRosterImport", () => {
  it("adds, changes, deactivates and leaves alone by badge", () => {
    const result = plan([
      "T201,Cara,Diaz,520-555-0201,Officer,2020-06-15,,no,yes,",
      "T101,Ana,Ruiz,(520) 555-0101,sgt,2015-03-01,,no,no,yes",
      "T102,Ben,Cho,+15205550102,sergeant,2010-01-01,Unit 12,yes,no,no",
    ]);
    expect(result.problems).toEqual([]);
    expect(result.changes).toEqual([
      {
        kind: "add",
        row: 2,
        entry: expect.objectContaining({ badgeNumber: "T201", phone: "+15205550201", rank: "officer", communityServiceOfficer: true, active: true, assignedVehicle: null }),
      },
      { kind: "update", row: 3, officerId: "o1", entry: expect.objectContaining({ rank: "sergeant" }), fields: ["rank"] },
      { kind: "deactivate", row: 4, officerId: "o2", entry: expect.objectContaining({ active: false }), fields: ["active"] },
    ]);
  });

  it("lists every problem by row and column", () => {
    const result = plan([
      "T301,Dee,Eng,555-0123,captain,2020-13-01,,maybe,no,yes",
      "T302,,Fox,520-555-0302,officer,2030-01-01,,no,no,yes",
      "T303,Gil,Ho,520-555-0101,officer,2019-01-01,,no,no,yes",
      "T304,Ida,Ito,520-555-0304,officer,2019-01-01,,no,no,yes",
      "T304,Jo,Ko,520-555-0304,officer,2019-01-01,,no,no,yes",
    ]);
    expect(result.problems.map((p) => `${p.row} ${p.column}`)).toEqual([
      "2 phone",
      "2 rank",
      "2 seniority_date",
      "2 lives_in_city",
      "3 first_name",
      "3 seniority_date",
      "4 phone",
      "6 badge",
      "6 phone",
    ]);
    expect(result.problems.find((p) => p.row === 4)?.message).toBe("+15205550101 belongs to Ana Ruiz (badge T101) on the roster");
    expect(result.problems.find((p) => p.row === 6 && p.column === "badge")?.message).toBe("badge T304 is also on row 5");
    expect(result.problems.find((p) => p.row === 2 && p.column === "rank")?.message).toContain("officer, sergeant");
  });

  it("refuses a rank the agency does not have, and unknown or missing columns", () => {
    const commander = plan(["T401,Kim,Lee,520-555-0401,commander,2019-01-01,,no,no,yes"]);
    expect(commander.problems).toEqual([{ row: 2, column: "rank", message: expect.stringContaining("this agency's ranks") }]);
    const csv = readCsvRecords("badge,first_name,phone,nickname\nT1,A,520-555-0001,x\n");
    if (csv.kind !== "read") throw new Error("csv");
    const result = planRosterImport({ columns: csv.columns, rows: csv.rows, roster: ROSTER, ranks: RANKS, today: TODAY });
    expect(result.problems.map((p) => `${p.row} ${p.column} ${p.message}`)).toEqual([
      expect.stringMatching(/^1 nickname unknown column/),
      "1 last_name column is missing",
      "1 rank column is missing",
      "1 seniority_date column is missing",
    ]);
  });

  it("keeps an existing officer's values for columns the file leaves out", () => {
    const csv = readCsvRecords("badge,first_name,last_name,phone,rank,seniority_date\nT102,Ben,Cho,520-555-0102,sergeant,2010-01-01\n");
    if (csv.kind !== "read") throw new Error("csv");
    const result = planRosterImport({ columns: csv.columns, rows: csv.rows, roster: ROSTER, ranks: RANKS, today: TODAY });
    expect(result).toEqual({ problems: [], changes: [{ kind: "unchanged", row: 2, officerId: "o2" }] });
  });
});
