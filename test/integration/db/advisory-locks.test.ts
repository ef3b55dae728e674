import { afterAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { AdvisoryLocks } from "../../../prisma/advisory-locks.ts";
import { sleep } from "../../support/wait-for.ts";

// Two instances stand for two worker processes: each has its own connections.
describe("AdvisoryLocks (PostgreSQL session advisory locks)", () => {
  const one = new AdvisoryLocks(inject("databaseUrl"));
  const two = new AdvisoryLocks(inject("databaseUrl"));
  afterAll(async () => {
    await Promise.all([one.close(), two.close()]);
  });

  /** Runs work that records when it starts and ends. */
  const timed = (log: string[], name: string, ms: number) => async () => {
    log.push(`${name} start`);
    await sleep(ms);
    log.push(`${name} end`);
    return name;
  };

  it("runs work on one key one at a time, across instances", async () => {
    const log: string[] = [];
    const key = `test-${Math.random()}`;
    const results = await Promise.all([
      one.withLock(key, timed(log, "a", 150)),
      (async () => {
        await sleep(20);
        return two.withLock(key, timed(log, "b", 10));
      })(),
    ]);
    expect(results).toEqual(["a", "b"]);
    expect(log).toEqual(["a start", "a end", "b start", "b end"]);
  });

  it("runs work on different keys at the same time", async () => {
    const log: string[] = [];
    await Promise.all([
      one.withLock(`test-${Math.random()}`, timed(log, "a", 150)),
      (async () => {
        await sleep(20);
        await two.withLock(`test-${Math.random()}`, timed(log, "b", 10));
      })(),
    ]);
    expect(log).toEqual(["a start", "b start", "b end", "a end"]);
  });

  it("frees the lock when the work fails, and passes the failure on", async () => {
    const key = `test-${Math.random()}`;
    await expect(
      one.withLock(key, async () => {
        throw new Error("turn failed");
      }),
    ).rejects.toThrow("turn failed");
    const log: string[] = [];
    await expect(two.withLock(key, timed(log, "after", 1))).resolves.toBe("after");
    expect(log).toEqual(["after start", "after end"]);
  });
});
