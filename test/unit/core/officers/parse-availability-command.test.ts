import { describe, expect, it } from "vitest";
import { OFFICER_HELP, parseOfficerCommand } from "../../../../core/officers/index.ts";

describe("PAUSE / RESUME / QUIET", () => {
  it.each([
    ["PAUSE", { kind: "pause", days: null }],
    ["pause", { kind: "pause", days: null }],
    ["PAUSE 3", { kind: "pause", days: 3 }],
    ["Pause 3 days", { kind: "pause", days: 3 }],
    ["PAUSE 1 day", { kind: "pause", days: 1 }],
    ["PAUSE 14d", { kind: "pause", days: 14 }],
    ["PAUSE 0", { kind: "availability_usage", verb: "pause" }],
    ["PAUSE 91", { kind: "availability_usage", verb: "pause" }],
    ["PAUSE a while", { kind: "availability_usage", verb: "pause" }],
    ["RESUME", { kind: "resume" }],
    ["resume.", { kind: "resume" }],
    ["QUIET 22-07", { kind: "quiet_hours", start: "22:00", end: "07:00" }],
    ["quiet 10pm-7am", { kind: "quiet_hours", start: "22:00", end: "07:00" }],
    ["QUIET 10 pm - 7 am", { kind: "quiet_hours", start: "22:00", end: "07:00" }],
    ["QUIET 10:30pm to 6am", { kind: "quiet_hours", start: "22:30", end: "06:00" }],
    ["QUIET 22:30-06:15", { kind: "quiet_hours", start: "22:30", end: "06:15" }],
    ["QUIET 2200-0700", { kind: "quiet_hours", start: "22:00", end: "07:00" }],
    ["QUIET 12am-6am", { kind: "quiet_hours", start: "00:00", end: "06:00" }],
    ["QUIET 12pm-1pm", { kind: "quiet_hours", start: "12:00", end: "13:00" }],
    ["QUIET OFF", { kind: "quiet_hours", start: null, end: null }],
    ["quiet off", { kind: "quiet_hours", start: null, end: null }],
    ["QUIET", { kind: "availability_usage", verb: "quiet" }],
    ["QUIET 25-07", { kind: "availability_usage", verb: "quiet" }],
    ["QUIET 13pm-7am", { kind: "availability_usage", verb: "quiet" }],
    ["QUIET 22-22", { kind: "availability_usage", verb: "quiet" }],
    ["QUIET 22-07-09", { kind: "availability_usage", verb: "quiet" }],
  ])("reads %s", (text, expected) => {
    expect(parseOfficerCommand(text)).toEqual(expected);
  });

  it("lists the commands in HELP", () => {
    for (const word of ["PAUSE", "RESUME", "QUIET 22-07", "QUIET OFF"]) expect(OFFICER_HELP).toContain(word);
  });
});
