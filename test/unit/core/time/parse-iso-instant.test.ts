import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  divideCeil,
  divideFloor,
  parseIsoInstant,
  parseValidatedIsoInstant,
} from "../../../../core/time/index.ts";

describe("parseIsoInstant", () => {
  it.each([
    ["2026-12-24T20:00:00-07:00", Date.UTC(2026, 11, 25, 3, 0, 0)],
    ["2026-12-24T20:00-07:00", Date.UTC(2026, 11, 25, 3, 0, 0)],
    ["2026-12-25T03:00:00Z", Date.UTC(2026, 11, 25, 3, 0, 0)],
    ["2026-12-25T03:00:00.250Z", Date.UTC(2026, 11, 25, 3, 0, 0, 250)],
    ["2026-12-25T03:00:00.123456789Z", Date.UTC(2026, 11, 25, 3, 0, 0, 123)],
    ["2026-03-08T03:00:00-05:00", Date.UTC(2026, 2, 8, 8, 0, 0)],
    ["2028-02-29T00:00:00+05:30", Date.UTC(2028, 1, 28, 18, 30, 0)],
  ])("reads %s", (text, epochMs) => {
    expect(parseIsoInstant(text)).toBe(epochMs);
  });

  it.each([
    "2026-12-24T20:00:00", // no offset: not an instant
    "2026-12-24 20:00:00Z",
    "2026-02-30T10:00:00Z", // Date.parse would roll this over to March 2
    "2027-02-29T10:00:00Z",
    "2026-12-24T24:00:00Z",
    "2026-12-24T20:60:00Z",
    "2026-12-24T20:00:00+0700",
    "2026-12-24T20:00:00+07",
    "2026-12-24T20:00:00+24:00",
    "0999-12-24T20:00:00Z",
    "tomorrow",
    "",
  ])("refuses %j", (text) => {
    expect(parseIsoInstant(text)).toBeNull();
  });

  it("throws from the validated variant on bad input", () => {
    expect(() => parseValidatedIsoInstant("nope")).toThrow(RangeError);
    expect(parseValidatedIsoInstant("1970-01-01T00:00:00Z")).toBe(0);
  });
});

describe("integer division", () => {
  it.each([
    [7, 2, 3, 4],
    [-7, 2, -4, -3],
    [6, 3, 2, 2],
    [0, 5, 0, 0],
  ])("%i / %i floors to %i and ceils to %i", (a, b, floor, ceil) => {
    expect(divideFloor(a, b)).toBe(floor);
    expect(divideCeil(a, b)).toBe(ceil);
  });
});

describe("parseIsoInstant agrees with Date.parse on valid instants", () => {
  it("for random instants, offsets and precisions", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1000, 0, 2), max: Date.UTC(9999, 11, 30) }),
        fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }),
        fc.constantFrom("minutes", "seconds", "millis"),
        (epochMs, offsetMinutes, precision) => {
          const truncated =
            precision === "minutes"
              ? epochMs - (epochMs % 60_000)
              : precision === "seconds"
                ? epochMs - (epochMs % 1000)
                : epochMs;
          const local = new Date(truncated + offsetMinutes * 60_000).toISOString(); // YYYY-MM-DDTHH:mm:ss.sssZ
          const sign = offsetMinutes < 0 ? "-" : "+";
          const abs = Math.abs(offsetMinutes);
          const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
          const clock =
            precision === "minutes"
              ? local.slice(0, 16)
              : precision === "seconds"
                ? local.slice(0, 19)
                : local.slice(0, 23);
          const text = `${clock}${offset}`;
          expect(parseIsoInstant(text)).toBe(truncated);
          expect(parseIsoInstant(text)).toBe(Date.parse(text));
        },
      ),
      { numRuns: 500 },
    );
  });
});
