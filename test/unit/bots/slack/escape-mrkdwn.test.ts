import { describe, expect, it } from "vitest";
import { escapeMrkdwn, mentionUser, truncateText } from "../../../../bots/slack/escape-mrkdwn.ts";

describe("escapeMrkdwn", () => {
  it("escapes Slack's three control characters and nothing else", () => {
    expect(escapeMrkdwn("<script>alert('x & y')</script> *bold* _it_")).toBe(
      "&lt;script&gt;alert('x &amp; y')&lt;/script&gt; *bold* _it_",
    );
    expect(escapeMrkdwn("<!channel> <@U0TUCSSUP1> <https://evil.example|bank>")).toBe(
      "&lt;!channel&gt; &lt;@U0TUCSSUP1&gt; &lt;https://evil.example|bank&gt;",
    );
  });

  it("bounds the escaped length without splitting an entity", () => {
    expect(escapeMrkdwn("&&&&", 8)).toBe("&amp;…");
    expect(escapeMrkdwn("ab&cd", 100)).toBe("ab&amp;cd");
    const cut = escapeMrkdwn("<".repeat(1000), 300);
    expect(cut.length).toBeLessThanOrEqual(300);
    expect(cut).toMatch(/^(&lt;)+…$/);
  });
});

describe("truncateText", () => {
  it("leaves short text alone and never splits an emoji", () => {
    expect(truncateText("short", 10)).toBe("short");
    expect(truncateText("ab🚓🚓", 4)).toBe("ab…");
    expect(truncateText("abcdef", 4)).toBe("abc…");
  });
});

describe("mentionUser", () => {
  it("mentions well-formed user ids and escapes anything else", () => {
    expect(mentionUser("U0TUCSSUP1")).toBe("<@U0TUCSSUP1>");
    expect(mentionUser("<!here>")).toBe("&lt;!here&gt;");
    expect(mentionUser(null)).toBe("someone");
  });
});
