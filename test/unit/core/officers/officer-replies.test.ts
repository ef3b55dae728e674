import { describe, expect, it } from "vitest";
import { describeAcceptRefusal, formatLocalInstant } from "../../../../core/officers/index.ts";
import { DEFAULT_SETTINGS } from "../dispatch/make-candidate.ts";

const PHOENIX = "America/Phoenix";

describe("officer replies", () => {
  it("formats instants in the agency's time zone", () => {
    expect(formatLocalInstant(Date.parse("2025-12-21T00:00:00Z"), PHOENIX)).toBe("5:00 PM on Sat Dec 20");
  });

  it.each([
    [{ kind: "cancelled", requestNumber: 7 } as const, "Request #7 was cancelled. Thank you for answering."],
    [{ kind: "completed", requestNumber: 7 } as const, "Request #7 is already over. Thank you for answering."],
    [{ kind: "filled", requestNumber: 7 } as const, "Sorry, that shift has already been filled. Thank you for answering."],
    [{ kind: "needs_rank", requestNumber: 7, rank: "sergeant" } as const, "The open position on #7 needs a sergeant."],
    [
      { kind: "expired", requestNumber: 7, expiredAt: Date.parse("2025-12-21T00:00:00Z") } as const,
      "Sorry, that offer expired at 5:00 PM on Sat Dec 20. Thank you for answering.",
    ],
    [
      { kind: "ineligible", requestNumber: 7, reason: "rest", city: "Tucson" } as const,
      "Sorry, you can't take #7: it would leave you less than 8 hours of rest between off-duty shifts.",
    ],
    [
      { kind: "ineligible", requestNumber: 7, reason: "vehicle_resident", city: "Mesquite" } as const,
      "Sorry, you can't take #7: a police car may be used only by an officer who lives in Mesquite and has an assigned car.",
    ],
  ])("%o", (refusal, expected) => {
    expect(describeAcceptRefusal(refusal, PHOENIX, DEFAULT_SETTINGS)).toBe(expected);
  });
});
