import http from "node:http";
import { pathToFileURL } from "node:url";
import { getAgency } from "../agencies/load-agencies.ts";
import { createTwilioClient } from "../bots/twilio/create-twilio-client.ts";
import { createLogger } from "../config/logger.ts";
import { createPrismaClient } from "../prisma/client.ts";
import { ApprovalRepository } from "../prisma/repositories/approval-repository.ts";
import { OfficerShiftRepository } from "../prisma/repositories/officer-shift-repository.ts";
import { seedDatabase } from "../prisma/seed.ts";
import { migrateDatabase } from "../prisma/tools/migrate.ts";
import { createQueueSet } from "../workers/queue-set.ts";
import { createRedisConnection } from "../workers/redis-connection.ts";
import { buildWorkerDeps } from "../workers/build-worker-deps.ts";
import { startAllWorkers, type WorkerDeps } from "../workers/registry.ts";
import { createSenderRateLimiter } from "../workers/sender-rate-limit.ts";
import { BENCH_REDIS_URL, obliterateQueues, planBenchEnvironment, waitUntil } from "./bench-environment.ts";
import { startBenchChild } from "./child-process.ts";

const OFFERS = 1_000;
const RACERS = 50;
const POSITIONS = 3;
/** Times an officer whose YES timed out (Prisma's P2028: no connection in time, or the transaction ran out) texts again. */
const RACE_TRIES = 5;
/**
 * The racers' own pool: as many connections as the workers', but a statement may wait on the
 * position's row lock far longer than the 10 s default on a machine loaded many times over.
 */
const RACE_POOL = { max: 20, query_timeout: 60_000 };

/** Figures of the offers and accept-race benchmark; times in ms. */
export interface OffersBenchResult {
  offers: number;
  /** Offer texts the (fake) provider, in a process of its own, received by the end of the wait. */
  offersHandedToProvider: number;
  /** Texts beyond one per officer: must be 0 (a message is never sent twice). */
  offersSentTwice: number;
  /** Offer rows (one per position and officer). */
  offerRows: number;
  offersFromApprovalMs: number;
  /**
   * CPU time of this process (the workers and twilio client; the fake Twilio runs apart) over
   * those ms, user + system: the figure to read on a busy machine, where the wall clock waits for
   * other processes.
   */
  offersCpuMs: number;
  /** CPU time of the fake Twilio's process over the same ms (10 ms ticks): not part of the pipeline. */
  fakeTwilioCpuMs: number;
  offersPerSecond: number;
  raceOfficers: number;
  racePositions: number;
  raceAccepted: number;
  raceToldFilled: number;
  raceAssignments: number;
  /** YES texts sent again because the first found the connection pool busy (no transaction started). */
  raceRetries: number;
  raceDoubleBooked: boolean;
  raceMs: number;
}

/**
 * From approval until 1,000 offers reach the (fake) SMS provider, through the real workers,
 * PostgreSQL, Redis and twilio client, per-sender rate limit off; then 50 officers accepting 3
 * positions at once. The fake Twilio API runs in a process of its own (as Twilio is not on our
 * machine), so this process's CPU is the pipeline's. A fresh database and Redis prefix, dropped
 * afterwards.
 */
