import pg from "pg";

/**
 * PostgreSQL session advisory locks, so work on one key (say one sender's messages) runs one at a
 * time across every worker process. Each held lock pins a connection of a small pool of its own:
 * holding one from Prisma's pool while the work itself needs that pool could starve it.
 */
export class AdvisoryLocks {
  private readonly pool: pg.Pool;

  constructor(databaseUrl: string, options: { maxHeld?: number; waitMs?: number } = {}) {
    this.pool = new pg.Pool({
      connectionString: databaseUrl,
      max: options.maxHeld ?? 10,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      // The server gives up waiting for a lock after this, so no wait outlives its caller.
      options: `-c lock_timeout=${options.waitMs ?? 20_000}`,
    });
    // An idle pooled connection that drops (PostgreSQL restarted) must not crash the process.
    this.pool.on("error", () => undefined);
  }

  /** Runs `work` holding the lock on `key`, waiting for it while another holder has it. */
  async withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // A checked-out client has no pool listener: a connection dropped while the lock is held
    // (PostgreSQL restarted) would otherwise be an uncaught error. The work's own queries fail
    // or finish on Prisma's pool; this connection is then discarded below.
    let dropped = false;
    const onError = () => {
      dropped = true;
    };
    client.on("error", onError);
    let clean = false;
    // Named statements: parsed once per connection, as every inbound SMS takes and frees a lock.
    try {
      await client.query({ name: "advisory-lock", text: "SELECT pg_advisory_lock(hashtextextended($1, 0))", values: [key] });
      try {
        return await work();
      } finally {
        clean = await client.query({ name: "advisory-unlock", text: "SELECT pg_advisory_unlock(hashtextextended($1, 0))", values: [key] }).then(
          () => true,
          () => false,
        );
      }
    } finally {
      client.off("error", onError);
      // A connection whose lock state is unsure (an error mid-way) is closed, which frees its locks.
      client.release(!clean || dropped);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
