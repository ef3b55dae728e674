import { Redis } from "ioredis";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createSenderRateLimiter } from "../../../workers/sender-rate-limit.ts";

describe("per-sender SMS rate limit (real Redis)", () => {
  const redis = new Redis(inject("redisUrl"));
  afterAll(() => redis.disconnect());

  it("lets at most N messages per second leave one sender, and does not slow another sender", async () => {
    const limiter = createSenderRateLimiter(redis, `${inject("redisPrefix")}:rate`, 2);
    const firstSecond = Math.floor(Date.now() / 1000);
    const granted: number[] = [];
    await Promise.all(
      Array.from({ length: 5 }, async () => {
        await limiter.acquire("+15205550100");
        granted.push(Date.now());
      }),
    );
    // The k-th grant (0-based) cannot come before second firstSecond + floor(k / 2). Read after
    // the grant, so a busy machine only makes a reading later: the check never fails for load.
    const sorted = [...granted].sort((a, b) => a - b);
    expect(sorted).toHaveLength(5);
    for (const [k, at] of sorted.entries()) {
      expect(at, `grant ${k}`).toBeGreaterThanOrEqual((firstSecond + Math.floor(k / 2)) * 1000);
    }
    // Another sender has a budget of its own: its two messages are let through at the first
    // try (a refused try would have counted a third in its per-second counters).
    await limiter.acquire("+15205550199");
    await limiter.acquire("+15205550199");
    const keys = await redis.keys(`${inject("redisPrefix")}:rate:sms-rate:{+15205550199}:*`);
    const counted = (await Promise.all(keys.map((key) => redis.get(key)))).reduce((sum, n) => sum + Number(n ?? 0), 0);
    expect(keys.length).toBeGreaterThan(0);
    expect(counted).toBeLessThanOrEqual(2);
  });

  it("is off at 0", async () => {
    const limiter = createSenderRateLimiter(redis, `${inject("redisPrefix")}:rate0`, 0);
    const keysBefore = await redis.keys(`${inject("redisPrefix")}:rate0*`);
    for (let i = 0; i < 20; i += 1) await limiter.acquire("+15205550100");
    expect(await redis.keys(`${inject("redisPrefix")}:rate0*`)).toEqual(keysBefore);
  });
});
