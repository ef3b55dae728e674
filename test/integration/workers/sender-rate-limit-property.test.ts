import fc from "fast-check";
import { Redis } from "ioredis";
import { afterAll, describe, expect, inject, it } from "vitest";
import { SMS_LANES, type SmsLane } from "../../../workers/limits/sms-lanes.ts";
import { createSenderRateLimiter, type LimiterClock } from "../../../workers/sender-rate-limit.ts";

/** One acquire: who asks, in which lane, when (ms after the run's start), through which process's limiter. */
interface Ask {
  sender: number;
  lane: SmsLane;
  arrivalMs: number;
  process: number;
}

interface Grant {
  ask: number;
  /** The clock when the limiter let it through (the clock stands still while anyone is running). */
  at: number;
  /** Order of the grants, so two at one instant keep theirs. */
  seq: number;
}

/**
 * A clock that moves only when told: time stands still while acquires talk to Redis, and jumps to
 * the next timer or arrival once every acquire is asleep or done. Real seconds never pass, so the
 * schedule is the limiter's own, never the machine's speed.
 */
class SteppedClock implements LimiterClock {
  private timers: { at: number; wake: () => void }[] = [];
  /** Acquires asleep on this clock. */
  asleep = 0;
  constructor(public time: number) {}
  now(): number {
    return this.time;
  }
  sleep(ms: number): Promise<void> {
    this.asleep += 1;
    return new Promise((resolve) => this.timers.push({ at: this.time + Math.max(0, ms), wake: resolve }));
  }
  nextTimer(): number {
    return Math.min(...this.timers.map((t) => t.at));
  }
  advanceTo(time: number): void {
    this.time = time;
    const due = this.timers.filter((t) => t.at <= time);
    this.timers = this.timers.filter((t) => t.at > time);
    this.asleep -= due.length;
    for (const timer of due) timer.wake();
  }
}

const SENDERS = ["+15205550100", "+15205550101", "+15205550102"];

/**
 * Runs every ask through limiters (one per simulated process) sharing one Redis prefix and one
 * stepped clock; returns the grants, or the asks still waiting when the run's time was up.
 */
async function runSchedule(
  redis: Redis,
  prefix: string,
  input: { perSecond: number; startMs: number; processes: number; asks: Ask[] },
): Promise<{ grants: Grant[]; starved: number[] }> {
  const clock = new SteppedClock(input.startMs);
  const limiters = Array.from({ length: input.processes }, () => createSenderRateLimiter(redis, prefix, input.perSecond, clock));
  const grants: Grant[] = [];
  const order = input.asks.map((_, i) => i).sort((a, b) => input.asks[a]!.arrivalMs - input.asks[b]!.arrivalMs);
  let started = 0;
  // Each second with anyone waiting grants at least one ask, so all are through well before this.
  const lastArrival = Math.max(0, ...input.asks.map((a) => a.arrivalMs));
  const deadline = input.startMs + lastArrival + (input.asks.length + 2) * 1000;
  for (;;) {
    while (started < order.length && input.startMs + input.asks[order[started]!]!.arrivalMs <= clock.time) {
      const index = order[started]!;
      const ask = input.asks[index]!;
      started += 1;
      void limiters[ask.process % limiters.length]!.acquire(SENDERS[ask.sender]!, ask.lane).then(() => {
        grants.push({ ask: index, at: clock.now(), seq: grants.length });
      });
    }
    // Wait until every started acquire is asleep on the clock or granted.
    while (started - grants.length - clock.asleep > 0) await new Promise((resolve) => setImmediate(resolve));
    if (grants.length === input.asks.length) return { grants, starved: [] };
    const nextArrival = started < order.length ? input.startMs + input.asks[order[started]!]!.arrivalMs : Number.POSITIVE_INFINITY;
    const next = Math.min(clock.nextTimer(), nextArrival);
    if (next > deadline) {
      const granted = new Set(grants.map((g) => g.ask));
      return { grants, starved: input.asks.map((_, i) => i).filter((i) => !granted.has(i)) };
    }
    clock.advanceTo(next);
  }
}

/** Seconds (as the limiter counts them) in which a sender got more than `perSecond` grants. */
function findOverLimit(asks: Ask[], grants: Grant[], perSecond: number): string[] {
  const counts = new Map<string, number>();
  for (const grant of grants) {
    const key = `${SENDERS[asks[grant.ask]!.sender]} in second ${Math.floor(grant.at / 1000)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].filter(([, n]) => n > perSecond).map(([key, n]) => `${key}: ${n}`);
}

/**
 * Grants that jumped a better lane: an ask let through while a better-lane ask of the same
 * sender had been waiting since an earlier instant (it asked, was refused, and is granted only
 * later). Asks arriving at the same instant may go in either order.
 */
function findLaneInversions(asks: Ask[], grants: Grant[], startMs: number): string[] {
  const rank = (lane: SmsLane) => SMS_LANES.indexOf(lane);
  const grantOf = new Map(grants.map((g) => [g.ask, g]));
  const inversions: string[] = [];
  for (const grant of grants) {
    const ask = asks[grant.ask]!;
    for (const [other, better] of asks.entries()) {
      if (better.sender !== ask.sender || rank(better.lane) >= rank(ask.lane)) continue;
      const betterGrant = grantOf.get(other);
      const waitingBefore = startMs + better.arrivalMs < grant.at;
      if (waitingBefore && (!betterGrant || betterGrant.seq > grant.seq)) {
        inversions.push(`ask ${grant.ask} (${ask.lane}) granted at ${grant.at} before ask ${other} (${better.lane}, waiting since ${startMs + better.arrivalMs})`);
      }
    }
  }
  return inversions;
}

const askArbitrary = fc.record({
  sender: fc.integer({ min: 0, max: SENDERS.length - 1 }),
  lane: fc.constantFrom(...SMS_LANES),
  // Bursts at one instant and spreads over a few seconds, on and off second boundaries.
  arrivalMs: fc.oneof(
    fc.constant(0),
    fc.integer({ min: 0, max: 1_500 }),
    fc.integer({ min: 0, max: 4_000 }),
    fc.integer({ min: 0, max: 4 }).map((s) => s * 1000),
  ),
  process: fc.integer({ min: 0, max: 2 }),
});

describe("per-sender SMS rate limit, as a property (real Redis, stepped clock)", () => {
  const redis = new Redis(inject("redisUrl"));
  afterAll(() => redis.disconnect());
  let run = 0;

  it("never lets a sender exceed its rate in any second, grants every ask, and keeps lanes in order", async () => {
    let granted = 0;
    let waited = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 5 })),
        // Any instant, not only whole seconds: the first second may be a sliver.
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(askArbitrary, { minLength: 1, maxLength: 40, size: "medium" }),
        async (perSecond, startOffsetMs, processes, asks) => {
          run += 1;
          const startMs = 1_800_000_000_000 + startOffsetMs;
          const prefix = `${inject("redisPrefix")}:rate-property:${run}`;
          const { grants, starved } = await runSchedule(redis, prefix, { perSecond, startMs, processes, asks });
          expect(starved, "asks never granted").toEqual([]);
          expect(findOverLimit(asks, grants, perSecond)).toEqual([]);
          expect(findLaneInversions(asks, grants, startMs)).toEqual([]);
          granted += grants.length;
          waited += grants.filter((g) => g.at > startMs + asks[g.ask]!.arrivalMs).length;
        },
      ),
      { numRuns: 150 },
    );
    // The property is about something: many asks were granted, and many had to wait for it.
    expect(granted).toBeGreaterThan(500);
    expect(waited).toBeGreaterThan(granted / 5);
  });
});
