import { describe, expect, it } from "vitest";
import { parseMessage } from "../../../../core/understanding/index.ts";
import { type Case, pickFields, makeContext } from "./parse-helpers.ts";

// Today is Wednesday 2026-06-10 in Tucson.
const DATES: Case[] = [
  ["today", { date: "2026-06-10" }],
  ["tonight", { date: "2026-06-10" }],
  ["tomorrow", { date: "2026-06-11" }],
  ["tmrw afternoon", { date: "2026-06-11" }],
  ["Saturday", { date: "2026-06-13" }],
  ["this Saturday", { date: "2026-06-13" }],
  ["next Sat", { date: "2026-06-13" }],
  ["Sat", { date: "2026-06-13" }],
  ["on Friday", { date: "2026-06-12" }],
  ["Sunday", { date: "2026-06-14" }],
  ["Monday", { date: "2026-06-15" }],
  ["Wednesday", { date: "2026-06-10" }],
  ["next Wednesday", { date: "2026-06-17" }],
  ["Saturday next week", { date: "2026-06-20" }],
  ["the day after tomorrow", { date: "2026-06-12" }],
  ["12/24", { date: "2026-12-24" }],
  ["12/24/2026", { date: "2026-12-24" }],
  ["12/24/26", { date: "2026-12-24" }],
  ["12-24-2026", { date: "2026-12-24" }],
  ["Dec 24", { date: "2026-12-24" }],
  ["Dec 24th", { date: "2026-12-24", officers: null }],
  ["Dec. 24, 2026", { date: "2026-12-24" }],
  ["December 24th", { date: "2026-12-24" }],
  ["24 December", { date: "2026-12-24" }],
  // A date with its month wins over a bare ordinal, which is most likely a street.
  ["March 14, Congress Street from 6th to Broadway", { date: "2027-03-14" }],
  ["the 24th", { date: "2026-06-24" }],
  ["on the 5th", { date: "2026-07-05" }],
  ["the 31st", { date: "2026-07-31" }],
  ["2026-12-24", { date: "2026-12-24" }],
  ["June 10", { date: "2026-06-10" }],
  ["Jan 5", { date: "2027-01-05" }],
  ["6/1", { date: "2027-06-01" }],
  ["on the 4th of July", { date: "2026-07-04" }],
  ["christmas eve", { date: "2026-12-24" }],
  ["Saturday the 20th", { date: "2026-06-20" }],
  ["hoy", { date: "2026-06-10" }],
  ["mañana", { date: "2026-06-11" }],
  ["manana", { date: "2026-06-11" }],
  ["pasado mañana", { date: "2026-06-12" }],
  ["el sábado", { date: "2026-06-13" }],
  ["este domingo", { date: "2026-06-14" }],
  ["el próximo viernes", { date: "2026-06-12" }],
  ["24 de diciembre", { date: "2026-12-24" }],
  ["el 24 de diciembre de 2026", { date: "2026-12-24" }],
  ["el 24", { date: "2026-06-24" }],
  ["para el día 15", { date: "2026-06-15" }],
  ["Saturday instead of Friday", { date: "2026-06-13", correction: true }],
  ["not Friday, Saturday", { date: "2026-06-13" }],
];

const NOT_DATES: Case[] = [
  ["Feb 30", { date: null, officers: null }],
  ["we are open 24/7", { date: null }],
  ["a las 8 de la mañana", { date: null, startTime: "08:00" }],
  ["I need 2 officers", { date: null }],
  ["my sunday school class", { date: null }],
  ["we may need 2 officers", { date: null, officers: 2 }],
  ["hi", { date: null }],
];

describe("dates", () => {
  it.each(DATES)("%s", (message, expected, expecting) =>
    expect(pickFields(message, expected, expecting), message).toEqual(expected),
  );
  it.each(NOT_DATES)("not a date: %s", (message, expected, expecting) =>
    expect(pickFields(message, expected, expecting), message).toEqual(expected),
  );

  it("reads today in the agency's time zone, not UTC", () => {
    const lateEvening = new Date("2026-06-11T04:30:00Z"); // 23:30 on June 10 in Chicago
    const chicago = makeContext({ now: lateEvening, timeZone: "America/Chicago" });
    expect(parseMessage("today", chicago).date).toBe("2026-06-10");
    expect(parseMessage("tomorrow", chicago).date).toBe("2026-06-11");
    expect(parseMessage("today", makeContext({ now: lateEvening, timeZone: "UTC" })).date).toBe("2026-06-11");
  });

  it("takes 'next Sat' on a Saturday to mean a week later, and 'Saturday' to mean today", () => {
    const saturday = makeContext({ now: new Date("2026-06-13T16:00:00Z") });
    expect(parseMessage("next Sat", saturday).date).toBe("2026-06-20");
    expect(parseMessage("Saturday", saturday).date).toBe("2026-06-13");
  });

  it("reads an ambiguous numeric date day-first in a Spanish conversation", () => {
    expect(parseMessage("5/7", makeContext({ language: "es" })).date).toBe("2026-07-05");
    expect(parseMessage("5/7", makeContext()).date).toBe("2027-05-07");
    expect(parseMessage("24/12", makeContext()).date).toBe("2026-12-24");
  });

  it("leaves relative dates unknown when the clock is invalid, and survives an unknown time zone", () => {
    expect(parseMessage("tomorrow", makeContext({ now: new Date(Number.NaN) })).date).toBeNull();
    expect(parseMessage("12/24/2026", makeContext({ now: new Date(Number.NaN) })).date).toBe("2026-12-24");
    expect(parseMessage("tomorrow", makeContext({ timeZone: "Mars/Olympus" })).date).toBe("2026-06-11");
  });
});
