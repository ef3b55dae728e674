import type { Redis } from "ioredis";

/** Waits until a sender may send another message. */
export interface SenderRateLimiter {
  acquire(sender: string): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A per-sender limit of `perSecond` messages in each wall-clock second, counted in Redis so
 * several worker processes share it. 0 turns it off (benchmarks, bulk tests).
 */
export function createSenderRateLimiter(redis: Redis, prefix: string, perSecond: number): SenderRateLimiter {
  if (perSecond <= 0) return { acquire: async () => undefined };
  return {
    async acquire(sender) {
      for (;;) {
        const second = Math.floor(Date.now() / 1000);
        const key = `${prefix}:sms-rate:${sender}:${second}`;
        const count = await redis.incr(key);
        if (count === 1) await redis.expire(key, 2);
        if (count <= perSecond) return;
        await sleep((second + 1) * 1000 - Date.now() + 1);
      }
    },
  };
}
