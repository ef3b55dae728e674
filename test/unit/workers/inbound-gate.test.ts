import { describe, expect, it } from "vitest";
import { DEFAULT_ABUSE_LIMITS } from "../../../workers/limits/abuse-limits.ts";
import { decideInboundGate, limitNotice } from "../../../workers/limits/inbound-gate.ts";

const NOW = new Date("2026-11-23T17:00:00Z");
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000);
const times = (count: number, everySeconds: number, startAgo: number) =>
  Array.from({ length: count }, (_, i) => ago(startAgo - i * everySeconds));
const limits = { ...DEFAULT_ABUSE_LIMITS, inboundPerSender: 3, inboundWindowMinutes: 10, repliesPerConversationPerMinute: 4 };

describe("decideInboundGate", () => {
  it.each([
    { name: "a quiet sender", acted: [], replied: [], expected: { kind: "act" } },
    { name: "under the inbound limit", acted: times(2, 10, 60), replied: [], expected: { kind: "act" } },
    {
      name: "at the inbound limit: waits until the oldest leaves the 10-minute window",
      acted: times(3, 10, 300),
      replied: [],
      expected: { kind: "wait", reason: "inbound_limit", until: new Date(ago(300).getTime() + 600_000) },
    },
    {
      name: "acted on more than the limit (a lowered setting): waits for the limit-th newest",
      acted: times(5, 10, 300),
      replied: [],
      expected: { kind: "wait", reason: "inbound_limit", until: new Date(ago(280).getTime() + 600_000) },
    },
    { name: "messages older than the window do not count", acted: times(3, 10, 700), replied: [], expected: { kind: "act" } },
    {
      name: "at the reply cap: waits until the oldest reply is a minute old",
      acted: [],
      replied: times(4, 5, 30),
      expected: { kind: "wait", reason: "reply_cap", until: new Date(ago(30).getTime() + 60_000) },
    },
    { name: "replies older than a minute do not count", acted: [], replied: times(4, 5, 90), expected: { kind: "act" } },
  ])("$name", ({ acted, replied, expected }) => {
    expect(decideInboundGate({ actedAt: acted, repliedAt: replied }, limits, NOW)).toEqual(expected);
  });

  it("never makes a sender wait into the past or longer than a window", () => {
    for (let count = 0; count < 30; count += 1) {
      const gate = decideInboundGate({ actedAt: times(count, 7, 590), repliedAt: times(count % 6, 3, 50) }, limits, NOW);
      if (gate.kind === "wait") {
        expect(gate.until.getTime()).toBeGreaterThan(NOW.getTime());
        expect(gate.until.getTime()).toBeLessThanOrEqual(NOW.getTime() + 600_000);
      }
    }
  });
});

describe("limitNotice", () => {
  it.each([
    ["en", /We got your messages/],
    [null, /We got your messages/],
    ["es", /Recibimos sus mensajes/],
  ])("in %s", (language, pattern) => {
    expect(limitNotice(language)).toMatch(pattern);
  });
});
