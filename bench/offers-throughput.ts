import { pathToFileURL } from "node:url";
import { getAgency } from "../agencies/load-agencies.ts";
import { createTwilioClient } from "../bots/twilio/create-twilio-client.ts";
import { createLogger } from "../config/logger.ts";
import { createPrismaClient } from "../prisma/client.ts";
import { ApprovalRepository } from "../prisma/repositories/approval-repository.ts";
import { OfficerShiftRepository } from "../prisma/repositories/officer-shift-repository.ts";
import { seedDatabase } from "../prisma/seed.ts";
import { migrateDatabase } from "../prisma/tools/migrate.ts";
import { startFakeTwilio } from "../test/fakes/fake-twilio-server.ts";
import { createQueueSet } from "../workers/queue-set.ts";
import { createRedisConnection } from "../workers/redis-connection.ts";
import { buildWorkerDeps } from "../workers/build-worker-deps.ts";
import { startAllWorkers, type WorkerDeps } from "../workers/registry.ts";
import { createSenderRateLimiter } from "../workers/sender-rate-limit.ts";
import { BENCH_REDIS_URL, obliterateQueues, planBenchEnvironment, waitUntil } from "./bench-environment.ts";

const OFFERS = 1_000;
const RACERS = 50;
const POSITIONS = 3;

/** Figures of the offers and accept-race benchmark; times in ms. */
export interface OffersBenchResult {
  offers: number;
  /** Offer texts the (fake) provider received by the end of the wait. */
  offersHandedToProvider: number;
  /** Texts beyond one per officer: must be 0 (a message is never sent twice). */
  offersSentTwice: number;
  /** Offer rows (one per position and officer). */
  offerRows: number;
  offersFromApprovalMs: number;
  offersPerSecond: number;
  raceOfficers: number;
  racePositions: number;
  raceAccepted: number;
  raceToldFilled: number;
  raceAssignments: number;
  raceDoubleBooked: boolean;
  raceMs: number;
}

/**
 * From approval until 1,000 offers reach the (fake) SMS provider, through the real workers,
 * PostgreSQL, Redis and twilio client, per-sender rate limit off; then 50 officers accepting 3
 * positions at once. A fresh database and Redis prefix, dropped afterwards.
 */
export async function benchOffers(): Promise<OffersBenchResult> {
  const environment = planBenchEnvironment("offers");
  await migrateDatabase(environment.databaseUrl);
  const prisma = createPrismaClient(environment.databaseUrl, { max: 20 });
  const redis = createRedisConnection(BENCH_REDIS_URL);
  await redis.connect();
  const fake = await startFakeTwilio();
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
    apiBaseUrl: () => fake.url,
  };
  const deps: WorkerDeps = buildWorkerDeps({
    prisma,
    getAgency: (id) => (id === agency.id ? agency : getAgency(id)),
    logger: createLogger({ level: "silent" }),
    queues,
    twilio: { client: createTwilioClient(settings), statusCallbackUrl: () => "http://127.0.0.1/twilio/status" },
    slack: null,
    smsRateLimiter: createSenderRateLimiter(redis, prefix, 0),
    workerLockMs: 30_000,
  });
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
    const approvedAt = performance.now();
    await approvals.decide({ requestId: request.id, role: "supervisor", decision: "approved", by: "bench", reason: null, at: new Date() });
    await queues.enqueueBroadcastWave(request.id, 0, 0);
    await waitUntil(() => fake.messages.length >= OFFERS, 120_000);
    const offersMs = performance.now() - approvedAt;
    const offersDelivered = fake.messages.length;

    const racers = await prisma.offer.findMany({
      where: { position: { requestId: request.id } },
      distinct: ["officerId"],
      take: RACERS,
      select: { officerId: true, code: true },
    });
    const shifts = new OfficerShiftRepository(prisma);
    const raceStart = performance.now();
    const outcomes = await Promise.all(racers.map((r) => shifts.acceptOffer(r.officerId, r.code, new Date())));
    const raceMs = performance.now() - raceStart;
    const assignments = await prisma.assignment.count({ where: { position: { requestId: request.id } } });
    const offerRows = await prisma.offer.count({ where: { position: { requestId: request.id } } });
    return {
      offers: OFFERS,
      offersHandedToProvider: offersDelivered,
      // Each officer gets exactly one offer text however many positions it covers.
      offersSentTwice: fake.messages.length - new Set(fake.messages.map((m) => m.to)).size,
      offerRows,
      offersFromApprovalMs: Math.round(offersMs),
      offersPerSecond: Math.round((offersDelivered / offersMs) * 1000),
      raceOfficers: racers.length,
      racePositions: POSITIONS,
      raceAccepted: outcomes.filter((o) => o.kind === "accepted").length,
      raceToldFilled: outcomes.filter((o) => o.kind === "filled").length,
      raceAssignments: assignments,
      raceDoubleBooked: assignments > POSITIONS,
      raceMs: Math.round(raceMs),
    };
  } finally {
    await Promise.allSettled(workers.map((w) => w.close()));
    await obliterateQueues(queues.all);
    await queues.close();
    redis.disconnect();
    await prisma.$disconnect();
    await fake.close();
    await environment.dropDatabase();
  }
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
