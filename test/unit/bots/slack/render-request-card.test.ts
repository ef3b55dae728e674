import { describe, expect, it } from "vitest";
import { fitLines, renderRequestCard, summarizeRequest } from "../../../../bots/slack/render-request-card.ts";
import { ACTIONS } from "../../../../bots/slack/slack-views.ts";
import { brandCents } from "../../../../core/money/index.ts";
import { makeApproval, makeCardQuote, makeRequestCardView } from "../../../builders/request-card-view.ts";

type Block = Record<string, unknown> & { type: string };

/** Every `text` string in a block tree, joined: what a person would read. */
function readText(value: unknown): string {
  if (Array.isArray(value)) return value.map(readText).join("\n");
  if (value === null || typeof value !== "object") return "";
  return Object.entries(value)
    .map(([key, inner]) => (key === "text" && typeof inner === "string" ? inner : readText(inner)))
    .filter((text) => text !== "")
    .join("\n");
}

function blocksOf(type: string, blocks: object[]): Block[] {
  return (blocks as Block[]).filter((block) => block.type === type);
}

const SUPERVISOR_DECIDED = new Date("2026-12-02T18:02:00Z"); // Wed Dec 2 11:02 AM in Phoenix
const CHIEF_DECIDED = new Date("2026-12-03T16:30:00Z"); // Thu Dec 3 9:30 AM in Phoenix

describe("renderRequestCard while waiting for a decision", () => {
  const card = renderRequestCard(makeRequestCardView());
  const text = readText(card.blocks);

  it("falls back to a one-line notification text", () => {
    expect(card.text).toBe(
      "Request #1001 from Dana Whitfield, Rillito Holiday Market — Thu Dec 24, 8:00 PM – Fri 1:00 AM — $2,972.15",
    );
  });

  it("heads the card with the request number and agency", () => {
    expect(blocksOf("header", card.blocks)[0]).toEqual({
      type: "header",
      text: { type: "plain_text", text: "Request #1001 — Tucson Police Department", emoji: true },
    });
  });

  it("shows who, when (in the agency's zone), where, positions, job, vehicles and lead time", () => {
    const fields = (card.blocks[1] as { fields: { text: string }[] }).fields.map((field) => field.text);
    expect(fields).toEqual([
      "*Customer*\nDana Whitfield\nRillito Holiday Market\n+15205550123 by SMS",
      "*When*\nThu Dec 24, 8:00 PM – Fri 1:00 AM (MST)",
      "*Where*\n1 S Church Ave, Tucson, AZ",
      "*Positions*\n4 officers, 1 sergeant",
      "*Job*\nholiday market traffic control",
      "*Vehicles*\n1",
      "*Lead time*\n23 days 11 h",
    ]);
  });

  it("breaks the quote down line by line with the total", () => {
    expect(text).toContain(
      [
        "*Quote*",
        "4 × officer holiday — 22 h @ $96.17/h — $2,115.74",
        "1 × sergeant holiday — 5.5 h @ $108.71/h — $597.91",
        "Vehicle time — 5.5 h @ $15.00/h — $82.50",
        "Admin fee — 27.5 officer-h @ $6.40/h — $176.00",
        "*Total: $2,972.15*",
      ].join("\n"),
    );
  });

  it("offers Approve, Deny and Ask customer buttons carrying the request id", () => {
    const [actions] = blocksOf("actions", card.blocks);
    expect(actions?.block_id).toBe("request_actions");
    const buttons = actions?.elements as {
      action_id: string;
      value: string;
      style?: string;
      text: { text: string };
    }[];
    expect(buttons.map((button) => [button.action_id, button.value, button.style, button.text.text])).toEqual(
      [
        [ACTIONS.approve, "req_01HZYX8J4N3Q", "primary", "Approve"],
        [ACTIONS.deny, "req_01HZYX8J4N3Q", "danger", "Deny"],
        [ACTIONS.ask, "req_01HZYX8J4N3Q", undefined, "Ask customer"],
      ],
    );
  });

  it("lists the approval as pending and no screening flags for a clean request", () => {
    expect(text).toContain("Supervisor: pending");
    expect(text).not.toContain("Screening flags");
    expect(text).not.toContain("chief");
  });

  it("keeps the buttons while an approval is escalated", () => {
    const escalated = renderRequestCard(
      makeRequestCardView({ approvals: [makeApproval({ decision: "escalated" })] }),
    );
    expect(readText(escalated.blocks)).toContain("Supervisor: escalated (no answer yet)");
    expect(blocksOf("actions", escalated.blocks)).toHaveLength(1);
  });
});

