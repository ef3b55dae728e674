import { Redis } from "ioredis";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createSenderRateLimiter } from "../../../workers/sender-rate-limit.ts";

describe("per-sender SMS rate limit (real Redis)", () => {
  const redis = new Redis(inject("redisUrl"));
  afterAll(() => redis.disconnect());

  it("lets at most N messages per second leave one sender, and does not slow another sender", async () => {
    const limiter = createSenderRateLimiter(redis, `${inject("redisPrefix")}:rate`, 2);
    const stamps: number[] = [];
    await Promise.all(
      Array.from({ length: 5 }, async () => {
        await limiter.acquire("+15205550100");
        stamps.push(Math.floor(Date.now() / 1000));
      }),
    );
    const perSecond = new Map<number, number>();
    for (const s of stamps) perSecond.set(s, (perSecond.get(s) ?? 0) + 1);
    expect(stamps).toHaveLength(5);
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(2);
    expect(perSecond.size).toBeGreaterThanOrEqual(3);
  });

  it("is off at 0", async () => {
    const limiter = createSenderRateLimiter(redis, `${inject("redisPrefix")}:rate0`, 0);
    const keysBefore = await redis.keys(`${inject("redisPrefix")}:rate0*`);
    for (let i = 0; i < 20; i += 1) await limiter.acquire("+15205550100");
    expect(await redis.keys(`${inject("redisPrefix")}:rate0*`)).toEqual(keysBefore);
  });
});
