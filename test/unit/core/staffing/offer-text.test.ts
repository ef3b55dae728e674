import { describe, expect, it } from "vitest";
import type { Cents } from "../../../../core/money/index.ts";
import { countSmsSegments, describePlace, formatShiftTimes, renderOfferText } from "../../../../core/staffing/index.ts";

const TZ = "America/Phoenix";
const at = (iso: string) => Date.parse(iso);
const base = {
  rank: "sergeant" as const,
  start: at("2026-12-19T18:00:00-07:00"),
  end: at("2026-12-19T23:00:00-07:00"),
  timeZone: TZ,
  place: "4500 E Broadway Blvd, Tucson",
  pay: { cents: 10871 as Cents, holidayCents: null },
  code: "4K7M",
  requestNumber: 1042,
};

describe("renderOfferText", () => {
  it("names rank, local date and time, place, hourly pay and the code, in one GSM segment", () => {
    const text = renderOfferText(base);
    expect(text).toBe(
      "Sergeant off-duty shift: Sat Dec 19 6:00 PM-11:00 PM at 4500 E Broadway Blvd, Tucson (#1042). $108.71/hour. Reply YES 4K7M to take it or NO 4K7M to pass.",
    );
    expect(countSmsSegments(text)).toBe(1);
  });

  it.each([
    { rank: "officer" as const, title: "Officer" },
    { rank: "commander" as const, title: "Commander" },
  ])("$rank offers start with $title", ({ rank, title }) => {
    expect(renderOfferText({ ...base, rank })).toMatch(new RegExp(`^${title} off-duty shift: .* Reply YES 4K7M`));
  });

  it("drops the request number, then the polite reply, to stay in one segment", () => {
    const place = "12000 N Oracle Rd, Oro Valley Marketplace";
    const text = renderOfferText({ ...base, place, pay: { cents: 10871 as Cents, holidayCents: 16307 as Cents } });
    expect(countSmsSegments(text)).toBe(1);
    expect(text).not.toContain("#1042");
    expect(text).toContain("$108.71/hour ($163.07 holiday)");
    expect(text).toMatch(/Reply YES 4K7M( to take it)? or NO 4K7M/);
  });

  it("keeps every fact even when two segments are needed, and cuts a very long place", () => {
    const place = "Pima County Fairgrounds, south parking lot entrance by the rodeo arena gate 3, 11300 S Houghton Rd";
    const text = renderOfferText({ ...base, place, pay: { cents: 10871 as Cents, holidayCents: 16307 as Cents } });
    expect(text).toContain("...");
    expect(text).toContain("$108.71/hour");
    expect(text).toContain("YES 4K7M");
    expect(countSmsSegments(text)).toBeLessThanOrEqual(2);
  });

  it("shows a shift across midnight with the end's day", () => {
    expect(formatShiftTimes(at("2026-12-24T20:00:00-07:00"), at("2026-12-25T01:00:00-07:00"), TZ)).toBe(
      "Thu Dec 24 8:00 PM-Fri 1:00 AM",
    );
  });

  it("reads times in the agency's zone, whatever the server's", () => {
    expect(formatShiftTimes(at("2026-07-04T01:00:00Z"), at("2026-07-04T04:00:00Z"), "America/Chicago")).toBe(
      "Fri Jul 3 8:00 PM-11:00 PM",
    );
  });
});

describe("countSmsSegments", () => {
  it.each([
    { text: "a".repeat(160), segments: 1 },
    { text: "a".repeat(161), segments: 2 },
    { text: "€".repeat(80), segments: 1 },
    { text: "€".repeat(81), segments: 2 },
    { text: `${"a".repeat(69)}–`, segments: 1 },
    { text: `${"a".repeat(70)}–`, segments: 2 },
  ])("$segments segment(s) for a text of length $text.length", ({ text, segments }) => {
    expect(countSmsSegments(text)).toBe(segments);
  });
});

describe("describePlace", () => {
  it.each([
    { address: { line1: "4500 E Broadway Blvd", city: "Tucson" }, place: "4500 E Broadway Blvd, Tucson" },
    { address: { line1: "1 S Church Ave, Tucson" }, place: "1 S Church Ave, Tucson" },
    { address: { city: "Marana" }, place: "Marana" },
    { address: null, place: "Tucson" },
  ])("$place", ({ address, place }) => {
    expect(describePlace(address, "Tucson")).toBe(place);
  });
});