describe("renderRequestCard after a decision", () => {
  it("replaces the buttons with who approved, naming the latest decision", () => {
    const card = renderRequestCard(
      makeRequestCardView({
        status: "approved",
        quote: makeCardQuote({ flags: { alcoholPrincipalBusiness: true } }),
        approvals: [
          makeApproval({ decision: "approved", decidedBy: "U0TUCSSUP1", decidedAt: SUPERVISOR_DECIDED }),
          makeApproval({
            role: "chief",
            decision: "approved",
            decidedBy: "U0TUCSCHF1",
            decidedAt: CHIEF_DECIDED,
          }),
        ],
      }),
    );
    const text = readText(card.blocks);
    // The decision buttons are gone; what is left are the supervisor controls of an approved request.
    expect(JSON.stringify(blocksOf("actions", card.blocks))).not.toMatch(/approve_request|deny_request|ask_customer/);
    expect(text).toContain("Supervisor: approved by <@U0TUCSSUP1> at Wed Dec 2 11:02 AM");
    expect(text).toContain("Chief's designee sign-off: approved by <@U0TUCSCHF1> at Thu Dec 3 9:30 AM");
    expect(text).toContain("Approved by <@U0TUCSCHF1> at Thu Dec 3 9:30 AM");
  });

  it("says who denied it, when and why", () => {
    const card = renderRequestCard(
      makeRequestCardView({
        status: "denied",
        approvals: [
          makeApproval({
            decision: "denied",
            decidedBy: "U0TUCSSUP2",
            decidedAt: SUPERVISOR_DECIDED,
            reason: "No officers free on Christmas Eve",
          }),
        ],
      }),
    );
    const text = readText(card.blocks);
    expect(blocksOf("actions", card.blocks)).toEqual([]);
    expect(text).toContain(
      "Supervisor: denied by <@U0TUCSSUP2> at Wed Dec 2 11:02 AM — reason: No officers free on Christmas Eve",
    );
    expect(text).toContain(
      "Denied by <@U0TUCSSUP2> at Wed Dec 2 11:02 AM: No officers free on Christmas Eve",
    );
  });

  it("says the customer cancelled, even with an approval still open", () => {
    const card = renderRequestCard(
      makeRequestCardView({ status: "cancelled", cancelledAt: new Date("2026-12-04T01:15:00Z") }),
    );
    expect(blocksOf("actions", card.blocks)).toEqual([]);
    expect(readText(card.blocks)).toContain("Cancelled by the customer at Thu Dec 3 6:15 PM");
  });

  it("shows no buttons when the request is no longer pending_approval", () => {
    const card = renderRequestCard(makeRequestCardView({ status: "submitted" }));
    expect(blocksOf("actions", card.blocks)).toEqual([]);
    expect(readText(card.blocks)).toContain("Status: submitted");
  });

  it("shows staffing progress once approved", () => {
    const approvals = [
      makeApproval({ decision: "approved", decidedBy: "U0TUCSSUP1", decidedAt: SUPERVISOR_DECIDED }),
    ];
    const staffing = readText(
      renderRequestCard(
        makeRequestCardView({ status: "staffing", approvals, staffing: { filled: 3, total: 5 } }),
      ).blocks,
    );
    expect(staffing).toContain("Staffing: 3/5 positions filled");
    expect(staffing).not.toContain("fully staffed");
    expect(staffing).toContain("Approved by <@U0TUCSSUP1> at Wed Dec 2 11:02 AM · now finding officers");
    const staffed = readText(
      renderRequestCard(
        makeRequestCardView({ status: "staffed", approvals, staffing: { filled: 5, total: 5 } }),
      ).blocks,
    );
    expect(staffed).toContain("Staffing: 5/5 positions filled — fully staffed");
  });

  it("lists the officers on it by rank: a sergeant is 'Sgt.', never 'Officer'", () => {
    const text = readText(
      renderRequestCard(
        makeRequestCardView({
          status: "staffing",
          approvals: [makeApproval({ decision: "approved", decidedBy: "U0TUCSSUP1", decidedAt: SUPERVISOR_DECIDED })],
          staffing: { filled: 2, total: 5 },
          officers: [
            { name: "Maria Alvarez", badge: "4471", rank: "sergeant", status: "assigned" },
            { name: "Ben Ortiz", badge: "5012", rank: "officer", status: "assigned" },
          ],
        }),
      ).blocks,
    );
    expect(text).toContain("• Sgt. Maria Alvarez (#4471)");
    expect(text).toContain("• Officer Ben Ortiz (#5012)");
  });

  it("gives supervisors their controls once approved: offers and an officer by hand only while a position is open", () => {
    const approvals = [makeApproval({ decision: "approved", decidedBy: "U0TUCSSUP1", decidedAt: SUPERVISOR_DECIDED })];
    const ids = (view: Parameters<typeof makeRequestCardView>[0]) =>
      blocksOf("actions", renderRequestCard(makeRequestCardView(view)).blocks).flatMap((b) =>
        ((b as unknown as { elements: { action_id: string }[] }).elements ?? []).map((e) => e.action_id),
      );
    expect(ids({ status: "staffing", approvals, staffing: { filled: 3, total: 5 } })).toEqual([
      "rebroadcast_request",
      "assign_officer",
      "edit_request",
      "cancel_request",
    ]);
    expect(ids({ status: "staffed", approvals, staffing: { filled: 5, total: 5 } })).toEqual(["edit_request", "cancel_request"]);
    expect(ids({ status: "in_progress", approvals, staffing: { filled: 5, total: 5 } })).toEqual([]);
    expect(ids({ status: "cancelled", approvals, cancelledBy: "U0TUCSSUP1" })).toEqual([]);
  });

  it("says who cancelled for the agency", () => {
    const card = renderRequestCard(
      makeRequestCardView({ status: "cancelled", cancelledAt: new Date("2026-12-04T01:15:00Z"), cancelledBy: "U0TUCSSUP2" }),
    );
    expect(readText(card.blocks)).toContain("Cancelled by <@U0TUCSSUP2> for the agency (no fee) at Thu Dec 3 6:15 PM");
  });
});

