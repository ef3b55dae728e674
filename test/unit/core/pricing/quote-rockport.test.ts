import { describe, expect, it } from "vitest";
import { quoteRequest } from "../../../../core/pricing/index.ts";
import type { QuoteRequestInput } from "../../../../core/requests/index.ts";
import { describeLines, localInstant } from "../../../builders/describe-lines.ts";
import { getTestAgency, makeQuoteRequest } from "../../../builders/quote-request.ts";

const ZONE = "America/Chicago";
const rockport = getTestAgency("rockport-tx-pd");
const local = (text: string) => localInstant(text, ZONE);

function quote(overrides: Partial<QuoteRequestInput>) {
  return quoteRequest(
    makeQuoteRequest({ agency: "rockport-tx-pd", requestedAt: undefined, ...overrides }),
    rockport,
  );
}

/** One officer, 10:00–14:00 local on `date`. */
function quoteDay(date: string) {
  return quote({ start: local(`${date}T10:00`), end: local(`${date}T14:00`), officers: 1 });
}

describe("Rockport quotes", () => {
  it.each([
    ["2026-01-01", "New Year's Day"],
    ["2026-04-05", "Easter Sunday"],
    ["2026-05-25", "Memorial Day"],
    ["2026-07-04", "Independence Day"],
    ["2026-09-07", "Labor Day"],
    ["2026-11-11", "Veterans Day"],
    ["2026-11-26", "Thanksgiving Day"],
    ["2026-11-27", "Day after Thanksgiving"],
    ["2026-12-24", "Christmas Eve"],
    ["2026-12-25", "Christmas Day"],
    ["2026-12-31", "New Year's Eve"],
    ["2027-03-28", "Easter Sunday 2027"],
    ["2027-05-31", "Memorial Day 2027"],
    ["2027-09-06", "Labor Day 2027"],
    ["2027-11-25", "Thanksgiving Day 2027"],
    ["2027-11-26", "Day after Thanksgiving 2027"],
  ])("bills %s (%s) at the holiday rate $67.80", (date) => {
    const result = quoteDay(date);
    expect(describeLines(result.lines)).toEqual(["labor officer holiday 240m × 6780 = 27120"]);
    expect(result.totalCents).toBe(27120);
  });

  it.each([
    ["2026-04-06", "Easter Monday"],
    ["2026-05-18", "the Monday before Memorial Day"],
    ["2026-07-03", "the eve of Independence Day"],
    ["2026-09-14", "the second Monday of September"],
    ["2026-11-10", "the eve of Veterans Day"],
    ["2026-11-19", "the third Thursday of November"],
    ["2026-11-28", "the Saturday after Thanksgiving"],
    ["2026-12-26", "Boxing Day"],
    ["2027-04-05", "2026's Easter date in 2027"],
  ])("bills %s (%s) at the regular rate $56.50", (date) => {
    expect(describeLines(quoteDay(date).lines)).toEqual(["labor officer regular 240m × 5650 = 22600"]);
  });

  it("splits a shift crossing midnight into Thanksgiving at the local day boundary", () => {
    const result = quote({ start: local("2026-11-25T22:00"), end: local("2026-11-26T02:00"), officers: 3 });
    expect(describeLines(result.lines)).toEqual([
      "labor officer regular 360m × 5650 = 33900",
      "labor officer holiday 360m × 6780 = 40680",
    ]);
    expect(result.totalCents).toBe(74580);
  });

  it("bills the day DST starts by real elapsed minutes (00:00–06:00 local is 5 hours)", () => {
    const result = quote({
      start: "2026-03-08T00:00:00-06:00",
      end: "2026-03-08T06:00:00-05:00",
      officers: 1,
    });
    expect(result.billableMinutesPerPosition).toBe(300);
    expect(describeLines(result.lines)).toEqual(["labor officer regular 300m × 5650 = 28250"]);
  });

  it("bills the day DST ends by real elapsed minutes (00:00–06:00 local is 7 hours)", () => {
    const result = quote({
      start: "2026-11-01T00:00:00-05:00",
      end: "2026-11-01T06:00:00-06:00",
      officers: 1,
    });
    expect(result.billableMinutesPerPosition).toBe(420);
  });

  it.each([
    ["T10:00", "T11:00", 120], // 1 h → 2 h minimum
    ["T10:00", "T10:01", 120],
    ["T10:00", "T12:00", 120],
    ["T10:00", "T12:10", 130],
  ])("honours the 2-hour minimum: %s–%s bills %i minutes", (from, to, minutes) => {
    const result = quote({ start: local(`2026-03-10${from}`), end: local(`2026-03-10${to}`), officers: 1 });
    expect(result.billableMinutesPerPosition).toBe(minutes);
  });

  it("rounds a duration with seconds up to the next whole minute", () => {
    const result = quote({
      start: "2026-03-10T10:00:30-05:00",
      end: "2026-03-10T12:30:00-05:00",
      officers: 1,
    });
    expect(result.billableMinutesPerPosition).toBe(150); // 149.5 minutes → 150
  });

  it("charges static vehicles per vehicle-hour and moving miles per mile, with no extension", () => {
    const result = quote({
      start: local("2026-03-10T10:00"),
      end: local("2026-03-10T14:00"),
      officers: 2,
      vehicles: 2,
      vehicleMiles: 12.345,
    });
    expect(result.billableMinutesPerPosition).toBe(240);
    expect(describeLines(result.lines)).toEqual([
      "labor officer regular 480m × 5650 = 45200",
      "vehicle 480m × 1839 = 14712",
      "mileage 24.69mi × 63 = 1555", // 1555.47
    ]);
    expect(result.vehicleCents).toBe(14712 + 1555);
    expect(result.totalCents).toBe(45200 + 14712 + 1555);
  });

  it("rounds mileage half up on the exact decimal (0.5 cent rounds up)", () => {
    const result = quote({
      start: local("2026-03-10T10:00"),
      end: local("2026-03-10T12:00"),
      vehicles: 1,
      vehicleMiles: 0.5,
    });
    expect(describeLines(result.lines).at(-1)).toBe("mileage 0.5mi × 63 = 32"); // 31.5 → 32
  });

  it("ignores the category and has no emergency rate or admin fee", () => {
    const base = { start: local("2026-03-10T10:00"), end: local("2026-03-10T14:00"), officers: 1 };
    const regular = quote(base);
    const majorEvent = quote({ ...base, category: "major_event", requestedAt: local("2026-03-10T09:00") });
    expect(majorEvent.lines).toEqual(regular.lines);
    expect(majorEvent.adminFeeCents).toBe(0);
    expect(majorEvent.screening).toEqual({ decision: "allow", approver: null, reasons: [] });
  });

  it("has no prohibited-work rules, so flags change nothing", () => {
    const result = quote({
      flags: {
        armedPrivateSecurity: true,
        civilLegalService: true,
        bodyguardOrBouncer: true,
        alcoholPrincipalBusiness: true,
      },
    });
    expect(result.screening.decision).toBe("allow");
  });
});
