import { describe, expect, it } from "vitest";
import { type Case, pickFields } from "./parse-helpers.ts";

const RANGES: Case[] = [
  ["6pm-11", { startTime: "18:00", endTime: "23:00" }],
  ["6-11pm", { startTime: "18:00", endTime: "23:00" }],
  ["6–11pm", { startTime: "18:00", endTime: "23:00" }],
  ["6pm to 11pm", { startTime: "18:00", endTime: "23:00" }],
  ["6:00 PM - 11:00 PM", { startTime: "18:00", endTime: "23:00" }],
  ["6p-11p", { startTime: "18:00", endTime: "23:00" }],
  ["18:00 until midnight", { startTime: "18:00", endTime: "00:00" }],
  ["from 7 to 3", { startTime: "07:00", endTime: "15:00" }],
  ["9-5", { startTime: "09:00", endTime: "17:00" }],
  ["10-2pm", { startTime: "10:00", endTime: "14:00" }],
  ["9pm to 2", { startTime: "21:00", endTime: "02:00" }],
  ["11pm-7am", { startTime: "23:00", endTime: "07:00" }],
  ["noon to 4", { startTime: "12:00", endTime: "16:00" }],
  ["between 6 and 11pm", { startTime: "18:00", endTime: "23:00" }],
  ["tonight 8-12", { startTime: "20:00", endTime: "00:00" }],
  ["7-11 in the morning", { startTime: "07:00", endTime: "11:00" }],
  ["1800-2300", { startTime: "18:00", endTime: "23:00" }],
  ["0700 to 1500 hrs", { startTime: "07:00", endTime: "15:00" }],
  ["de 6 a 11 de la noche", { startTime: "18:00", endTime: "23:00" }],
  ["de 8 a 12", { startTime: "08:00", endTime: "12:00" }],
  ["desde las 6 hasta las 11 pm", { startTime: "18:00", endTime: "23:00" }],
  ["de 18:00 a 23:00", { startTime: "18:00", endTime: "23:00" }],
  ["7:30am-3:30pm", { startTime: "07:30", endTime: "15:30" }],
  ["12pm-4pm", { startTime: "12:00", endTime: "16:00" }],
  ["10 pm to 12 am", { startTime: "22:00", endTime: "00:00" }],
];

const SINGLE_TIMES: Case[] = [
  ["noon", { startTime: "12:00", endTime: null }],
  ["midnight", { startTime: "00:00" }],
  ["7:30am", { startTime: "07:30", endTime: null }],
  ["at 8", { startTime: "08:00" }],
  ["at 5", { startTime: "17:00" }],
  ["starting at 9pm", { startTime: "21:00", endTime: null }],
  ["at 8 tonight", { startTime: "20:00" }],
  ["a las 8 pm", { startTime: "20:00" }],
  ["a las 8 de la mañana", { startTime: "08:00" }],
  ["a las 12 de la noche", { startTime: "00:00" }],
  ["until 11", { startTime: null, endTime: "23:00" }],
  ["start at 6pm and end at 11", { startTime: "18:00", endTime: "23:00" }],
  ["be there by 7:00", { startTime: "07:00" }],
  ["19:30", { startTime: "19:30" }],
];

const DURATIONS: Case[] = [
  ["for 4 hours", { durationMinutes: 240, startTime: null, endTime: null }],
  ["4 hrs", { durationMinutes: 240 }],
  ["4-hour shift", { durationMinutes: 240 }],
  ["a 4 hr detail", { durationMinutes: 240 }],
  ["for four hours", { durationMinutes: 240 }],
  ["4.5 hours", { durationMinutes: 270 }],
  ["3 and a half hours", { durationMinutes: 210 }],
  ["an hour and a half", { durationMinutes: 90 }],
  ["90 minutes", { durationMinutes: 90 }],
  ["por 4 horas", { durationMinutes: 240 }],
  ["at 8 for 4 hours", { startTime: "08:00", durationMinutes: 240 }],
  ["una hora", { durationMinutes: 60 }],
];

const NOT_TIMES: Case[] = [
  ["I need 2 officers", { startTime: null, endTime: null, officers: 2 }],
  ["3 deputies please", { startTime: null, officers: 3 }],
  ["about 200 people will attend", { startTime: null, endTime: null, officers: null }],
  ["call me at 520-555-0142", { startTime: null, officers: null }],
  ["my number is (520) 555-0142", { startTime: null, officers: null }],
  ["4500 E Broadway", { startTime: null, officers: null }],
  ["we can pay $300", { startTime: null, officers: null }],
  ["I know it's less than 48 hours notice", { durationMinutes: null }],
  ["we're open 24 hours", { durationMinutes: null }],
  ["ahora mismo", { durationMinutes: null }],
  ["2 cars", { startTime: null, vehicles: 2 }],
];

describe("times", () => {
  it.each(RANGES)("range %s", (message, expected, expecting) =>
    expect(pickFields(message, expected, expecting), message).toEqual(expected),
  );
  it.each(SINGLE_TIMES)("single %s", (message, expected, expecting) =>
    expect(pickFields(message, expected, expecting), message).toEqual(expected),
  );
  it.each(DURATIONS)("duration %s", (message, expected, expecting) =>
    expect(pickFields(message, expected, expecting), message).toEqual(expected),
  );
  it.each(NOT_TIMES)("not a time: %s", (message, expected, expecting) =>
    expect(pickFields(message, expected, expecting), message).toEqual(expected),
  );

  it.each<Case>([
    ["8", { startTime: "08:00" }, "start"],
    ["3", { startTime: "15:00", officers: null }, "start"],
    ["11", { endTime: "23:00", startTime: null }, "end"],
    ["11pm", { endTime: "23:00" }, "end"],
    ["6-11pm", { startTime: "18:00", endTime: "23:00" }, "time"],
    ["8", { startTime: null, officers: 8 }, "officers"],
  ])("answers the time the bot asked for: %s (%s)", (message, expected, expecting) =>
    expect(pickFields(message, expected, expecting), message).toEqual(expected),
  );
});
