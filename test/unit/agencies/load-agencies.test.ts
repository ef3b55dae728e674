import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  AgencyConfigError,
  DEFAULT_AGENCIES_DIR,
  getAgency,
  loadAgencies,
} from "../../../agencies/load-agencies.ts";

const tucsonText = readFileSync(join(DEFAULT_AGENCIES_DIR, "tucson-az-pd.json"), "utf8");
const tempDirs: string[] = [];

/** A fresh folder holding the given files. */
function makeAgencyDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "agencies-"));
  tempDirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function tucsonWith(change: (agency: Record<string, unknown>) => void): string {
  const agency = JSON.parse(tucsonText) as Record<string, unknown>;
  change(agency);
  return JSON.stringify(agency);
}

function loadError(dir: string): AgencyConfigError {
  try {
    loadAgencies(dir);
  } catch (error) {
    if (error instanceof AgencyConfigError) return error;
    throw error;
  }
  throw new Error("expected loadAgencies to throw");
}

afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("loadAgencies", () => {
  it("loads the three demo agencies by id, validated, with the data later issues need", () => {
    const agencies = loadAgencies();
    expect([...agencies.keys()].sort()).toEqual(["mesquite-tx-pd", "rockport-tx-pd", "tucson-az-pd"]);
    const tucson = agencies.get("tucson-az-pd");
    expect(tucson).toMatchObject({
      timeZone: "America/Phoenix",
      city: "Tucson",
      state: "AZ",
      languages: ["en", "es"],
      adminFeeCentsPerOfficerHour: 640,
      rankRules: [
        { rank: "sergeant", minPositions: 5 },
        { rank: "commander", minPositions: 16 },
      ],
      dispatch: {
        maxHoursPer24h: 16,
        maxHoursPer7d: 64,
        minRestHours: 8,
        waveSize: 10,
        waveIntervalMinutes: 15,
      },
    });
    for (const agency of agencies.values()) {
      expect(agency.phoneNumbers.every((number) => /^\+1\d{3}555\d{4}$/.test(number))).toBe(true);
      expect(agency.slack.supervisors.length).toBeGreaterThan(0);
    }
  });

  it("caches per folder and freezes configs", () => {
    expect(loadAgencies()).toBe(loadAgencies());
    const rockport = getAgency("rockport-tx-pd");
    expect(rockport?.vehicle.mileageCentsPerMile).toBe(63);
    expect(Object.isFrozen(rockport?.rates.officer?.regular)).toBe(true);
    expect(getAgency("nowhere-pd")).toBeUndefined();
  });

  it("picks up a new agency from a new file", () => {
    const dir = makeAgencyDir({
      "tucson-az-pd.json": tucsonText,
      "pima-az-pd.json": tucsonWith((agency) => {
        agency.id = "pima-az-pd";
        agency.name = "Pima Police Department";
      }),
      "README.txt": "not an agency",
    });
    expect([...loadAgencies(dir).keys()]).toEqual(["pima-az-pd", "tucson-az-pd"]);
  });

  it("names the file and every bad field path", () => {
    const dir = makeAgencyDir({
      "tucson-az-pd.json": tucsonWith((agency) => {
        agency.timeZone = "Mars/Olympus_Mons";
        (agency.rates as { officer: { regular: { holiday?: number } } }).officer.regular.holiday = 96.17;
        (agency.holidays as unknown[])[2] = {
          name: "Bad",
          rule: { kind: "nth_weekday", month: 13, weekday: 4, n: 4 },
        };
        delete agency.slack;
      }),
      "ok-pd.json": tucsonWith((agency) => {
        agency.id = "ok-pd";
      }),
    });
    const error = loadError(dir);
    expect(error.problems).toEqual([
      "tucson-az-pd.json: timeZone: must be a valid IANA time zone",
      "tucson-az-pd.json: slack: is required",
      "tucson-az-pd.json: rates.officer.regular.holiday: Invalid input: expected int, received number",
      "tucson-az-pd.json: holidays[2].rule.month: Too big: expected number to be <=12",
    ]);
    expect(error.message).toContain("tucson-az-pd.json: timeZone");
  });

  it("checks rules that span fields", () => {
    const dir = makeAgencyDir({
      "tucson-az-pd.json": tucsonWith((agency) => {
        agency.ranks = ["officer", "sergeant"];
        delete (agency.rates as Record<string, unknown>).commander;
        delete (agency.rates as { officer: { major_event: { emergency?: number } } }).officer.major_event
          .emergency;
      }),
    });
    expect(loadError(dir).problems).toEqual([
      "tucson-az-pd.json: rankRules[1].rank: commander is not in ranks",
      "tucson-az-pd.json: rates.officer.major_event.emergency: emergency rate required: the agency has an emergency rule",
    ]);
  });

  it("reports malformed JSON and an id that is not the file name", () => {
    const dir = makeAgencyDir({ "broken-pd.json": "{ nope", "other-name.json": tucsonText });
    const problems = loadError(dir).problems;
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^broken-pd\.json: \(file\): /);
    expect(problems[1]).toBe('other-name.json: id: must equal the file name "other-name"');
  });
});
