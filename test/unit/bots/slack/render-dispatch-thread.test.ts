import { describe, expect, it } from "vitest";
import {
  renderDispatchThreadRoot,
  renderRelayedCustomerMessage,
  renderTranscript,
} from "../../../../bots/slack/render-dispatch-thread.ts";
import { ACTIONS, type DispatchThreadView, type TranscriptLine } from "../../../../bots/slack/slack-views.ts";

type Block = { type: string; block_id?: string; text?: { text: string }; fields?: { text: string }[] };
type Button = { action_id: string; value: string; style?: string; text: { text: string } };

const ZONE = "America/Phoenix";

function makeView(overrides: Partial<DispatchThreadView> = {}): DispatchThreadView {
  return {
    conversationId: "conv_7Q2M",
    agencyName: "Tucson Police Department",
    timeZone: ZONE,
    channel: "sms",
    participant: "+15205550123",
    reason: "asked_for_agent",
    holder: "bot",
    holderId: null,
    ...overrides,
  };
}

const TRANSCRIPT: TranscriptLine[] = [
  { direction: "inbound", body: "I need 2 officers Saturday", at: new Date("2026-12-05T18:02:00-07:00") },
  { direction: "outbound", body: "What time should they start?", at: new Date("2026-12-05T18:02:30-07:00") },
  { direction: "inbound", body: "agent", at: new Date("2026-12-05T18:05:00-07:00") },
];

function buttonsOf(blocks: object[]): Button[] {
  const actions = (blocks as (Block & { elements: Button[] })[]).filter((block) => block.type === "actions");
  expect(actions).toHaveLength(1);
  expect(actions[0]?.block_id).toBe("dispatch_actions");
  return actions[0]?.elements ?? [];
}

describe("renderDispatchThreadRoot", () => {
  it("asks for a dispatcher with exactly one Take over button while the bot holds it", () => {
    const root = renderDispatchThreadRoot(makeView(), TRANSCRIPT);
    const [summary] = root.blocks as Block[];
    expect(summary?.text?.text).toBe(
      ":rotating_light: *Customer needs a dispatcher — Tucson Police Department*",
    );
    expect(summary?.fields?.map((field) => field.text)).toEqual([
      "*Customer*\n+15205550123 (SMS)",
      "*Reason*\nAsked for a person",
      "*Status*\nWaiting for a dispatcher",
    ]);
    expect(buttonsOf(root.blocks).map((b) => [b.action_id, b.value, b.style, b.text.text])).toEqual([
      [ACTIONS.takeOver, "conv_7Q2M", "primary", "Take over"],
    ]);
    expect(root.text).toBe("Customer needs a dispatcher — Tucson Police Department: Asked for a person");
  });

  it("offers only Hand back once a dispatcher holds it, and says who", () => {
    const root = renderDispatchThreadRoot(
      makeView({ holder: "dispatcher", holderId: "U0TUCSDSP1" }),
      TRANSCRIPT,
    );
    expect((root.blocks[0] as Block).fields?.[2]?.text).toBe("*Status*\nHeld by <@U0TUCSDSP1>");
    expect(buttonsOf(root.blocks).map((b) => [b.action_id, b.value])).toEqual([
      [ACTIONS.handBack, "conv_7Q2M"],
    ]);
  });

  it("puts the transcript under the summary", () => {
    const root = renderDispatchThreadRoot(makeView({ reason: "voicemail", channel: "voice" }), TRANSCRIPT);
    expect((root.blocks[1] as Block).text?.text).toBe(`*Transcript*\n${renderTranscript(TRANSCRIPT, ZONE)}`);
    expect((root.blocks[0] as Block).fields?.[1]?.text).toBe("*Reason*\nLeft a voicemail");
  });

  it("keeps the most recent lines of a huge transcript within 3000 characters", () => {
    const lines: TranscriptLine[] = Array.from({ length: 400 }, (_, index) => ({
      direction: index % 2 === 0 ? "inbound" : "outbound",
      body: `message ${index} ${"<&>".repeat(200)}`,
      at: new Date(Date.UTC(2026, 11, 5, 20, 0, index)),
    }));
    const text = (renderDispatchThreadRoot(makeView(), lines).blocks[1] as Block).text?.text ?? "";
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(text).toContain("message 399 ");
    expect(text).not.toContain("message 0 ");
    const shown = text.split("\n").filter((line) => line.startsWith("`")).length;
    expect(shown).toBeGreaterThan(0);
    expect(text.split("\n")[1]).toBe(`_… ${400 - shown} earlier messages_`);
  });

  it("keeps the latest message even when it alone is huge", () => {
    const lines: TranscriptLine[] = [
      { direction: "inbound", body: "hello", at: new Date("2026-12-05T18:00:00-07:00") },
      { direction: "inbound", body: "&".repeat(20_000), at: new Date("2026-12-05T18:01:00-07:00") },
    ];
    const text = (renderDispatchThreadRoot(makeView(), lines).blocks[1] as Block).text?.text ?? "";
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(text).toContain("`6:01 PM` *Customer:* &amp;&amp;");
  });

  it("says when there are no messages yet", () => {
    expect((renderDispatchThreadRoot(makeView(), []).blocks[1] as Block).text?.text).toBe(
      "*Transcript*\n_No messages yet._",
    );
  });
});

