import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DEFAULT_AGENCIES_DIR, loadAgencies } from "../agencies/load-agencies.ts";
import { createPrismaClient, type PrismaClient } from "../prisma/client.ts";
import { ApprovalRepository } from "../prisma/repositories/approval-repository.ts";
import { OfficerShiftRepository } from "../prisma/repositories/officer-shift-repository.ts";
import { seedDatabase } from "../prisma/seed.ts";
import { migrateDatabase } from "../prisma/tools/migrate.ts";
import { createQueueSet } from "../workers/queue-set.ts";
import { createRedisConnection } from "../workers/redis-connection.ts";
import { BENCH_REDIS_URL, obliterateQueues, planBenchEnvironment, waitUntil } from "./bench-environment.ts";
import { type BenchChild, startBenchChild } from "./child-process.ts";
import { createStubQuotedRequest } from "../test/builders/stub-quoted-request.ts";

const OFFERS = 1_000;
const AGENCY_ID = "tucson-az-pd";
/** Another agency's wave first, so the measured one runs on warm workers (its texts go to other numbers). */
const WARMUP_AGENCY_ID = "mesquite-tx-pd";
const WARMUP_OFFERS = 200;
/** BENCH_CPU_PROF_DIR: the worker processes write V8 CPU profiles there when they exit (--cpu-prof). */
const PROFILE_DIR = process.env.BENCH_CPU_PROF_DIR;
/** `npm run worker` processes (BENCH_WORKER_PROCESSES, default 2: one per core of the reference machine). */
const WORKER_PROCESSES = Number(process.env.BENCH_WORKER_PROCESSES ?? 2);
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
  /** `npm run worker` processes the wave ran on (each a process of its own, as deployed). */
  workerProcesses: number;
  /**
   * CPU time of the worker processes over those ms, user + system, in 10 ms ticks: the figure to
   * read on a busy machine, where the wall clock waits for other processes.
   */
  offersCpuMs: number;
  /** The same per worker process: how evenly the wave was shared. */
  offersCpuMsByWorker: number[];
  /** CPU time of this process (approves, counts, polls the fake) over the same ms: not part of the pipeline. */
  benchProcessCpuMs: number;
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
 * From approval until 1,000 offers reach the (fake) SMS provider, through `npm run worker`
 * processes (PostgreSQL, Redis and the twilio client as deployed), per-sender rate limit off;
 * then 50 officers accepting 3 positions at once. This process plays the web side: it sets up
 * the data, approves and counts. The fake Twilio API runs in a process of its own (as Twilio is
 * not on our machine). A fresh database, Redis prefix and agencies folder, removed afterwards.
 */
