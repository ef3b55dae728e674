import { describe, expect, it } from "vitest";
import { classifyCancellation, computeCancellationFee } from "../../../../core/pricing/index.ts";
import type { CancellationRequestInput } from "../../../../core/requests/index.ts";
import { describeLines } from "../../../builders/describe-lines.ts";
import { getTestAgency, makeCancellationRequest } from "../../../builders/quote-request.ts";

const tucson = getTestAgency("tucson-az-pd");
const rockport = getTestAgency("rockport-tx-pd");
// Tucson default: 2 officers, 2026-03-10 18:00–22:00 (-07:00), 240 billable minutes each.
const START = "2026-03-10T18:00:00-07:00";
const HOUR_MS = 3_600_000;
const hoursBefore = (hours: number, from = START) =>
  new Date(Date.parse(from) - hours * HOUR_MS).toISOString();

function fee(overrides: Partial<CancellationRequestInput>, agency = tucson) {
  const request = makeCancellationRequest(overrides);
  return { ...computeCancellationFee(request, agency), case: classifyCancellation(request, agency) };
}

describe("cancellation fee", () => {
  it("is nothing before approval, even at the last minute", () => {
    expect(fee({ approvedAt: null, cancelledAt: hoursBefore(0) })).toEqual({
      feeCents: 0,
      lines: [],
      case: "not_approved",
    });
  });

  it("charges only the admin fee when cancelled before start − 24 h", () => {
    const result = fee({ cancelledAt: hoursBefore(24 + 1 / 3_600_000) }); // one millisecond early
    expect(result.case).toBe("before_window");
    expect(describeLines(result.lines)).toEqual(["admin_fee 480m × 640 = 5120"]);
    expect(result.feeCents).toBe(5120);
  });

  it("charges labor for the 3-hour minimum plus the admin fee at exactly start − 24 h", () => {
    const result = fee({ cancelledAt: hoursBefore(24) });
    expect(result.case).toBe("within_window");
    expect(describeLines(result.lines)).toEqual([
      "labor officer regular 360m × 6411 = 38466",
      "admin_fee 480m × 640 = 5120",
    ]);
    expect(result.feeCents).toBe(38466 + 5120);
  });

  it.each([
    [0, 180],
    [90.2, 180],
    [200, 200],
    [200.1, 201], // a started minute is billed
    [500, 500], // more than scheduled: what was worked
  ])("pays max(minutesWorked %d, minimum) = %i minutes per position", (minutesWorked, minutes) => {
    const result = fee({ cancelledAt: hoursBefore(-1), minutesWorked });
    expect(result.lines[0]).toMatchObject({ kind: "labor", minutes: minutes * 2 });
  });

  it("caps the admin fee at the first 24 hours of the original assignment", () => {
    const result = fee({
      end: "2026-03-11T18:00:00-07:00",
      vehicles: 1,
      officers: 5,
      cancelledAt: hoursBefore(72),
    });
    // Billable interval 24 h + 30 min vehicle extension = 1470, capped at 1440 per position.
    expect(describeLines(result.lines)).toEqual(["admin_fee 7200m × 640 = 76800"]);
  });

  it("prices late-cancelled labor by rank and rate kind like a quote, without vehicles", () => {
    const result = fee({
      officers: 5,
      vehicles: 2,
      start: "2026-12-24T10:00:00-07:00",
      end: "2026-12-24T18:00:00-07:00",
      requestedAt: "2026-12-01T09:00:00-07:00",
      approvedAt: "2026-12-02T09:00:00-07:00",
      cancelledAt: "2026-12-24T08:00:00-07:00",
      minutesWorked: 0,
    });
    expect(describeLines(result.lines)).toEqual([
      "labor officer holiday 720m × 9617 = 115404",
      "labor sergeant holiday 180m × 10871 = 32613",
      "admin_fee 2550m × 640 = 27200", // 5 × (8 h + 30 min extension)
    ]);
  });

  it("uses emergency rates when the request came in under 48 hours before start", () => {
    const result = fee({
      requestedAt: hoursBefore(30),
      approvedAt: hoursBefore(29),
      cancelledAt: hoursBefore(2),
    });
    expect(describeLines(result.lines)[0]).toBe("labor officer emergency 360m × 9617 = 57702");
  });

  it("charges Rockport nothing before its 48-hour window (no admin fee)", () => {
    const result = fee(
      {
        agency: "rockport-tx-pd",
        start: "2026-03-10T18:00:00-05:00",
        end: "2026-03-10T22:00:00-05:00",
        cancelledAt: hoursBefore(49, "2026-03-10T18:00:00-05:00"),
      },
      rockport,
    );
    expect(result).toEqual({ feeCents: 0, lines: [], case: "before_window" });
  });

  it("charges Rockport the 2-hour minimum inside its 48-hour window", () => {
    const result = fee(
      {
        agency: "rockport-tx-pd",
        start: "2026-03-10T18:00:00-05:00",
        end: "2026-03-10T22:00:00-05:00",
        vehicles: 1,
        vehicleMiles: 30,
        cancelledAt: hoursBefore(48, "2026-03-10T18:00:00-05:00"),
      },
      rockport,
    );
    expect(result.case).toBe("within_window");
    expect(describeLines(result.lines)).toEqual(["labor officer regular 240m × 5650 = 22600"]);
    expect(result.feeCents).toBe(22600);
  });
});
