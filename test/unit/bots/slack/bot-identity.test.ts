import { describe, expect, it } from "vitest";
import { type BotIdentity, createBotIdentityCache } from "../../../../bots/slack/bot-identity.ts";

const IDS: BotIdentity = { botUserId: "U0BOT", botId: "B0BOT" };
const settle = () => new Promise((resolve) => setImmediate(resolve));

/** A cache whose auth.test answers from `answers` in turn (an Error = Slack unreachable). */
function makeCache(answers: (BotIdentity | Error)[]) {
  let clock = 1_000_000;
  let calls = 0;
  const failures: unknown[] = [];
  const cache = createBotIdentityCache({
    token: "xoxb-configured",
    lookUp: async () => {
      const answer = answers[calls] ?? new Error("no more answers");
      calls += 1;
      if (answer instanceof Error) throw answer;
      return answer;
    },
    onLookUpFailed: (error) => failures.push(error),
    now: () => clock,
    retryMs: 30_000,
  });
  return {
    cache,
    calls: () => calls,
    failures,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

describe("createBotIdentityCache (Bolt authorize without a Slack call per request)", () => {
  it("answers every request with the configured token, even before auth.test has answered", async () => {
    const { cache } = makeCache([IDS]);
    await expect(cache.authorize()).resolves.toEqual({ botToken: "xoxb-configured" });
  });

  it("calls auth.test once and then answers from the cache", async () => {
    const { cache, calls } = makeCache([IDS]);
    await cache.authorize();
    await settle();
    for (let i = 0; i < 5; i += 1) {
      await expect(cache.authorize()).resolves.toEqual({ botToken: "xoxb-configured", ...IDS });
    }
    expect(calls()).toBe(1);
  });

  it("never rejects while Slack is unreachable, and tries again at most every retryMs", async () => {
    const { cache, calls, failures, advance } = makeCache([new Error("ECONNREFUSED"), new Error("ECONNREFUSED"), IDS]);
    await expect(cache.authorize()).resolves.toEqual({ botToken: "xoxb-configured" });
    await settle();
    await cache.authorize();
    await settle();
    expect(calls()).toBe(1);
    expect(failures).toHaveLength(1);

    advance(30_000);
    await cache.authorize();
    await settle();
    expect(calls()).toBe(2);

    advance(30_000);
    await cache.authorize();
    await settle();
    expect(cache.identity()).toEqual(IDS);
    expect(calls()).toBe(3);
  });

  it("warmUp looks up ahead of the first request; a second warmUp while in flight does nothing", async () => {
    const { cache, calls } = makeCache([IDS]);
    cache.warmUp();
    cache.warmUp();
    await settle();
    expect(calls()).toBe(1);
    await expect(cache.authorize()).resolves.toEqual({ botToken: "xoxb-configured", ...IDS });
  });
});
