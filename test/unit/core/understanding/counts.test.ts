import { describe, expect, it } from "vitest";
import { type Case, pickFields } from "./parse-helpers.ts";

const OFFICERS: Case[] = [
  ["2 officers", { officers: 2 }],
  ["two cops", { officers: 2 }],
  ["a cop", { officers: 1 }],
  ["I need a cop", { officers: 1 }],
  ["an officer", { officers: 1 }],
  ["a couple of officers", { officers: 2 }],
  ["3 deputies", { officers: 3 }],
  ["2 off-duty officers", { officers: 2 }],
  ["two uniformed police officers", { officers: 2 }],
  ["twenty-one officers", { officers: 21 }],
  ["12 officers for the parade", { officers: 12 }],
  ["officers: 4", { officers: 4 }],
  ["we need 3", { officers: 3 }],
  ["need officer at my store", { officers: 1 }],
  ["dos oficiales", { officers: 2 }],
  ["tres policías", { officers: 3 }],
  ["un policía", { officers: 1 }],
  ["necesito un oficial", { officers: 1 }],
  ["cuatro agentes", { officers: 4 }],
  ["un par de oficiales", { officers: 2 }],
  ["make it 3", { officers: 3, correction: true }],
  ["actually make it 4 officers", { officers: 4, correction: true }],
  ["2 officers, no wait, 3 officers", { officers: 3, correction: true }],
  ["2-3 officers", { officers: null, startTime: null, endTime: null }],
  ["2 or 3 cops", { officers: null }],
  ["I'm a retired police officer", { officers: null }],
  ["the officer was great last time", { officers: null }],
  ["we need police", { officers: null }],
];

const BARE_COUNTS: Case[] = [
  ["3", { officers: 3 }, "officers"],
  ["three", { officers: 3 }, "officers"],
  ["just one", { officers: 1 }, "officers"],
  ["a couple", { officers: 2 }, "officers"],
  ["2 please", { officers: 2 }, "officers"],
  ["dos", { officers: 2 }, "officers"],
  ["3", { officers: null, startTime: null }],
  ["2", { vehicles: 2, officers: null }, "vehicles"],
  ["make it 2", { vehicles: 2, officers: null, correction: true }, "vehicles"],
  ["20", { vehicleMiles: 20 }, "vehicleMiles"],
  ["about 15", { vehicleMiles: 15 }, "vehicleMiles"],
  ["none, it will stay parked", { vehicleMiles: 0 }, "vehicleMiles"],
];

const VEHICLES: Case[] = [
  ["with a car", { vehicles: 1 }],
  ["with a patrol car", { vehicles: 1 }],
  ["with a police car", { vehicles: 1 }],
  ["need a vehicle", { vehicles: 1 }],
  ["2 cars", { vehicles: 2 }],
  ["2 officers with cars", { officers: 2, vehicles: 2 }],
  ["3 officers each with a car", { officers: 3, vehicles: 3 }],
  ["2 deputies with their cruisers", { officers: 2, vehicles: 2 }],
  ["with cars", { vehicles: 1 }],
  ["2 officers and 1 patrol car", { officers: 2, vehicles: 1 }],
  ["2 officers with a car", { officers: 2, vehicles: 1 }],
  ["no car", { vehicles: 0 }],
  ["without a vehicle", { vehicles: 0 }],
  ["no vehicle needed", { vehicles: 0 }],
  ["we don't need a car", { vehicles: 0 }],
  ["con patrulla", { vehicles: 1 }],
  ["sin patrulla", { vehicles: 0 }],
  ["dos oficiales con patrullas", { officers: 2, vehicles: 2 }],
  ["at the car wash", { vehicles: null }],
  ["for our car show", { vehicles: null }],
  ["yes", { vehicles: 1 }, "vehicles"],
  ["no", { vehicles: 0 }, "vehicles"],
  ["nope, on foot is fine", { vehicles: 0 }, "vehicles"],
];

const MILES: Case[] = [
  ["about 20 miles", { vehicleMiles: 20 }],
  ["a 15 mile escort", { vehicleMiles: 15, eventType: "escort" }],
  ["12.5 mi", { vehicleMiles: 12.5 }],
  ["unas 10 millas", { vehicleMiles: 10 }],
  ["ten miles", { vehicleMiles: 10 }],
];

describe("counts", () => {
  it.each(OFFICERS)("officers: %s", (message, expected, expecting) =>
    expect(pickFields(message, expected, expecting), message).toEqual(expected),
  );
  it.each(BARE_COUNTS)("bare answer: %s (%s)", (message, expected, expecting) =>
    expect(pickFields(message, expected, expecting), message).toEqual(expected),
  );
  it.each(VEHICLES)("vehicles: %s", (message, expected, expecting) =>
    expect(pickFields(message, expected, expecting), message).toEqual(expected),
  );
  it.each(MILES)("miles: %s", (message, expected, expecting) =>
    expect(pickFields(message, expected, expecting), message).toEqual(expected),
  );
});