describe("renderRequestCard screening", () => {
  it("flags the reason and says plainly that the chief's designee must sign off", () => {
    const card = renderRequestCard(
      makeRequestCardView({
        quote: makeCardQuote({ flags: { alcoholPrincipalBusiness: true } }),
        approvals: [makeApproval(), makeApproval({ role: "chief" })],
      }),
    );
    const text = readText(card.blocks);
    expect(text).toContain("*Screening flags*");
    expect(text).toContain("Needs the chief's designee sign-off");
    expect(text).toContain(":warning: `alcohol_principal_business` Selling alcoholic beverages");
    expect(text).toContain("Supervisor: pending");
    expect(text).toContain("Chief's designee sign-off: pending");
  });
});

describe("renderRequestCard details", () => {
  it("says what is not given and an unknown lead time", () => {
    const fields = readText(
      renderRequestCard(
        makeRequestCardView({ address: null, eventType: null, requestedAt: null, vehicles: 0 }),
      ).blocks,
    );
    expect(fields).toContain("*Where*\nnot given");
    expect(fields).toContain("*Job*\nnot given");
    expect(fields).toContain("*Lead time*\nunknown");
    expect(fields).toContain("*Vehicles*\nnone");
  });

  it("gives a lead time under two days in hours", () => {
    const text = readText(
      renderRequestCard(makeRequestCardView({ requestedAt: new Date("2026-12-23T08:00:00-07:00") })).blocks,
    );
    expect(text).toContain("*Lead time*\n36 h");
  });

  it("shows miles per vehicle and a mileage line", () => {
    const quote = makeCardQuote({ vehicles: 2 });
    quote.lines.push({
      kind: "mileage",
      miles: 24,
      unitCents: brandCents(65),
      amountCents: brandCents(1560),
    });
    const text = readText(
      renderRequestCard(makeRequestCardView({ quote, vehicles: 2, vehicleMiles: 12 })).blocks,
    );
    expect(text).toContain("*Vehicles*\n2, 12 miles each");
    expect(text).toContain("Mileage — 24 mi @ $0.65/mi — $15.60");
  });

  it("escapes customer text so it cannot inject Slack markup", () => {
    const card = renderRequestCard(
      makeRequestCardView({
        eventType: "<script>alert('x')</script>",
        customer: {
          name: "<!channel> Tom & Jerry",
          organization: null,
          contact: "<@U0TUCSCHF1>",
          channel: "web",
        },
        approvals: [
          makeApproval({
            decision: "denied",
            decidedBy: "<!here>",
            decidedAt: SUPERVISOR_DECIDED,
            reason: "<b>no</b>",
          }),
        ],
        status: "denied",
      }),
    );
    const all = `${card.text}\n${readText(card.blocks)}`;
    expect(all).not.toContain("<script>");
    expect(all).not.toContain("<!channel>");
    expect(all).not.toContain("<!here>");
    expect(all).not.toContain("<@U0TUCSCHF1>");
    expect(all).toContain("&lt;script&gt;alert('x')&lt;/script&gt;");
    expect(all).toContain("&lt;!channel&gt; Tom &amp; Jerry");
    expect(all).toContain("&lt;b&gt;no&lt;/b&gt;");
    expect(card.text).toContain("from &lt;!channel&gt; Tom &amp; Jerry");
  });

  it("stays within Slack's limits whatever the customer typed", () => {
    const huge = "<&>".repeat(5000);
    const card = renderRequestCard(
      makeRequestCardView({
        agencyName: "A".repeat(400),
        eventType: huge,
        customer: { name: huge, organization: huge, contact: huge, channel: "voice" },
        address: { line1: huge, city: huge, state: huge },
        status: "denied",
        approvals: Array.from({ length: 40 }, () =>
          makeApproval({
            decision: "denied",
            decidedBy: "U0TUCSSUP1",
            decidedAt: SUPERVISOR_DECIDED,
            reason: huge,
          }),
        ),
      }),
    );
    expect(card.blocks.length).toBeLessThanOrEqual(50);
    for (const block of card.blocks as Block[]) {
      const { text, fields, elements } = block as {
        text?: { text: string };
        fields?: { text: string }[];
        elements?: { text?: string }[];
      };
      if (block.type === "header") expect(text?.text.length).toBeLessThanOrEqual(150);
      else if (text) expect(text.text.length).toBeLessThanOrEqual(3000);
      if (fields) {
        expect(fields.length).toBeLessThanOrEqual(10);
        for (const field of fields) expect(field.text.length).toBeLessThanOrEqual(2000);
      }
      for (const element of elements ?? []) expect(element.text?.length ?? 0).toBeLessThanOrEqual(3000);
    }
    expect(readText(card.blocks)).not.toMatch(/&(a|am|l|g)?…/);
  });
});

