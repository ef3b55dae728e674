import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { describePause, describeQuietHours, describeResume } from "../../../../core/officers/index.ts";

describe("availability replies", () => {
  it("names the end of a timed pause in the agency's zone", () => {
    const until = DateTime.fromISO("2026-12-04T17:00", { zone: "America/Phoenix" }).toMillis();
    expect(describePause(until, "America/Phoenix")).toBe(
      "Offers paused until 5:00 PM on Fri Dec 4. Text RESUME to get them sooner. Shifts you already hold are unchanged.",
    );
    expect(describePause(null, "America/Phoenix")).toBe("Offers paused until you text RESUME. Shifts you already hold are unchanged.");
  });

  it("reads quiet hours in 12-hour time", () => {
    expect(describeQuietHours("22:00", "07:00")).toBe(
      "Quiet hours set: no offer texts between 10:00 PM and 7:00 AM local time. Text QUIET OFF to clear them.",
    );
    expect(describeQuietHours(null, null)).toBe("Quiet hours cleared: offers may be texted at any time of day.");
    expect(describeResume({ start: "22:00", end: "07:00" })).toContain("Your quiet hours (10:00 PM to 7:00 AM) still apply.");
  });
});
