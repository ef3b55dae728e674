import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { SMS_LANES, type SmsLane } from "./limits/sms-lanes.ts";

/** Waits until a sender may send another message. */
export interface SenderRateLimiter {
  /** `lane` defaults to "reply"; a lane waits while a better lane has a message waiting. */
  acquire(sender: string, lane?: SmsLane): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A waiter that stops refreshing its mark (a process died mid-wait) stops counting after this. */
const WAITER_TTL_MS = 5_000;

/**
 * One try at the budget, atomically. KEYS: this second's counter, then the waiter sets of every
 * lane, best first. ARGV: perSecond, lane (1-based), now (ms), token, waiter TTL (ms).
 * A lane with a better lane waiting gives way without counting; a refused try marks itself as
 * waiting (scored by when the mark expires), a granted one removes its mark.
 */
const TRY_ACQUIRE = `
local perSecond = tonumber(ARGV[1])
local lane = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local token = ARGV[4]
local ttl = tonumber(ARGV[5])
local own = KEYS[1 + lane]
local function wait()
  redis.call('ZADD', own, now + ttl, token)
  redis.call('PEXPIRE', own, ttl)
  return 0
end
for i = 1, lane - 1 do
  redis.call('ZREMRANGEBYSCORE', KEYS[1 + i], '-inf', now)
  if redis.call('ZCARD', KEYS[1 + i]) > 0 then return wait() end
end
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], 2) end
if count <= perSecond then
  redis.call('ZREM', own, token)
  return 1
end
return wait()
`;

/**
 * A per-sender limit of `perSecond` messages in each wall-clock second, counted in Redis so
 * several worker processes share it, with lanes (see sms-lanes.ts): a customer's reply waiting
 * for the budget goes before any offer that is waiting too. 0 turns it off (benchmarks, bulk tests).
 */
export function createSenderRateLimiter(redis: Redis, prefix: string, perSecond: number): SenderRateLimiter {
  if (perSecond <= 0) return { acquire: async () => undefined };
  return {
    async acquire(sender, lane = "reply") {
      const token = randomUUID();
      const waiters = SMS_LANES.map((name) => `${prefix}:sms-wait:${sender}:${name}`);
      const laneIndex = SMS_LANES.indexOf(lane) + 1;
      for (;;) {
        const now = Date.now();
        const second = Math.floor(now / 1000);
        const key = `${prefix}:sms-rate:${sender}:${second}`;
        const granted = await redis.eval(
          TRY_ACQUIRE,
          1 + waiters.length,
          key,
          ...waiters,
          perSecond,
          laneIndex,
          now,
          token,
          WAITER_TTL_MS,
        );
        if (granted === 1) return;
        await sleep((second + 1) * 1000 - Date.now() + 1);
      }
    },
  };
}
