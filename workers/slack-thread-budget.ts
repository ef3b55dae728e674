import { randomUUID } from "node:crypto";
import type { RedisConnection } from "./redis-connection.ts";

/** Posts one Slack thread may take per minute; beyond it callers coalesce (see slack-relay-backlog.ts). */
export interface SlackThreadBudget {
  /** Takes one post from the thread's budget: `{ ok: true }`, or when the next one frees. */
  take(threadTs: string): Promise<{ ok: true } | { ok: false; freesAt: Date }>;
}

/**
 * KEYS[1]: the thread's sorted set of post times. ARGV: limit, now (ms), window (ms), member.
 * Returns -1 when granted, else the time (ms) the oldest counted post leaves the window.
 */
const TAKE = `
local limit = tonumber(ARGV[1])
local now = tonumber(ARGV[2])
local window = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
if count < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[4])
  redis.call('PEXPIRE', KEYS[1], window)
  return -1
end
local oldest = redis.call('ZRANGE', KEYS[1], count - limit, count - limit, 'WITHSCORES')
return tonumber(oldest[2]) + window
`;

/**
 * A sliding one-minute window of posts per thread, counted in Redis so every worker process
 * shares it (SLACK_POSTS_PER_THREAD_PER_MINUTE, default 6). A reservation is taken before the
 * post: a post that then fails still counts, which only errs on the quiet side.
 */
export function createSlackThreadBudget(redis: RedisConnection, prefix: string, perMinute: number, minuteMs = 60_000): SlackThreadBudget {
  return {
    async take(threadTs) {
      const now = Date.now();
      const result = Number(
        await redis.eval(TAKE, 1, `${prefix}:slack-thread:${threadTs}`, perMinute, now, minuteMs, `${now}-${randomUUID()}`),
      );
      return result < 0 ? { ok: true } : { ok: false, freesAt: new Date(result) };
    },
  };
}

/** No limit (tools, benchmarks). */
export const UNLIMITED_SLACK_THREAD_BUDGET: SlackThreadBudget = { take: async () => ({ ok: true }) };
