import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { mergeSpans, planDutyImport, readCsvRecords, readInstant } from "../../../../core/roster/index.ts";

const CHICAGO = "America/Chicago";
const at = (iso: string) => DateTime.fromISO(iso, { zone: CHICAGO }).toMillis();
const ROSTER = [
  { id: "o1", badgeNumber: "M1", regularDuty: [] },
  { id: "o2", badgeNumber: "M2", regularDuty: [{ start: at("2026-12-01T07:00"), end: at("2026-12-01T15:00") }] },
];

function plan(text: string) {
  const csv = readCsvRecords(text);
  if (csv.kind !== "read") throw new Error(csv.message);
  return planDutyImport({ columns: csv.columns, rows: csv.rows, roster: ROSTER, zone: CHICAGO });
}

describe("readInstant", () => {
  it("reads ISO instants and local times in the agency's zone", () => {
    expect(readInstant("2026-12-01T07:00:00-06:00", CHICAGO)).toBe(at("2026-12-01T07:00"));
    expect(readInstant("2026-12-01T13:00:00Z", CHICAGO)).toBe(at("2026-12-01T07:00"));
    expect(readInstant("2026-12-01 07:00", CHICAGO)).toBe(at("2026-12-01T07:00"));
    expect(readInstant("2026-07-01 07:00", CHICAGO)).toBe(Date.parse("2026-07-01T12:00:00Z"));
  });
  it("refuses a local time the spring-forward skips, and malformed ones", () => {
    expect(readInstant("2026-03-08 02:30", CHICAGO)).toBe("2026-03-08 02:30 does not exist in America/Chicago (the clocks skip it)");
    expect(readInstant("12/1/2026 7am", CHICAGO)).toMatch(/^must be an ISO instant/);
    expect(readInstant("2026-02-30 07:00", CHICAGO)).toMatch(/^is not a real time/);
    expect(readInstant("", CHICAGO)).toBe("is required");
  });
});

describe("planDutyImport", () => {
  it("replaces each listed officer's duty with the file's rows, sorted and merged", () => {
    const result = plan(
      ["badge,start,end", "M1,2026-12-02 15:00,2026-12-02 23:00", "M1,2026-12-02 07:00,2026-12-02 15:00", "M1,2026-12-01 07:00,2026-12-01 12:00", "M2,2026-12-01T13:00:00Z,2026-12-01 15:00"].join("\n"),
    );
    expect(result.problems).toEqual([]);
    expect(result.changes).toEqual([
      {
        officerId: "o1",
        badgeNumber: "M1",
        before: [],
        after: [
          { start: at("2026-12-01T07:00"), end: at("2026-12-01T12:00") },
          { start: at("2026-12-02T07:00"), end: at("2026-12-02T23:00") },
        ],
        unchanged: false,
      },
      { officerId: "o2", badgeNumber: "M2", before: ROSTER[1]?.regularDuty, after: ROSTER[1]?.regularDuty, unchanged: true },
    ]);
  });

  it("lists every problem by row and column", () => {
    const result = plan(["badge,start,end", "M9,2026-12-01 07:00,2026-12-01 15:00", "M1,2026-12-01 15:00,2026-12-01 07:00", "M1,2026-03-08 02:30,soon", "M1,2026-12-01 07:00,2026-12-03 07:00"].join("\n"));
    expect(result.problems.map((p) => `${p.row} ${p.column}`)).toEqual(["2 badge", "3 end", "4 start", "4 end", "5 end"]);
  });

  it("merges overlapping and touching spans", () => {
    expect(mergeSpans([{ start: 5, end: 9 }, { start: 1, end: 3 }, { start: 3, end: 4 }, { start: 6, end: 7 }])).toEqual([
      { start: 1, end: 4 },
      { start: 5, end: 9 },
    ]);
  });
});
