import { describe, expect, it } from "vitest";
import {
  checkCheckInWindow,
  countMinutesWorked,
  findAutoCheckOutAt,
  isPastCallOffDeadline,
} from "../../../../core/officers/index.ts";
import { at, DEFAULT_SETTINGS, MINUTE_MS } from "../dispatch/make-candidate.ts";

const shift = { start: at(18), end: at(22) };

describe("checkCheckInWindow", () => {
  it.each([
    ["43 hours before the start", at(18) - 43 * 60 * MINUTE_MS, { kind: "too_early", opensAt: at(17) }],
    ["one minute before it opens", at(16, 59), { kind: "too_early", opensAt: at(17) }],
    ["exactly when it opens (60 minutes before)", at(17), { kind: "open" }],
    ["during the shift", at(20), { kind: "open" }],
    ["one minute before the end", at(21, 59), { kind: "open" }],
    ["at the end", at(22), { kind: "ended", endedAt: at(22) }],
  ])("%s", (_name, when, expected) => {
    expect(checkCheckInWindow(shift, when, DEFAULT_SETTINGS)).toEqual(expected);
  });

  it("follows the agency's checkInOpensMinutesBefore", () => {
    expect(checkCheckInWindow(shift, at(17, 45), { checkInOpensMinutesBefore: 10 })).toEqual({ kind: "too_early", opensAt: at(17, 50) });
  });
});

describe("forgotten check-outs and minutes worked", () => {
  it("closes at the end plus the grace", () => {
    expect(findAutoCheckOutAt(at(22), DEFAULT_SETTINGS)).toBe(at(22, 30));
  });

  it("counts a started minute and never goes negative", () => {
    expect(countMinutesWorked(at(18), at(22))).toBe(240);
    expect(countMinutesWorked(at(18), at(18) + 1_000)).toBe(1);
    expect(countMinutesWorked(at(18), at(17))).toBe(0);
  });
});

describe("isPastCallOffDeadline", () => {
  it.each([
    [at(18) - 13 * 60 * MINUTE_MS, false],
    [at(6) - 1, false],
    [at(6), true],
    [at(17), true],
  ])("DROP at %d", (when, expected) => {
    expect(isPastCallOffDeadline(at(18), when, DEFAULT_SETTINGS)).toBe(expected);
  });
});
