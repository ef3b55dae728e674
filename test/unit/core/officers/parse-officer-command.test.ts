import { describe, expect, it } from "vitest";
import { parseOfficerCommand } from "../../../../core/officers/index.ts";

describe("parseOfficerCommand", () => {
  it.each([
    ["YES 4K7", { kind: "accept", code: "4K7" }],
    ["yes", { kind: "accept", code: null }],
    ["no 4k7", { kind: "decline", code: "4K7" }],
    ["IN 4K7", { kind: "check_in", code: "4K7" }],
    ["out 4K7", { kind: "check_out", code: "4K7" }],
    ["DROP 4K7", { kind: "drop", code: "4K7" }],
    ["NOTE 4K7 gate B is locked", { kind: "note", code: "4K7", text: "gate B is locked" }],
    ["SHIFTS", { kind: "shifts" }],
    ["FILLED OFF", { kind: "filled_notices", on: false }],
    ["filled on", { kind: "filled_notices", on: true }],
    ["FILLED", { kind: "unknown" }],
    ["STOP", { kind: "opt_out" }],
    ["cancel", { kind: "opt_out" }],
    ["START", { kind: "opt_in" }],
    ["what's up", { kind: "unknown" }],
  ])("reads %s", (text, expected) => {
    expect(parseOfficerCommand(text)).toEqual(expected);
  });
});
