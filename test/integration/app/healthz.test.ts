import { Redis } from "ioredis";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createHttpApp } from "../../../bots/server.ts";
import { createLogger } from "../../../config/logger.ts";
import { createDatabase, type PrismaClient } from "../../../prisma/client.ts";

describe("GET /healthz", () => {
  let prisma: PrismaClient;
  let pool: pg.Pool;
  let deadPool: pg.Pool;
  let redis: Redis;
  let deadRedis: Redis;

  beforeAll(() => {
    ({ prisma, pool } = createDatabase(inject("databaseUrl")));
    // Nothing listens on port 1: as PostgreSQL down.
    deadPool = new pg.Pool({ connectionString: "postgresql://postgres@127.0.0.1:1/detaildesk", connectionTimeoutMillis: 1_000 });
    deadPool.on("error", () => undefined);
    redis = new Redis(inject("redisUrl"), { lazyConnect: true, maxRetriesPerRequest: 0 });
    deadRedis = new Redis("redis://127.0.0.1:1", {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    deadRedis.on("error", () => undefined);
  });

  afterAll(async () => {
    redis.disconnect();
    deadRedis.disconnect();
    await prisma.$disconnect();
    await deadPool.end();
  });

  // The database probe as application.ts builds it: SELECT 1 on the pg pool, so /healthz never
  // loads Prisma's query compiler into a web process.
  async function getHealth(redisClient: Redis, databasePool = pool): Promise<{ status: number; body: Record<string, unknown> }> {
    const app = createHttpApp({
      logger: createLogger({ level: "silent" }),
      mode: { twilio: "sandbox" },
      probes: { database: () => databasePool.query("SELECT 1"), redis: () => redisClient.ping() },
    });
    const server = app.listen(0);
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    } finally {
      server.close();
    }
  }

  it("answers 200 when PostgreSQL and Redis are reachable", async () => {
    const { status, body } = await getHealth(redis);
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: "ok", database: "up", redis: "up" });
  });

  it("answers 503 naming the service that is down", async () => {
    const { status, body } = await getHealth(deadRedis);
    expect(status).toBe(503);
    expect(body).toMatchObject({ status: "degraded", database: "up", redis: "down" });
  });

  it("answers 503 when PostgreSQL cannot be reached", async () => {
    const { status, body } = await getHealth(redis, deadPool);
    expect(status).toBe(503);
    expect(body).toMatchObject({ status: "degraded", database: "down", redis: "up" });
  });
});
