import { describe, expect, it } from "vitest";
import { findOfferDeadline } from "../../../../core/staffing/index.ts";

const MIN = 60_000;
const shift = { start: 1_000 * MIN, end: 1_300 * MIN };

describe("findOfferDeadline", () => {
  it.each([
    { name: "well before the start: sentAt + expiry", sentAt: 100 * MIN, expiry: 120, deadline: 220 * MIN },
    { name: "close to the start: the start", sentAt: 950 * MIN, expiry: 120, deadline: 1_000 * MIN },
    { name: "exactly expiry before the start", sentAt: 880 * MIN, expiry: 120, deadline: 1_000 * MIN },
    { name: "after the start (a no-show's refill): sentAt + expiry", sentAt: 1_015 * MIN, expiry: 120, deadline: 1_135 * MIN },
    { name: "after the start, near the end: the end", sentAt: 1_250 * MIN, expiry: 120, deadline: 1_300 * MIN },
  ])("$name", ({ sentAt, expiry, deadline }) => {
    expect(findOfferDeadline(sentAt, shift, expiry)).toBe(deadline);
  });

  it("never lies after the shift's end, nor after the start when sent before it", () => {
    for (let sentAt = 0; sentAt < shift.end; sentAt += 7 * MIN) {
      for (const expiry of [1, 30, 120, 10_080]) {
        const deadline = findOfferDeadline(sentAt, shift, expiry);
        expect(deadline).toBeGreaterThan(sentAt);
        expect(deadline).toBeLessThanOrEqual(sentAt < shift.start ? shift.start : shift.end);
      }
    }
  });
});
