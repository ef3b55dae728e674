import { describe, expect, it } from "vitest";
import { type Case, pickFields } from "./parse-helpers.ts";

const at = (line1: string, city: string | null = null, state: string | null = null) => ({
  address: { line1, city, state },
});

const ADDRESSES: Case[] = [
  ["at 4500 E Broadway", at("4500 E Broadway")],
  ["4500 E Broadway Blvd, Tucson, AZ", at("4500 E Broadway Blvd", "Tucson", "AZ")],
  ["1 S Church Ave Tucson AZ 85701", at("1 S Church Ave", "Tucson", "AZ")],
  ["123 Main St, Mesquite TX", at("123 Main St", "Mesquite", "TX")],
  ["en 4500 E Broadway", at("4500 E Broadway")],
  ["4500 E Broadway Tucson AZ", at("4500 E Broadway", "Tucson", "AZ")],
  ["4500 E Broadway, Tucson", at("4500 E Broadway", "Tucson")],
  ["the store is at 2200 N Oracle Rd in Tucson", at("2200 N Oracle Rd", "Tucson")],
  ["301 W 24th St, Rockport, Texas", at("301 W 24th St", "Rockport", "TX")],
  ["at 901 Marketplace Dr Suite 200", at("901 Marketplace Dr Suite 200")],
  ["1515 N Town East Blvd, Mesquite, TX 75150", at("1515 N Town East Blvd", "Mesquite", "TX")],
  ["at 4500 e broadway blvd tucson az", at("4500 E Broadway Blvd", "Tucson", "AZ")],
  ["at 77 Calle Primavera", at("77 Calle Primavera")],
  ["located at 350 Austin St, San Antonio, TX", at("350 Austin St", "San Antonio", "TX")],
];

const NOT_ADDRESSES: Case[] = [
  ["I need 2 officers", { address: null, officers: 2 }],
  ["at 3 locations", { address: null }],
  ["at 8 tonight", { address: null, startTime: "20:00" }],
  ["2 officers Saturday 6-11pm", { address: null }],
  ["we expect 300 guests", { address: null }],
  ["Dec 24 at 7 PM", { address: null, startTime: "19:00" }],
];

describe("addresses", () => {
  it.each(ADDRESSES)("%s", (message, expected, expecting) =>
    expect(pickFields(message, expected, expecting), message).toEqual(expected),
  );
  it.each(NOT_ADDRESSES)("not an address: %s", (message, expected, expecting) =>
    expect(pickFields(message, expected, expecting), message).toEqual(expected),
  );
  it.each<Case>([
    ["Reid Park ramada 5", at("Reid Park ramada 5"), "address"],
    ["it's at Reid Park, Tucson, AZ", at("Reid Park", "Tucson", "AZ"), "address"],
    ["4500 E Broadway", { ...at("4500 E Broadway"), officers: null, startTime: null }, "address"],
    ["yes", { address: null }, "address"],
  ])("answers the address question: %s", (message, expected, expecting) =>
    expect(pickFields(message, expected, expecting), message).toEqual(expected),
  );
});
