import { describe, expect, it } from "vitest";
import type { CustomerRequestView } from "../../../../core/intake/index.ts";
import { playIntake } from "../../../builders/intake-conversation.ts";
import { makeQuoteRequest } from "../../../builders/quote-request.ts";

/** A staffed booking on Tue Nov 24 6–10 PM (the clock is Mon Nov 23 10 AM) and an older, completed one. */
function bookings(overrides: Partial<CustomerRequestView> = {}): CustomerRequestView[] {
  return [
    {
      number: 1042,
      status: "in_progress",
      request: makeQuoteRequest({ start: "2026-11-24T18:00:00-07:00", end: "2026-11-24T22:00:00-07:00" }),
      approvedAt: "2026-11-11T09:00:00-07:00",
      minutesWorked: 0,
      officers: [
        { rank: "sergeant", lastName: "Alvarez", attendance: { kind: "checked_in", at: "2026-11-24T18:02:00-07:00" } },
        { rank: "officer", lastName: "Reyes", attendance: { kind: "assigned" } },
        { rank: "officer", lastName: "Kim", attendance: { kind: "no_show" } },
      ],
      latestNote: { text: "Parking lot clear,   crowd calm at the north gate.", at: "2026-11-24T19:10:00-07:00" },
      ...overrides,
    },
    {
      number: 1001,
      status: "completed",
      request: makeQuoteRequest({ start: "2026-10-03T18:00:00-07:00", end: "2026-10-03T22:00:00-07:00" }),
      approvedAt: "2026-09-20T09:00:00-07:00",
      minutesWorked: 240,
    },
  ];
}

describe("STATUS", () => {
  it("tells the next booking's officers by rank, their check-in and the latest field note", () => {
    const c = playIntake(["STATUS"], { requests: bookings() });
    expect(c.lastReply).toBe(
      [
        "#1042: in progress, Tue Nov 24, 6:00 PM – 10:00 PM",
        "• Sgt. Alvarez: checked in at 6:02 PM",
        "• Officer Reyes: assigned",
        "• Officer Kim: did not show up; a dispatcher is on it",
        'Latest field note: "Parking lot clear, crowd calm at the north gate."',
        "Your other bookings:",
        "#1001: completed, Sat Oct 3, 6:00 PM – 10:00 PM",
      ].join("\n"),
    );
  });

  it("STATUS <number> tells that booking in detail", () => {
    const c = playIntake(["STATUS 1001"], { requests: bookings() });
    expect(c.lastReply).toBe("#1001: completed, Sat Oct 3, 6:00 PM – 10:00 PM");
    expect(playIntake(["status #1042"], { requests: bookings() }).lastReply).toMatch(/^#1042: .*\n• Sgt\. Alvarez/);
    expect(playIntake(["STATUS 77"], { requests: bookings() }).lastReply).toBe("I couldn't find booking #77 for this number.");
  });

  it("says a checked-out officer's time, and shortens a long note", () => {
    const c = playIntake(["STATUS"], {
      requests: bookings({
        officers: [{ rank: "commander", lastName: "Ruiz", attendance: { kind: "checked_out", at: "2026-11-24T22:04:00-07:00" } }],
        latestNote: { text: "x".repeat(300), at: "2026-11-24T21:00:00-07:00" },
      }),
    });
    expect(c.lastReply).toContain("• Cmdr. Ruiz: checked out at 10:04 PM");
    expect(c.lastReply).toMatch(/Latest field note: "x{119}…"/);
  });

  it("in Spanish", () => {
    const c = playIntake(["ESTADO"], { requests: bookings(), forcedLanguage: "es" });
    expect(c.lastReply).toContain("• Sgt. Alvarez: llegó a las 6:02 PM");
    expect(c.lastReply).toContain('Última nota de campo: "Parking lot clear, crowd calm at the north gate."');
    expect(c.lastReply).toContain("Sus otras reservas:");
  });

  it("an unproven voice caller must prove the number first", () => {
    const c = playIntake(["STATUS 1042"], { requests: bookings(), channel: "voice" });
    expect(c.lastReply).toMatch(/check that this phone is yours/);
    expect(c.state.awaitingProof).toEqual({ action: "status" });
  });
});
