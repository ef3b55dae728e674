import { describe, expect, it } from "vitest";
import { dropRepeatedReplies } from "../../../workers/limits/repeated-replies.ts";

const r = (text: string) => ({ text });

describe("dropRepeatedReplies", () => {
  it.each([
    { name: "nothing recent: all kept", replies: ["a", "b"], recent: [], kept: ["a", "b"] },
    { name: "a repeat of a recent text is dropped", replies: ["help", "What date?"], recent: ["help", "What date?"], kept: [] },
    { name: "only the repeat goes", replies: ["help", "What time?"], recent: ["help", "What date?"], kept: ["What time?"] },
    { name: "whitespace does not make a text new", replies: ["What  date?\n"], recent: ["What date?"], kept: [] },
    { name: "a repeat within the turn is kept once", replies: ["x", "x", "y"], recent: [], kept: ["x", "y"] },
    { name: "order is kept", replies: ["c", "a", "b"], recent: ["a"], kept: ["c", "b"] },
  ])("$name", ({ replies, recent, kept }) => {
    expect(dropRepeatedReplies(replies.map(r), recent).map((reply) => reply.text)).toEqual(kept);
  });

  it("keeps other fields of a reply (web cards)", () => {
    const card = { kind: "quote_summary" as const, data: { total: 1 } };
    expect(dropRepeatedReplies([{ text: "Quote", card }], [])).toEqual([{ text: "Quote", card }]);
  });
});