export async function benchOffers(): Promise<OffersBenchResult> {
  const environment = planBenchEnvironment("offers");
  await migrateDatabase(environment.databaseUrl);
  const prisma = createPrismaClient(environment.databaseUrl, { max: 20 });
  const redis = createRedisConnection(BENCH_REDIS_URL);
  await redis.connect();
  const fake = await startBenchChild("bench/fake-twilio-process.ts", { readyWhen: /listening at/ });
  const fakeUrl = /listening at (\S+)/.exec(fake.stdout())?.[1];
  if (!fakeUrl) {
    await fake.stop();
    throw new Error(`bench: the fake Twilio API did not say where it listens: ${fake.stdout()}`);
  }
  const fakeCounts = createCountsReader(fakeUrl);
  const prefix = environment.redisPrefix;
  const queues = createQueueSet(redis, prefix);
  const base = getAgency("tucson-az-pd")!;
  // The whole roster in one wave, so the figure measures the pipeline, not the wave timer.
  const agency = { ...base, dispatch: { ...base.dispatch, waveSize: OFFERS } };
  const settings = {
    mode: "live" as const,
    accountSid: `AC${"5".repeat(32)}`,
    authToken: "bench",
    publicBaseUrl: () => "http://127.0.0.1",
    apiBaseUrl: () => fakeUrl,
  };
  const deps: WorkerDeps = buildWorkerDeps({
    prisma,
    getAgency: (id) => (id === agency.id ? agency : getAgency(id)),
    logger: createLogger({ level: "silent" }),
    queues,
    twilio: {
      client: createTwilioClient(settings),
      statusCallbackUrl: () => "http://127.0.0.1/twilio/status",
    },
    slack: null,
    smsRateLimiter: createSenderRateLimiter(redis, prefix, 0),
    workerLockMs: 30_000,
  });
  let raceDatabase: ReturnType<typeof createPrismaClient> | null = null;
  const workers = startAllWorkers({ connection: redis, prefix, logger: deps.logger, deps });
  try {
    await seedDatabase(prisma);
    await prisma.officer.createMany({
      data: Array.from({ length: OFFERS }, (_, i) => ({
        agencyId: agency.id,
        badgeNumber: `BENCH${i}`,
        firstName: "Bench",
        lastName: `Officer${i}`,
        phone: `+1520559${String(i).padStart(4, "0")}`,
        rank: "officer" as const,
        seniorityDate: new Date(Date.UTC(2000 + (i % 20), i % 12, 1 + (i % 28))),
      })),
    });
    const start = new Date(Date.now() + 10 * 24 * 3600_000);
    const request = await prisma.request.create({
      data: {
        agencyId: agency.id,
        status: "submitted",
        start,
        end: new Date(start.getTime() + 4 * 3600_000),
        officers: POSITIONS,
        quotes: {
          create: {
            totalCents: 1,
            decision: "allow",
            quote: { positions: { officer: POSITIONS }, screening: { approver: null } },
            requestData: {},
          },
        },
      },
    });
    const approvals = new ApprovalRepository(prisma);
    await approvals.openApprovals(request.number, new Date());
    const cpuBefore = process.cpuUsage();
    const fakeCpuBefore = fake.cpuMs();
    const approvedAt = performance.now();
    await approvals.decide({
      requestId: request.id,
      role: "supervisor",
      decision: "approved",
      by: "bench",
      reason: null,
      at: new Date(),
    });
    await queues.enqueueBroadcastWave(request.id, 0, 0);
    await waitUntil(async () => (await fakeCounts()).messages >= OFFERS, 120_000);
    const offersMs = performance.now() - approvedAt;
    const offersCpu = process.cpuUsage(cpuBefore);
    const fakeCpuMs = fake.cpuMs() - fakeCpuBefore;
    // The race is measured on its own: the send jobs write their last outcomes first.
    await waitUntil(async () => {
      const counts = await queues.outboundBulk.getJobCounts("active", "waiting", "prioritized");
      return (counts.active ?? 0) + (counts.waiting ?? 0) + (counts.prioritized ?? 0) === 0;
    }, 30_000);

    const racers = await prisma.offer.findMany({
      where: { position: { requestId: request.id } },
      distinct: ["officerId"],
      take: RACERS,
      select: { officerId: true, code: true },
    });
    raceDatabase = createPrismaClient(environment.databaseUrl, RACE_POOL);
    const shifts = new OfficerShiftRepository(raceDatabase);
    const raceStart = performance.now();
    let raceRetries = 0;
    // A real officer told "try again" texts YES again. P2028 means the transaction never started
    // or was rolled back whole, so a retry cannot double anything; any other error is the bench's failure.
    const accept = async (officerId: string, code: string) => {
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await shifts.acceptOffer(officerId, code, new Date());
        } catch (error) {
          if ((error as { code?: unknown }).code !== "P2028" || attempt >= RACE_TRIES) throw error;
          raceRetries += 1;
          await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
        }
      }
    };
    // Settled, not Promise.all: a failure must not leave accepts running while the database is dropped.
    const settled = await Promise.allSettled(racers.map((r) => accept(r.officerId, r.code)));
    const raceMs = performance.now() - raceStart;
    const failed = settled.find((s) => s.status === "rejected");
    if (failed) throw failed.reason;
    const outcomes = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
    const assignments = await prisma.assignment.count({ where: { position: { requestId: request.id } } });
    const offerRows = await prisma.offer.count({ where: { position: { requestId: request.id } } });
    // Read after the send jobs are done, so a late duplicate would be counted too.
    const delivered = await fakeCounts();
    return {
      offers: OFFERS,
      offersHandedToProvider: delivered.recipients,
      // Each officer gets exactly one offer text however many positions it covers.
      offersSentTwice: delivered.messages - delivered.recipients,
      offerRows,
      offersFromApprovalMs: Math.round(offersMs),
      offersCpuMs: Math.round((offersCpu.user + offersCpu.system) / 1000),
      fakeTwilioCpuMs: fakeCpuMs,
      offersPerSecond: Math.round((delivered.recipients / offersMs) * 1000),
      raceOfficers: racers.length,
      racePositions: POSITIONS,
      raceAccepted: outcomes.filter((o) => o.kind === "accepted").length,
      raceToldFilled: outcomes.filter((o) => o.kind === "filled").length,
      raceAssignments: assignments,
      raceRetries,
      raceDoubleBooked: assignments > POSITIONS,
      raceMs: Math.round(raceMs),
    };
  } finally {
    await Promise.allSettled(workers.map((w) => w.close()));
    await obliterateQueues(queues.all);
    await queues.close();
    redis.disconnect();
    await prisma.$disconnect();
    await raceDatabase?.$disconnect();
    fakeCounts.close();
    await fake.stop();
    await environment.dropDatabase();
  }
}

/**
 * Reads the fake Twilio's `GET /fake/counts` over one kept-alive socket: polled every 10 ms while
 * measuring, so it must cost this process little (fetch would cost more than the sends it counts).
 */
function createCountsReader(baseUrl: string): {
  (): Promise<{ messages: number; recipients: number }>;
  close(): void;
} {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const url = `${baseUrl}/fake/counts`;
  const read = () =>
    new Promise<{ messages: number; recipients: number }>((resolve, reject) => {
      http
        .get(url, { agent }, (response) => {
          let raw = "";
          response.on("data", (chunk: Buffer) => {
            raw += chunk.toString();
          });
          response.on("end", () => resolve(JSON.parse(raw)));
          response.on("error", reject);
        })
        .on("error", reject);
    });
  return Object.assign(read, { close: () => agent.destroy() });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  benchOffers().then(
    (figures) => process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
