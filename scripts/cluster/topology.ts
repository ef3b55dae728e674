import { getAgency } from "../../agencies/load-agencies.ts";
import { createPrismaClient } from "../../prisma/client.ts";
import { seedDatabase } from "../../prisma/seed.ts";
import { migrateDatabase } from "../../prisma/tools/migrate.ts";
import { startFakeTwilio } from "../../test/fakes/fake-twilio-server.ts";
import { findFreePort } from "../../test/support/free-port.ts";
import { type RunningProcess, spawnTs } from "../../test/support/spawn-process.ts";
import { type LoadBalancer, startLoadBalancer } from "./load-balancer.ts";
import { type LocalRedisCluster, startRedisCluster } from "./redis-cluster.ts";

export interface TopologyOptions {
  /** A database of its own (created, migrated and seeded here; the caller drops it). */
  databaseUrl: string;
  webs?: number;
  workers?: number;
  redisMasters?: number;
  /** Port of the load balancer; 0 (default) picks a free one. */
  port?: number;
  /** More environment for every web and worker process (WORKER_LOCK_MS, LOG_LEVEL, ...). */
  env?: Record<string, string>;
}

export interface AppProcess extends RunningProcess {
  name: string;
}

export interface Topology {
  /** Where Twilio's webhooks go (the balancer); also PUBLIC_BASE_URL, so signatures are computed over it. */
  url: string;
  balancer: LoadBalancer;
  redis: LocalRedisCluster;
  /** The fake Twilio REST API every process sends through: what it received is what customers got. */
  twilio: Awaited<ReturnType<typeof startFakeTwilio>>;
  /** Twilio credentials of the deployment (the webhooks are signed with the token). */
  accountSid: string;
  authToken: string;
  /** The agency the load texts (tucson-az-pd) and its number. */
  agencyId: string;
  agencyNumber: string;
  /** The environment every app process got, e.g. for a queue set of the caller's own. */
  env: Record<string, string>;
  webs: AppProcess[];
  workers: AppProcess[];
  /** Stops every process (SIGTERM, SIGKILL after 10 s), the balancer, the fake and Redis. */
  stop(): Promise<void>;
}

const ACCOUNT_SID = `AC${"c".repeat(32)}`;
const AUTH_TOKEN = "cluster-twilio-auth-token";
const AGENCY_ID = "tucson-az-pd";

/**
 * The scale-out topology: a Redis Cluster, the given PostgreSQL database, a fake Twilio API,
 * `webs` web processes (`npm run web`) behind a round-robin load balancer and `workers` worker
 * processes (`npm run worker`), live Twilio mode (no sandbox stand-ins; Slack and web chat off).
 * Every process shares only PostgreSQL and Redis. Used by `npm run cluster` and the scale-out test.
 */
export async function startTopology(options: TopologyOptions): Promise<Topology> {
  const agencyNumber = getAgency(AGENCY_ID)?.phoneNumbers[0];
  if (!agencyNumber) throw new Error(`cluster: agency ${AGENCY_ID} has no phone number`);
  const cleanups: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  };
  try {
    await migrateDatabase(options.databaseUrl);
    // Seeded before any process starts: five processes must not race to seed an empty database.
    const prisma = createPrismaClient(options.databaseUrl);
    await seedDatabase(prisma).finally(() => prisma.$disconnect());

    const redis = await startRedisCluster(options.redisMasters ?? 3);
    cleanups.push(() => redis.stop());
    const twilio = await startFakeTwilio();
    cleanups.push(() => twilio.close());
    const webPorts = await Promise.all(Array.from({ length: options.webs ?? 2 }, () => findFreePort()));
    const balancer = await startLoadBalancer(
      webPorts.map((port) => `http://127.0.0.1:${port}`),
      options.port ?? 0,
    );
    cleanups.push(() => balancer.close());

    const env: Record<string, string> = {
      HOST: "127.0.0.1",
      PUBLIC_BASE_URL: balancer.url,
      DATABASE_URL: options.databaseUrl,
      REDIS_CLUSTER_NODES: redis.nodes.join(","),
      REDIS_PREFIX: "detaildesk-cluster",
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_API_BASE_URL: twilio.url,
      ADMIN_PASSWORD: "cluster-admin",
      // 5 processes × (pool + advisory locks) within a default max_connections of 100, beside other users.
      DATABASE_POOL_MAX: "5",
      LOG_LEVEL: "info",
      ...options.env,
    };
    const running: AppProcess[] = [];
    cleanups.push(() => Promise.all(running.map(stopProcess)).then(() => undefined));
    const start = (name: string, entry: string, args: string[], extra: Record<string, string>) => {
      const child: AppProcess = { ...spawnTs(entry, args, { ...env, ...extra }), name };
      running.push(child);
      return child;
    };
    const webs = webPorts.map((port, i) => start(`web-${i + 1}`, "bots/main.ts", ["--web"], { PORT: String(port) }));
    const workers = Array.from({ length: options.workers ?? 3 }, (_, i) => start(`worker-${i + 1}`, "workers/main.ts", [], {}));
    await Promise.all([
      ...webs.map((web) => web.waitForLine(/DetailDesk listening/, 90_000)),
      ...workers.map((worker) => worker.waitForLine(/workers running/, 90_000)),
    ]);
    return {
      url: balancer.url,
      balancer,
      redis,
      twilio,
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      agencyId: AGENCY_ID,
      agencyNumber,
      env,
      webs,
      workers,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** SIGTERM, then SIGKILL if it has not exited after 10 s (a worker finishing a long job). */
async function stopProcess(child: RunningProcess): Promise<void> {
  if (child.child.exitCode !== null || child.child.signalCode !== null) return;
  const timer = setTimeout(() => child.child.kill("SIGKILL"), 10_000);
  await child.stop();
  clearTimeout(timer);
}