describe("renderTranscript", () => {
  it("writes one line per message with the agency-local time and who spoke", () => {
    expect(renderTranscript(TRANSCRIPT, ZONE)).toBe(
      [
        "`6:02 PM` *Customer:* I need 2 officers Saturday",
        "`6:02 PM` *DetailDesk:* What time should they start?",
        "`6:05 PM` *Customer:* agent",
      ].join("\n"),
    );
  });

  it("links a voicemail recording and escapes what the customer typed", () => {
    const text = renderTranscript(
      [
        {
          direction: "inbound",
          body: "<script>alert(1)</script>\nsecond line",
          at: new Date("2026-12-05T18:02:00-07:00"),
        },
        {
          direction: "inbound",
          body: "",
          at: new Date("2026-12-05T18:03:00-07:00"),
          mediaUrl: "https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE123",
        },
        {
          direction: "inbound",
          body: "hi",
          at: new Date("2026-12-05T18:04:00-07:00"),
          mediaUrl: "javascript:alert(1)",
        },
      ],
      ZONE,
    );
    expect(text).toBe(
      [
        "`6:02 PM` *Customer:* &lt;script&gt;alert(1)&lt;/script&gt; second line",
        "`6:03 PM` *Customer:* <https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE123|recording>",
        "`6:04 PM` *Customer:* hi javascript:alert(1)",
      ].join("\n"),
    );
  });
});

describe("renderRelayedCustomerMessage", () => {
  it("escapes the body and links each attachment", () => {
    expect(
      renderRelayedCustomerMessage("Is <b>this</b> ok & fine?", [
        "https://api.twilio.com/media/ME1?x=1&y=2",
        "https://api.twilio.com/media/ME2|<x>",
      ]),
    ).toBe(
      [
        "*Customer:* Is &lt;b&gt;this&lt;/b&gt; ok &amp; fine?",
        "<https://api.twilio.com/media/ME1?x=1&amp;y=2|attachment 1>",
        "<https://api.twilio.com/media/ME2%7C%3Cx%3E|attachment 2>",
      ].join("\n"),
    );
  });

  it("shows an empty body as such", () => {
    expect(renderRelayedCustomerMessage("  ", [])).toBe("*Customer:* _(no text)_");
  });
});

describe("renderDispatchThreadRoot names the customer (#17)", () => {
  const customer = {
    name: "Maria Lopez",
    organization: "Desert Bloom Events",
    phone: "+15205550199",
    email: null,
    requests: [{ number: 1001, status: "approved", start: new Date("2026-12-05T18:00:00-07:00") }],
  };

  it("shows a web chat customer's name, organization, given number and requests, not the chat id alone", () => {
    const root = renderDispatchThreadRoot(makeView({ channel: "web", participant: "dl-3f124e5f12078493" }), TRANSCRIPT, customer);
    const [summary] = root.blocks as Block[];
    expect(summary?.fields?.map((field) => field.text)).toEqual([
      "*Customer*\nMaria Lopez, Desert Bloom Events (web chat)\nmobile 520-555-0199 (given, not verified)",
      "*Reason*\nAsked for a person",
      "*Status*\nWaiting for a dispatcher",
      "*Requests*\n#1001 approved, Sat Dec 5",
    ]);
    expect(root.text).toBe("Maria Lopez needs a dispatcher — Tucson Police Department: Asked for a person");
  });

  it("says when a web chat customer gave no contact and has no requests yet", () => {
    const root = renderDispatchThreadRoot(makeView({ channel: "web", participant: "dl-3f124e5f12078493" }), TRANSCRIPT, {
      name: null,
      organization: null,
      phone: null,
      email: null,
      requests: [],
    });
    const fields = (root.blocks[0] as Block).fields?.map((field) => field.text);
    expect(fields?.[0]).toBe("*Customer*\nName not given (web chat)\nno phone or email given; chat dl-3f124e5f12078493");
    expect(fields?.[3]).toBe("*Requests*\nnone yet");
  });
});
