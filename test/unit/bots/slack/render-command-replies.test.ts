import { describe, expect, it } from "vitest";
import {
  maskPhone,
  renderCommandHelp,
  renderOfficerReply,
  renderPendingReply,
  renderStatusReply,
  renderTodayReply,
} from "../../../../bots/slack/render-command-replies.ts";
import type { OfficerView, TodayShiftView } from "../../../../bots/slack/slack-views.ts";
import { makeApproval, makeCardQuote, makeRequestCardView } from "../../../builders/request-card-view.ts";

const ZONE = "America/Phoenix";

describe("maskPhone", () => {
  it("keeps only the last four digits", () => {
    expect(maskPhone("+15205550123")).toBe("•••-•••-0123");
    expect(maskPhone("(520) 555-0199")).toBe("•••-•••-0199");
    expect(maskPhone("12")).toBe("•••-•••-••••");
  });
});

describe("renderOfficerReply", () => {
  const officer: OfficerView = {
    id: "00000000-0000-0000-0000-000000000001",
    name: "Maria Alvarez",
    badge: "4471",
    rank: "sergeant",
    phone: "+15205550123",
    active: true,
    upcoming: [{ number: 1001, start: new Date("2026-12-24T20:00:00-07:00"), status: "assigned" }],
  };

  it("shows each officer with a masked phone and their upcoming shifts", () => {
    const text = renderOfficerReply(
      [officer, { ...officer, name: "Ben <Ortiz>", active: false, upcoming: [] }],
      ZONE,
    );
    expect(text).toBe(
      [
        "*Sgt. Maria Alvarez (#4471)* · •••-•••-0123",
        "    • #1001 Thu Dec 24 8:00 PM — assigned",
        "*Sgt. Ben &lt;Ortiz&gt; (#4471)* · •••-•••-0123 · _inactive_",
        "    no upcoming shifts",
      ].join("\n"),
    );
    expect(text).not.toContain("5205550123");
  });

  it("says when no officer matches", () => {
    expect(renderOfficerReply([], ZONE)).toContain("No officer matches");
  });
});

describe("renderTodayReply", () => {
  it("lists each shift with its officers and where they are", () => {
    const shifts: TodayShiftView[] = [
      {
        number: 1001,
        start: new Date("2026-12-24T20:00:00-07:00"),
        end: new Date("2026-12-25T01:00:00-07:00"),
        where: "1 S Church Ave",
        officers: [
          { name: "Maria Alvarez", badge: "4471", rank: "sergeant", status: "checked_in" },
          { name: "Ben Ortiz", badge: "5012", rank: "officer", status: "assigned" },
          { name: "Cy Lee", badge: "5100", rank: "commander", status: "checked_out" },
          { name: "Dee Park", badge: "5200", rank: "officer", status: "no_show" },
        ],
      },
      {
        number: 1002,
        start: new Date("2026-12-24T09:00:00-07:00"),
        end: new Date("2026-12-24T12:00:00-07:00"),
        where: "Tucson",
        officers: [],
      },
    ];
    expect(renderTodayReply(shifts, ZONE)).toBe(
      [
        "*Today's shifts*",
        "*#1001* 8:00 PM – 1:00 AM · 1 S Church Ave",
        "    • Sgt. Maria Alvarez (#4471) — :large_green_circle: checked in",
        "    • Officer Ben Ortiz (#5012) — assigned",
        "    • Cmdr. Cy Lee (#5100) — :white_check_mark: checked out",
        "    • Officer Dee Park (#5200) — :red_circle: no show",
        "*#1002* 9:00 AM – 12:00 PM · Tucson",
        "    no officers assigned yet",
      ].join("\n"),
    );
  });

  it("says when there are no shifts", () => {
    expect(renderTodayReply([], ZONE)).toBe("No staffed shifts today.");
  });
});

describe("renderStatusReply", () => {
  it("says where the request stands, with its approvals", () => {
    const text = renderStatusReply(
      makeRequestCardView({
        quote: makeCardQuote({ flags: { alcoholPrincipalBusiness: true } }),
        approvals: [
          makeApproval({
            decision: "approved",
            decidedBy: "U0TUCSSUP1",
            decidedAt: new Date("2026-12-02T18:02:00Z"),
          }),
          makeApproval({ role: "chief" }),
        ],
      }),
    );
    expect(text).toBe(
      [
        "*Request #1001* — Tucson Police Department",
        "Status: *awaiting approval*",
        "When: Thu Dec 24, 8:00 PM – Fri 1:00 AM (MST)",
        "Where: 1 S Church Ave, Tucson, AZ",
        "Customer: Dana Whitfield, Rillito Holiday Market",
        "Positions: 4 officers, 1 sergeant · Total: $2,972.15",
        "Screening: :warning: `alcohol_principal_business`",
        "Needs the chief's designee sign-off.",
        "• Supervisor: approved by <@U0TUCSSUP1> at Wed Dec 2 11:02 AM",
        "• Chief's designee sign-off: pending",
      ].join("\n"),
    );
  });

  it("shows staffing and cancellation", () => {
    const text = renderStatusReply(
      makeRequestCardView({
        status: "cancelled",
        staffing: { filled: 2, total: 5 },
        cancelledAt: new Date("2026-12-04T01:15:00Z"),
      }),
    );
    expect(text).toContain("Status: *cancelled*");
    expect(text).toContain("Staffing: 2/5 positions filled");
    expect(text).toContain("Cancelled by the customer at Thu Dec 3 6:15 PM");
  });

  it("names each officer by rank, the site contact, and a cancellation made for the agency", () => {
    const text = renderStatusReply(
      makeRequestCardView({
        status: "cancelled",
        staffing: { filled: 2, total: 5 },
        officers: [
          { name: "Maria Alvarez", badge: "4471", rank: "sergeant", status: "assigned" },
          { name: "Ben Ortiz", badge: "5012", rank: "officer", status: "checked_in" },
        ],
        siteContact: { name: "Ann Lee", phone: "+15205550111" },
        cancelledAt: new Date("2026-12-04T01:15:00Z"),
        cancelledBy: "U0TUCSSUP1",
      }),
    );
    expect(text).toContain("    • Sgt. Maria Alvarez (#4471) — assigned");
    expect(text).toContain("    • Officer Ben Ortiz (#5012) — :large_green_circle: checked in");
    expect(text).not.toContain("Officer Maria");
    expect(text).toContain("Site contact: Ann Lee, 520-555-0111");
    expect(text).toContain("Cancelled by <@U0TUCSSUP1> for the agency (no fee) at Thu Dec 3 6:15 PM");
  });
});

describe("renderPendingReply", () => {
  it("lists pending requests one per line", () => {
    expect(renderPendingReply([makeRequestCardView(), makeRequestCardView({ number: 1002 })])).toBe(
      [
        "*2 waiting for approval*",
        "• *#1001* · Thu Dec 24 8:00 PM · 5 positions · $2,972.15",
        "• *#1002* · Thu Dec 24 8:00 PM · 5 positions · $2,972.15",
      ].join("\n"),
    );
    expect(renderPendingReply([])).toBe("Nothing waiting for approval.");
  });
});

describe("renderCommandHelp", () => {
  it("lists every subcommand", () => {
    const help = renderCommandHelp();
    for (const usage of ["status <request>", "pending", "today", "officer <name or phone>"]) {
      expect(help).toContain(`\`/detail ${usage}\``);
    }
  });
});