export async function benchOffers(): Promise<OffersBenchResult> {
  const environment = planBenchEnvironment("offers");
  await migrateDatabase(environment.databaseUrl);
  const prisma = createPrismaClient(environment.databaseUrl, { max: 4 });
  const redis = createRedisConnection(BENCH_REDIS_URL);
  await redis.connect();
  const prefix = environment.redisPrefix;
  const queues = createQueueSet(redis, prefix);
  const agenciesDir = writeBenchAgencies();
  const fake = await startBenchChild("bench/fake-twilio-process.ts", { readyWhen: /listening at/ });
  const workers: BenchChild[] = [];
  let raceDatabase: ReturnType<typeof createPrismaClient> | null = null;
  let fakeCounts: ReturnType<typeof createCountsReader> | null = null;
  try {
    const fakeUrl = /listening at (\S+)/.exec(fake.stdout())?.[1];
    if (!fakeUrl) throw new Error(`bench: the fake Twilio API did not say where it listens: ${fake.stdout()}`);
    const counts = createCountsReader(fakeUrl);
    fakeCounts = counts;
    // Seeded before the workers start, so their boot finds the database ready (as a deploy's
    // second worker does) and does not seed it again.
    await seedDatabase(prisma);
    await addOfficers(prisma, AGENCY_ID, "+1520559", OFFERS);
    await addOfficers(prisma, WARMUP_AGENCY_ID, "+1972559", WARMUP_OFFERS);
    const request = await createStubQuotedRequest(prisma, AGENCY_ID, POSITIONS);
    const warmupRequest = await createStubQuotedRequest(prisma, WARMUP_AGENCY_ID, POSITIONS);
    // `npm run worker`, as the README deploys it beside the web processes: one per core.
    const env = {
      DATABASE_URL: environment.databaseUrl,
      REDIS_URL: BENCH_REDIS_URL,
      REDIS_PREFIX: prefix,
      AGENCIES_DIR: agenciesDir,
      PUBLIC_BASE_URL: "http://127.0.0.1",
      TWILIO_ACCOUNT_SID: `AC${"5".repeat(32)}`,
      TWILIO_AUTH_TOKEN: "bench",
      TWILIO_API_BASE_URL: fakeUrl,
      SMS_RATE_PER_SENDER: "0",
      // "workers running" is logged at info; the jobs themselves log nothing at info on this path.
      LOG_LEVEL: "info",
    };
    workers.push(
      ...(await Promise.all(
        Array.from({ length: WORKER_PROCESSES }, () =>
          startBenchChild(
            { node: [...(PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${PROFILE_DIR}`] : []), "--import", "tsx", "workers/main.ts"] },
            { env, readyWhen: /workers running/ },
          ),
        ),
      )),
    );
    const approvals = new ApprovalRepository(prisma);
    const approve = async (requestId: string) => {
      await approvals.decide({ requestId, role: "supervisor", decision: "approved", by: "bench", reason: null, at: new Date() });
      await queues.enqueueBroadcastWave(requestId, 0, 0);
    };
    const drained = () =>
      waitUntil(async () => {
        const jobs = await queues.outboundBulk.getJobCounts("active", "waiting", "prioritized");
        const waves = await queues.broadcast.getJobCounts("active", "waiting", "prioritized");
        return [jobs, waves].every((j) => (j.active ?? 0) + (j.waiting ?? 0) + (j.prioritized ?? 0) === 0);
      }, 30_000);
    // A worker that has run for a while: its code compiled and optimised, its connections open.
    // The first wave a process runs costs about twice as much CPU (lazy modules, the JIT).
    await approvals.openApprovals(warmupRequest.number, new Date());
    await approve(warmupRequest.id);
    await waitUntil(async () => (await counts()).messages >= WARMUP_OFFERS, 60_000);
    await drained();
    const before = await counts();
    await approvals.openApprovals(request.number, new Date());
    const workersCpuBefore = workers.map((w) => w.cpuMs());
    const cpuBefore = process.cpuUsage();
    const fakeCpuBefore = fake.cpuMs();
    const approvedAt = performance.now();
    const approvedAtUs = process.hrtime.bigint() / 1000n;
    await approve(request.id);
    await waitUntil(async () => (await counts()).messages - before.messages >= OFFERS, 120_000);
    const offersMs = performance.now() - approvedAt;
    // The measured window on the profiles' clock (CLOCK_MONOTONIC µs, as V8's timestamps).
    if (PROFILE_DIR) process.stderr.write(`profile window ${approvedAtUs} ${process.hrtime.bigint() / 1000n}\n`);
    const benchCpu = process.cpuUsage(cpuBefore);
    const workersCpuMs = workers.map((w, i) => w.cpuMs() - (workersCpuBefore[i] ?? 0));
    const fakeCpuMs = fake.cpuMs() - fakeCpuBefore;
    // The race is measured on its own: the send jobs write their last outcomes first.
    await drained();

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
    const after = await counts();
    const delivered = { messages: after.messages - before.messages, recipients: after.recipients - before.recipients };
    return {
      offers: OFFERS,
      offersHandedToProvider: delivered.recipients,
      // Each officer gets exactly one offer text however many positions it covers.
      offersSentTwice: delivered.messages - delivered.recipients,
      offerRows,
      offersFromApprovalMs: Math.round(offersMs),
      workerProcesses: WORKER_PROCESSES,
      offersCpuMs: workersCpuMs.reduce((sum, ms) => sum + ms, 0),
      offersCpuMsByWorker: workersCpuMs,
      benchProcessCpuMs: Math.round((benchCpu.user + benchCpu.system) / 1000),
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
    await Promise.allSettled(workers.map((w) => w.stop()));
    await obliterateQueues(queues.all);
    await queues.close();
    redis.disconnect();
    await prisma.$disconnect();
    await raceDatabase?.$disconnect();
    fakeCounts?.close();
    await fake.stop();
    rmSync(agenciesDir, { recursive: true, force: true });
    await environment.dropDatabase();
  }
}

/**
 * A copy of the agency files in a temporary folder (the workers' AGENCIES_DIR), with the bench
 * agency's whole roster in one wave: the figure measures the pipeline, not the wave timer.
 */
function writeBenchAgencies(): string {
  const dir = mkdtempSync(join(tmpdir(), "detaildesk-bench-agencies-"));
  for (const [id, agency] of loadAgencies(DEFAULT_AGENCIES_DIR)) {
    const waveSize = id === AGENCY_ID ? OFFERS : id === WARMUP_AGENCY_ID ? WARMUP_OFFERS : agency.dispatch.waveSize;
    const data = { ...agency, dispatch: { ...agency.dispatch, waveSize } };
    writeFileSync(join(dir, `${id}.json`), JSON.stringify(data));
  }
  return dir;
}

/** `count` officers of an agency, phones `<phonePrefix>0000` on, of spread seniority. */
async function addOfficers(prisma: PrismaClient, agencyId: string, phonePrefix: string, count: number): Promise<void> {
  await prisma.officer.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      agencyId,
      badgeNumber: `BENCH${i}`,
      firstName: "Bench",
      lastName: `Officer${i}`,
      phone: `${phonePrefix}${String(i).padStart(4, "0")}`,
      rank: "officer" as const,
      seniorityDate: new Date(Date.UTC(2000 + (i % 20), i % 12, 1 + (i % 28))),
    })),
  });
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
