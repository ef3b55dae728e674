import { describe, expect, it } from "vitest";
import {
  countOffDutyMinutes,
  FAIRNESS_WINDOW_MS,
  type OfficerCandidate,
  orderCandidates,
} from "../../../../core/dispatch/index.ts";
import { at, hours, makeCandidate } from "./make-candidate.ts";

const NOW = at(24 * 40);
const DAY = 24;
/** Hours relative to NOW (negative = in the past). */
const ago = (fromHours: number, toHours: number) => hours(24 * 40 + fromHours, 24 * 40 + toHours);

describe("countOffDutyMinutes", () => {
  it.each([
    { name: "no shifts", shifts: [], expected: 0 },
    { name: "one 4 h shift inside", shifts: [ago(-10, -6)], expected: 240 },
    { name: "clipped at the window start", shifts: [ago(-30 * DAY - 2, -30 * DAY + 1)], expected: 60 },
    { name: "clipped at now (shift in progress)", shifts: [ago(-1, 3)], expected: 60 },
    { name: "future shifts are not counted", shifts: [ago(1, 5)], expected: 0 },
    { name: "older than 30 days is not counted", shifts: [ago(-31 * DAY, -31 * DAY + 8)], expected: 0 },
    { name: "overlapping records count once", shifts: [ago(-10, -6), ago(-8, -4)], expected: 360 },
    { name: "seconds give fractional minutes", shifts: [{ start: NOW - 90_000, end: NOW }], expected: 1.5 },
  ])("$name → $expected min", ({ shifts, expected }) => {
    const candidate = makeCandidate({ offDutyShifts: shifts });
    expect(countOffDutyMinutes(candidate, NOW - FAIRNESS_WINDOW_MS, NOW)).toBe(expected);
  });
});

describe("orderCandidates: fairest first", () => {
  const ids = (list: OfficerCandidate[]) => list.map((c) => c.id);

  it("puts fewer off-duty minutes in the last 30 days first", () => {
    const busy = makeCandidate({ id: "busy", offDutyShifts: [ago(-20, -12)] });
    const light = makeCandidate({ id: "light", offDutyShifts: [ago(-20, -16)] });
    const idle = makeCandidate({ id: "idle" });
    expect(ids(orderCandidates([busy, light, idle], NOW))).toEqual(["idle", "light", "busy"]);
  });

  it("ignores hours outside the window when comparing", () => {
    const old = makeCandidate({ id: "a-old", offDutyShifts: [ago(-40 * DAY, -40 * DAY + 16)] });
    const upcoming = makeCandidate({ id: "b-upcoming", offDutyShifts: [ago(2, 18)] });
    const recent = makeCandidate({ id: "c-recent", offDutyShifts: [ago(-5, -4)] });
    expect(ids(orderCandidates([recent, upcoming, old], NOW))).toEqual(["a-old", "b-upcoming", "c-recent"]);
  });

  it("breaks ties by seniority (earlier date first), then by id", () => {
    const list = [
      makeCandidate({ id: "c", seniorityDate: "2019-01-01" }),
      makeCandidate({ id: "b", seniorityDate: "2010-05-20" }),
      makeCandidate({ id: "a", seniorityDate: "2019-01-01" }),
      makeCandidate({ id: "d", seniorityDate: "2010-05-19" }),
    ];
    expect(ids(orderCandidates(list, NOW))).toEqual(["d", "b", "a", "c"]);
  });

  it("ranks minutes above seniority", () => {
    const senior = makeCandidate({ id: "senior", seniorityDate: "1999-01-01", offDutyShifts: [ago(-3, -2)] });
    const junior = makeCandidate({ id: "junior", seniorityDate: "2024-01-01" });
    expect(ids(orderCandidates([senior, junior], NOW))).toEqual(["junior", "senior"]);
  });

  it("returns a new array and leaves the input alone", () => {
    const list = [makeCandidate({ id: "b" }), makeCandidate({ id: "a" })];
    const ordered = orderCandidates(list, NOW);
    expect(ids(list)).toEqual(["b", "a"]);
    expect(ordered).not.toBe(list);
    expect(orderCandidates([], NOW)).toEqual([]);
  });

  it("throws on a seniority date that is not YYYY-MM-DD", () => {
    expect(() => orderCandidates([makeCandidate({ seniorityDate: "6/1/2015" })], NOW)).toThrow(RangeError);
  });
});
