import { describe, expect, it } from "vitest";
import { parseMessage } from "../../../../core/understanding/index.ts";
import { type Case, makeContext, pickFields } from "./parse-helpers.ts";

// Dates and times as customers text them: holidays by name, SMS spellings, "nite", "til midnite",
// 24-hour clock times. Today is Wednesday 2026-06-10 in Tucson.
const HOLIDAYS: Case[] = [
  ["xmas eve", { date: "2026-12-24" }],
  ["Xmas Eve 6pm til midnite", { date: "2026-12-24", startTime: "18:00", endTime: "00:00" }],
  ["x-mas eve", { date: "2026-12-24" }],
  ["xmas", { date: "2026-12-25" }],
  ["christmas eve", { date: "2026-12-24" }],
  ["christmas day", { date: "2026-12-25" }],
  ["new years eve", { date: "2026-12-31" }],
  ["new year's eve", { date: "2026-12-31" }],
  ["new yrs eve", { date: "2026-12-31" }],
  ["NYE party 9pm-1am", { date: "2026-12-31", startTime: "21:00", endTime: "01:00" }],
  ["new years day", { date: "2027-01-01" }],
  ["4th of july", { date: "2026-07-04" }],
  ["fourth of july", { date: "2026-07-04" }],
  ["nochebuena", { date: "2026-12-24" }],
  ["navidad", { date: "2026-12-25" }],
  ["año nuevo", { date: "2027-01-01" }],
  ["nochevieja", { date: "2026-12-31" }],
];

const SHORTHAND_DATES: Case[] = [
  ["tmrw", { date: "2026-06-11" }],
  ["tmr", { date: "2026-06-11" }],
  ["tmrrw", { date: "2026-06-11" }],
  ["2moro", { date: "2026-06-11" }],
  ["2morrow", { date: "2026-06-11" }],
  ["tomorow", { date: "2026-06-11" }],
  ["tommorow", { date: "2026-06-11" }],
  ["tomorrrow", { date: "2026-06-11" }],
  ["tomorow nite", { date: "2026-06-11" }],
  ["day after tmrw", { date: "2026-06-12" }],
  ["2nite", { date: "2026-06-10" }],
  ["tonite", { date: "2026-06-10" }],
  ["sat", { date: "2026-06-13" }],
  ["thurs", { date: "2026-06-11" }],
  ["thur", { date: "2026-06-11" }],
  ["weds", { date: "2026-06-10" }],
  ["tues", { date: "2026-06-16" }],
  ["this sun", { date: "2026-06-14" }],
  ["on sun", { date: "2026-06-14" }],
  ["next sun", { date: "2026-06-14" }],
  ["sun nite 8-12", { date: "2026-06-14", startTime: "20:00", endTime: "00:00" }],
  ["sun 8-12", { date: "2026-06-14" }],
  ["the 4th", { date: "2026-07-04" }],
  ["on the 20th", { date: "2026-06-20" }],
  ["el 4", { date: "2026-07-04" }],
];

const NOT_DATES: Case[] = [
  ["we set up under the sun", { date: null }],
  ["on sun valley rd", { date: null }],
  ["the sun is brutal at 2pm", { date: null }],
  // A weekend is two days: the bot asks which one.
  ["this wknd", { date: null }],
];

const TIMES: Case[] = [
  ["8pm til midnite", { startTime: "20:00", endTime: "00:00" }],
  ["8pm till midnight", { startTime: "20:00", endTime: "00:00" }],
  ["8pm untill 11", { startTime: "20:00", endTime: "23:00" }],
  ["8pm thru 11", { startTime: "20:00", endTime: "23:00" }],
  ["8-midnite", { startTime: "20:00", endTime: "00:00" }],
  ["untill 11", { startTime: null, endTime: "23:00" }],
  ["till midnite", { startTime: null, endTime: "00:00" }],
  ["noon til 4", { startTime: "12:00", endTime: "16:00" }],
  ["de mediodía a las 4", { startTime: "12:00", endTime: "16:00" }],
  ["tomorrow nite 8-12", { date: "2026-06-11", startTime: "20:00", endTime: "00:00" }],
  ["tomorow nite 8-12", { date: "2026-06-11", startTime: "20:00", endTime: "00:00" }],
  ["fri nite 8-12", { date: "2026-06-12", startTime: "20:00", endTime: "00:00" }],
  ["saturday nite 9 to 1", { date: "2026-06-13", startTime: "21:00", endTime: "01:00" }],
  ["2nite 8-12", { date: "2026-06-10", startTime: "20:00", endTime: "00:00" }],
  ["tonite 8 til midnite", { date: "2026-06-10", startTime: "20:00", endTime: "00:00" }],
  ["1900-2300", { startTime: "19:00", endTime: "23:00" }],
  ["19:00-23:00", { startTime: "19:00", endTime: "23:00" }],
  ["from 1900 to 2300", { startTime: "19:00", endTime: "23:00" }],
  ["between 1900 and 2300", { startTime: "19:00", endTime: "23:00" }],
  ["de 1900 a 2300", { startTime: "19:00", endTime: "23:00" }],
  [
    "2 officers on the 20th 1900-2300",
    { officers: 2, date: "2026-06-20", startTime: "19:00", endTime: "23:00" },
  ],
];

describe("SMS shorthand for dates and times", () => {
  it.each(HOLIDAYS)("holiday %s", (message, expected, expecting) =>
    expect(pickFields(message, expected, expecting), message).toEqual(expected),
  );
  it.each(SHORTHAND_DATES)("date %s", (message, expected, expecting) =>
    expect(pickFields(message, expected, expecting), message).toEqual(expected),
  );
  it.each(NOT_DATES)("not a date: %s", (message, expected, expecting) =>
    expect(pickFields(message, expected, expecting), message).toEqual(expected),
  );
  it.each(TIMES)("time %s", (message, expected, expecting) =>
    expect(pickFields(message, expected, expecting), message).toEqual(expected),
  );

  it("reads 'the 4th' as the next 4th on or after today", () => {
    const on = (iso: string) => makeContext({ now: new Date(iso) });
    expect(parseMessage("the 4th", on("2026-06-04T16:00:00Z")).date).toBe("2026-06-04");
    expect(parseMessage("the 4th", on("2026-06-02T16:00:00Z")).date).toBe("2026-06-04");
    expect(parseMessage("on the 20th", on("2026-12-21T16:00:00Z")).date).toBe("2027-01-20");
    const spanish = makeContext({ now: new Date("2026-06-02T16:00:00Z"), language: "es" });
    expect(parseMessage("el 4", spanish).date).toBe("2026-06-04");
  });
});
