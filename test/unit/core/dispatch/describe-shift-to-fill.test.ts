import { describe, expect, it } from "vitest";
import { getAgency } from "../../../../agencies/load-agencies.ts";
import { describeShiftToFill, findOfferExpiry, isTrafficControl } from "../../../../core/dispatch/index.ts";
import { at, DEFAULT_SETTINGS, MINUTE_MS } from "./make-candidate.ts";

const agency = (id: string) => {
  const found = getAgency(id);
  if (!found) throw new Error(id);
  return found;
};

describe("describeShiftToFill", () => {
  const request = { start: at(8), end: at(12), vehicles: 1, eventType: "road construction traffic control" };

  it("gives the first `vehicles` positions a car, and reads traffic control from the job", () => {
    const first = describeShiftToFill(request, { index: 1, rank: "officer" }, agency("tucson-az-pd"));
    const second = describeShiftToFill(request, { index: 2, rank: "sergeant" }, agency("tucson-az-pd"));
    expect(first).toEqual({
      start: at(8),
      end: at(12),
      rank: "officer",
      needsVehicle: true,
      vehicleNeedsResident: false,
      trafficControl: true,
    });
    expect(second).toMatchObject({ rank: "sergeant", needsVehicle: false });
  });

  it("needs a resident for a car where the agency file keeps cars inside the city (Mesquite)", () => {
    expect(describeShiftToFill(request, { index: 1, rank: "officer" }, agency("mesquite-tx-pd")).vehicleNeedsResident).toBe(true);
    expect(describeShiftToFill(request, { index: 1, rank: "officer" }, agency("rockport-tx-pd")).vehicleNeedsResident).toBe(false);
  });

  it.each([
    ["holiday market traffic control", true],
    ["Flagging for a utility crew", true],
    ["point control at the stadium", true],
    ["store security", false],
    [null, false],
  ])("isTrafficControl(%s) = %s", (eventType, expected) => {
    expect(isTrafficControl(eventType)).toBe(expected);
  });
});

describe("findOfferExpiry", () => {
  const shift = { start: at(8), end: at(12) };

  it("is the recorded expiry, never past the start for an offer sent before it", () => {
    expect(findOfferExpiry({ sentAt: at(0), expiresAt: at(1) }, shift, DEFAULT_SETTINGS)).toBe(at(1));
    expect(findOfferExpiry({ sentAt: at(0), expiresAt: at(9) }, shift, DEFAULT_SETTINGS)).toBe(at(8));
  });

  it("lets a refill offered during the shift run to its end at the latest", () => {
    expect(findOfferExpiry({ sentAt: at(9), expiresAt: at(11) }, shift, DEFAULT_SETTINGS)).toBe(at(11));
    expect(findOfferExpiry({ sentAt: at(9), expiresAt: at(13) }, shift, DEFAULT_SETTINGS)).toBe(at(12));
  });

  it("falls back to offerExpiryMinutes after sending when none was recorded", () => {
    expect(findOfferExpiry({ sentAt: at(0), expiresAt: null }, shift, DEFAULT_SETTINGS)).toBe(at(0) + 120 * MINUTE_MS);
    expect(findOfferExpiry({ sentAt: at(7, 30), expiresAt: null }, shift, DEFAULT_SETTINGS)).toBe(at(8));
  });
});