describe("summarizeRequest", () => {
  it("puts a request on one line with its flags", () => {
    expect(summarizeRequest(makeRequestCardView())).toBe(
      "*#1001* · Thu Dec 24 8:00 PM · 5 positions · $2,972.15",
    );
    const flagged = makeRequestCardView({
      quote: makeCardQuote({ flags: { alcoholPrincipalBusiness: true } }),
    });
    expect(summarizeRequest(flagged)).toContain("· :warning: 1 flag · needs chief's designee");
  });
});

describe("fitLines", () => {
  it("keeps whole lines under the limit and says how many were left out", () => {
    const lines = Array.from({ length: 100 }, (_, index) => `${index}`.padEnd(100, "x"));
    const text = fitLines(lines, 3000);
    expect(text.length).toBeLessThanOrEqual(3000);
    const kept = text.split("\n");
    const note = kept.pop();
    expect(note).toBe(`… ${100 - kept.length} more lines`);
    expect(kept).toEqual(lines.slice(0, kept.length));
  });

  it("cuts a single line that is over the limit without leaving half an entity", () => {
    const text = fitLines([`${"a".repeat(2960)}${"&amp;".repeat(10)}`, "next"], 3000);
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(text).toMatch(/a&amp;…\n… 1 more line$/);
  });
});

describe("renderRequestCard names a web chat customer (#17)", () => {
  const webCustomer = { name: "Maria Lopez", organization: "Desert Bloom Events", contact: "dl-3f124e5f12078493", channel: "web" as const };

  it("shows the mobile number they gave instead of the chat id, and their other requests", () => {
    const card = renderRequestCard({
      ...makeRequestCardView({ customer: webCustomer }),
      customerProfile: {
        phone: "+15205550199",
        email: null,
        otherRequests: [{ number: 998, status: "completed", start: new Date("2026-11-02T18:00:00-07:00") }],
      },
    });
    const fields = (card.blocks[1] as { fields: { text: string }[] }).fields.map((field) => field.text);
    expect(fields[0]).toBe("*Customer*\nMaria Lopez\nDesert Bloom Events\nmobile 520-555-0199 (given in web chat, not verified)");
    expect(fields).toContain("*Other requests*\n#998 completed, Mon Nov 2");
    expect(readText(card.blocks)).not.toContain("dl-3f124e5f12078493");
  });

  it("says a web chat customer with no contact is reached in the chat, and never shows the chat id as a name", () => {
    const card = renderRequestCard(
      makeRequestCardView({ customer: { name: null, organization: null, contact: "dl-3f124e5f12078493", channel: "web" } }),
    );
    const fields = (card.blocks[1] as { fields: { text: string }[] }).fields.map((field) => field.text);
    expect(fields[0]).toBe("*Customer*\nname not given\nby web chat; no phone or email given (updates go to the chat)");
    expect(card.text).toContain("from a web chat customer");
  });
});
