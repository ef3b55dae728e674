import { randomUUID } from "node:crypto";
import { SMS_LANES, type SmsLane } from "./limits/sms-lanes.ts";
import type { RedisConnection } from "./redis-connection.ts";

/** Waits until a sender may send another message. */
export interface SenderRateLimiter {
  /** Messages per sender and second; 0 = no limit. Senders size their batches by it. */
  readonly perSecond: number;
  /** `lane` defaults to "reply"; a lane waits while a better lane has a message waiting. */
  acquire(sender: string, lane?: SmsLane): Promise<void>;
}

/** The limiter's time: injected so a test can run its schedule without waiting for real seconds. */
export interface LimiterClock {
  /** Epoch ms. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

const SYSTEM_CLOCK: LimiterClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

/**
 * The Redis keys of one sender's budget, built in this one place. The sender is a hash tag: one
 * script touches all these keys, so on a Redis Cluster they must share a slot; different senders
 * still spread over the masters.
 */
export function senderKeys(prefix: string, sender: string): { second(second: number): string; waiters: string[] } {
  return {
    second: (second) => `${prefix}:sms-rate:{${sender}}:${second}`,
    waiters: SMS_LANES.map((name) => `${prefix}:sms-wait:{${sender}}:${name}`),
  };
}

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
export function createSenderRateLimiter(
  redis: RedisConnection,
  prefix: string,
  perSecond: number,
  clock: LimiterClock = SYSTEM_CLOCK,
): SenderRateLimiter {
  if (perSecond <= 0) return { perSecond: 0, acquire: async () => undefined };
  return {
    perSecond,
    async acquire(sender, lane = "reply") {
      const token = randomUUID();
      const keys = senderKeys(prefix, sender);
      const laneIndex = SMS_LANES.indexOf(lane) + 1;
      for (;;) {
        const now = clock.now();
        const second = Math.floor(now / 1000);
        const granted = await redis.eval(
          TRY_ACQUIRE,
          1 + keys.waiters.length,
          keys.second(second),
          ...keys.waiters,
          perSecond,
          laneIndex,
          now,
          token,
          WAITER_TTL_MS,
        );
        if (granted === 1) return;
        await clock.sleep((second + 1) * 1000 - clock.now() + 1);
      }
    },
  };
}
