import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import pg from "pg";

/** Where a PostgreSQL on this machine listens for local connections (Debian's default). */
const LOCAL_SOCKET_DIR = "/var/run/postgresql";

/**
 * PostgreSQL server the benchmarks create their databases on (BENCH_DATABASE_SERVER_URL): the
 * local server's Unix socket where there is one (what a same-machine deployment should use:
 * no TCP stack per query), else 127.0.0.1:5432.
 */
export const BENCH_SERVER_URL =
  process.env.BENCH_DATABASE_SERVER_URL ??
  (existsSync(`${LOCAL_SOCKET_DIR}/.s.PGSQL.5432`)
    ? `postgresql://postgres@localhost/postgres?host=${LOCAL_SOCKET_DIR}`
    : "postgresql://postgres@127.0.0.1:5432/postgres");
/** Redis the benchmarks' queues use (BENCH_REDIS_URL), under a prefix of their own. */
export const BENCH_REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";

/** A benchmark's own database and Redis key prefix, so it never sees another run's data. */
export interface BenchEnvironment {
  /** `detaildesk_bench_<label>_<random>` on BENCH_SERVER_URL; not created yet (migrate or boot creates it). */
  databaseUrl: string;
  redisPrefix: string;
  /** Drops the database, closing whatever connections are still open on it. */
  dropDatabase(): Promise<void>;
}

export function planBenchEnvironment(label: string): BenchEnvironment {
  const runId = randomBytes(4).toString("hex");
  const name = `detaildesk_bench_${label}_${runId}`;
  const url = new URL(BENCH_SERVER_URL);
  url.pathname = `/${name}`;
  return {
    databaseUrl: url.toString(),
    redisPrefix: `ddbench:${label}:${runId}`,
    async dropDatabase() {
      const admin = new pg.Client({ connectionString: BENCH_SERVER_URL });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}

/** Removes every key of the given queues (jobs, schedulers, events) from Redis. */
export async function obliterateQueues(queues: { obliterate(options: { force: boolean }): Promise<void> }[]): Promise<void> {
  for (const queue of queues) await queue.obliterate({ force: true }).catch(() => undefined);
}

/** Polls `done` every 10 ms until it holds or `timeoutMs` passes; returns whether it held. */
export async function waitUntil(done: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await done()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
