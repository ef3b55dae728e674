import { execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { getAgency } from "../agencies/load-agencies.ts";
import { createDatabase } from "../prisma/client.ts";
import { createQueueSet } from "../workers/queue-set.ts";
import { createRedisConnection } from "../workers/redis-connection.ts";
import { type BenchChild, startBenchChild } from "./child-process.ts";
import {
  BENCH_REDIS_URL,
  type BenchEnvironment,
  obliterateQueues,
  planBenchEnvironment,
  waitUntil,
} from "./bench-environment.ts";
import type { WebhookLoadResult, WebhookLoadSettings } from "./webhook-load.ts";

/** Figures of the inbound SMS webhook benchmark. */
export interface WebhookBenchResult {
  /** How the application ran: processes, priorities, how PostgreSQL was reached. */
  deployment: string;
  /** Requests per second asked of autocannon (over all its connections). */
  rate: number;
  connections: number;
  durationSeconds: number;
  /** Requests answered in the measured run (after the warm-up). */
  requests: number;
  throughputPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  errors: number;
  non2xx: number;
  warmupSeconds: number;
  /** Distinct customer numbers the messages came from. */
  customers: number;
  /** Webhooks sent in warm-up and measured run, each a new MessageSid, and how many were answered. */
  sent: number;
  answered: number;
  /**
   * Inbound messages stored: at least every answered one (nothing lost), at most one per sent
   * one (nothing stored twice); one still in flight when autocannon stopped may or may not be.
   */
  inboundStored: number;
  /** Bot replies recorded for those messages, and how many reached the (fake) provider. */
  repliesRecorded: number;
  repliesHandedToProvider: number;
  /** After the last webhook, until every reply was handed to the provider (ms). */
  repliesDrainedMs: number;
  /** Inbound messages acted on (turn committed, replies queued) by the worker process. */
  inboundActedOn: number;
  /** After the last webhook, until the worker had acted on every stored message (ms). */
  actedOnDrainedMs: number;
  /** CPU time per webhook during the load of the HTTP process. */
  webCpuMsPerMessage: number;
  /** CPU time per message of the worker process (`npm run worker`), load and drain together. */
  workerCpuMsPerMessage: number;
  /** Largest resident memory of the web process during the paced load, MB. */
  webRssMaxMb: number;
  /** Largest resident memory of the worker process during the paced load and its drain, MB. */
  workerRssMaxMb: number;
  /**
   * The paced load again with the worker stopped, as the saturated run and the bare handler (which
   * has no consumer) run: the webhook's own latency, without a worker acting on every message on
   * the same cores.
   */
  pacedAlone: { throughputPerSecond: number; latencyMs: WebhookLoadResult["latencyMs"] };
  /** The web process as fast as it answers (workers stopped: the webhook's own cost). */
  saturated: SaturatedFigures & { webRssMaxMb: number };
  /** How the web process was started: the command of `npm run web` after its build step. */
  webCommand: string;
  /** The same loads against the bare handler (bench/bare-webhook-process.ts) in the same run. */
  bare: { paced: { throughputPerSecond: number; latencyMs: WebhookLoadResult["latencyMs"] }; saturated: SaturatedFigures; stored: number; answered: number };
  /** DetailDesk's figures relative to the bare handler's, to judge them on any machine. */
  ratios: {
    /** DetailDesk's saturated throughput / the bare handler's (target ≥ 0.6). */
    saturatedThroughput: number;
    /** DetailDesk's p99 at the paced rate minus the bare handler's, ms (target ≤ 5). */
    p99ExtraMsAtRate: number;
    /** DetailDesk's p99 at the paced rate with the worker stopped (pacedAlone) minus the bare handler's, ms. */
    p99ExtraMsAtRateAlone: number;
    /** DetailDesk's p99 at the paced rate / the bare handler's. */
    p99AtRate: number;
    /** DetailDesk's saturated CPU per request / the bare handler's: steadier than throughput on a busy machine. */
    cpuPerRequest: number;
  };
  /**
   * Event-loop delay of the web process in each load (perf_hooks monitorEventLoopDelay, ms), when
   * BENCH_LOOP_DELAY is set: a stalled loop delays every request in flight, a busy CPU all processes.
   */
  webLoopDelayMs?: Record<"paced" | "pacedAlone" | "saturated", LoopDelay>;
}

/** One load's event-loop delay in the web process (bench/web-loop-delay.mjs), ms. */
export interface LoopDelay {
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
  samples: number;
}

export interface SaturatedFigures {
  connections: number;
  requests: number;
  throughputPerSecond: number;
  latencyMs: WebhookLoadResult["latencyMs"];
  errors: number;
  non2xx: number;
  /**
   * CPU time (user + system, /proc) of the server process over the saturated load, warm-up
   * included, per request it answered, ms.
   */
  cpuMsPerRequest: number;
}

const RATE = 200;
const CONNECTIONS = 10;
const WARMUP_SECONDS = 3;
const DURATION_SECONDS = 10;
const CUSTOMERS = 2_000;
const AUTH_TOKEN = "bench-twilio-auth-token";
const ACCOUNT_SID = `AC${"b".repeat(32)}`;
const SID_PREFIX = "SMbe";
const PACED_ALONE_SID_PREFIX = "SMbd";
const SATURATED_SID_PREFIX = "SMbf";
const BARE_PACED_SID_PREFIX = "SMba";
const BARE_SATURATED_SID_PREFIX = "SMbb";
const SATURATED_CONNECTIONS = 50;
const SATURATED_SECONDS = 8;
/** PUBLIC_BASE_URL of the web process: what Twilio would call, and signs. */
const PUBLIC_BASE_URL = "https://detaildesk.bench.invalid";
/** What the bare handler's signatures are computed over (it has no PUBLIC_BASE_URL of its own). */
const BARE_PUBLIC_BASE_URL = "http://bare.localhost";
/**
 * Scheduling priority of the worker process (nice value; 0 = the web process's). BENCH_WORKER_NICE
 * overrides it, to see how much of the paced latency is the worker's share of the CPU.
 */
const WORKER_NICENESS = process.env.BENCH_WORKER_NICE ? Number(process.env.BENCH_WORKER_NICE) : 10;
/** BENCH_CPU_PROF_DIR: the web process writes a V8 CPU profile there when it exits (--cpu-prof). */
const PROFILE_DIR = process.env.BENCH_CPU_PROF_DIR;
/** BENCH_LOOP_DELAY=1: the web process measures its event-loop delay in each load (webLoopDelayMs). */
const LOOP_DELAY = Boolean(process.env.BENCH_LOOP_DELAY);

/**
 * Inbound SMS webhooks at a fixed rate against the real application on a fresh database, deployed
 * the production way: `npm run web` (no workers) and `npm run worker`, each a process of its own,
 * on PostgreSQL, Redis and the twilio client towards a fake Twilio API. autocannon in another
 * child process sends correctly signed webhooks from many customer numbers; afterwards
 * every message must be stored once, acted on, and every reply handed to the provider.
 */
export async function benchWebhook(): Promise<WebhookBenchResult> {
  const environment = planBenchEnvironment("webhook");
  const agency = getAgency("tucson-az-pd");
  const agencyNumber = agency?.phoneNumbers[0];
  if (!agencyNumber) throw new Error("bench: the tucson-az-pd agency has no phone number");
  const fake = await startBenchChild("bench/fake-twilio-process.ts", { readyWhen: /listening at/ });
  try {
    const url = /listening at (\S+)/.exec(fake.stdout())?.[1];
    if (!url) throw new Error(`bench: the fake Twilio API did not say where it listens: ${fake.stdout()}`);
    return await measureWebhook(environment, url, agencyNumber);
  } finally {
    await fake.stop();
    await environment.dropDatabase();
  }
}

async function measureWebhook(
  environment: BenchEnvironment,
  twilioApiUrl: string,
  agencyNumber: string,
): Promise<WebhookBenchResult> {
  const port = await findFreePort();
  const env = {
    PORT: String(port),
    // Loopback only; a public address as in production (so web chat stays off, as it would live).
    HOST: "127.0.0.1",
    PUBLIC_BASE_URL: PUBLIC_BASE_URL,
    DATABASE_URL: environment.databaseUrl,
    REDIS_URL: BENCH_REDIS_URL,
    REDIS_PREFIX: environment.redisPrefix,
    LOG_LEVEL: "silent",
    TWILIO_ACCOUNT_SID: ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    TWILIO_API_BASE_URL: twilioApiUrl,
    SMS_RATE_PER_SENDER: "0",
    // The load replays whole conversations per number; the abuse limits would hold them back.
    INBOUND_LIMIT_PER_SENDER: "10000",
    BOT_REPLIES_PER_CONVERSATION_PER_MINUTE: "1000",
    SLACK_POSTS_PER_THREAD_PER_MINUTE: "1000",
  };
  // `npm run web`: creates and migrates the database before the worker process connects to it.
  const webCommand = prepareWebCommand();
  const diagnostics = [
    ...(PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${PROFILE_DIR}`] : []),
    ...(LOOP_DELAY ? ["--import", "./bench/web-loop-delay.mjs"] : []),
  ];
  let web: BenchChild | null = await startBenchChild({ node: [...diagnostics, ...webCommand] }, {
    env,
    readyUrl: `http://127.0.0.1:${port}/healthz`,
  });
  const { prisma } = createDatabase(environment.databaseUrl, { max: 2 });
  const redis = createRedisConnection(BENCH_REDIS_URL);
  await redis.connect();
  const queues = createQueueSet(redis, environment.redisPrefix);
  let worker: BenchChild | null = null;
  try {
    // `npm run worker`, at a lower priority: background work yields the CPU to the webhooks
    // Twilio is waiting on (README, "Deployment").
    worker = await startBenchChild("workers/main.ts", {
      env: { ...env, LOG_LEVEL: "info" },
      readyWhen: /workers running/,
      niceness: WORKER_NICENESS,
    });

    const settings: WebhookLoadSettings = {
      localBaseUrl: `http://127.0.0.1:${port}`,
      publicBaseUrl: PUBLIC_BASE_URL,
      authToken: AUTH_TOKEN,
      accountSid: ACCOUNT_SID,
      agencyNumber,
      rate: RATE,
      connections: CONNECTIONS,
      warmupSeconds: WARMUP_SECONDS,
      durationSeconds: DURATION_SECONDS,
      customers: CUSTOMERS,
      sidPrefix: SID_PREFIX,
    };
    const webCpuBefore = web.cpuMs();
    const workerCpuBefore = worker.cpuMs();
    const pacedRss = sampleRss(web);
    const workerRss = sampleRss(worker);
    await readLoopDelay(web); // starts over: start-up and migrations are not the load's
    const load = await runLoadGenerator(settings);
    const webRssMaxMb = pacedRss.stop();
    const loadEndedAt = performance.now();
    const webCpuMs = web.cpuMs() - webCpuBefore;
    const pacedLoopDelay = await readLoopDelay(web);

    const inbound = { direction: "inbound" as const, providerId: { startsWith: SID_PREFIX } };
    const outbound = { direction: "outbound" as const, channel: "sms" as const, conversation: { role: "customer" as const } };
    const stored = { providerId: { startsWith: SID_PREFIX } };
    await waitUntil(async () => (await prisma.inboundSms.count({ where: { ...stored, processedAt: null } })) === 0, 120_000);
    const actedOnDrainedMs = performance.now() - loadEndedAt;
    await waitUntil(async () => (await prisma.message.count({ where: { ...outbound, providerId: null } })) === 0, 60_000);
    const repliesDrainedMs = performance.now() - loadEndedAt;
    const workerRssMaxMb = workerRss.stop();
    const workerCpuMs = worker.cpuMs() - workerCpuBefore;
    const [inboundStored, inboundActedOn, repliesRecorded, repliesHandedToProvider] = await Promise.all([
      prisma.inboundSms.count({ where: stored }),
      prisma.message.count({ where: inbound }),
      prisma.message.count({ where: outbound }),
      prisma.message.count({ where: { ...outbound, providerId: { not: null } } }),
    ]);

    // The webhook's own ceiling: the worker stops, so what is measured is storing and queueing.
    await worker.stop();
    worker = null;
    // The paced load once more, now that nothing consumes the queue: the webhook's latency alone.
    await readLoopDelay(web); // starts over: the drain above is not this load's
    const pacedAlone = await runLoadGenerator({ ...settings, sidPrefix: PACED_ALONE_SID_PREFIX });
    const pacedAloneLoopDelay = await readLoopDelay(web);
    const saturatedRss = sampleRss(web);
    const saturatedCpuBefore = web.cpuMs();
    const saturatedLoad = await runLoadGenerator({
      ...settings,
      rate: 0,
      connections: SATURATED_CONNECTIONS,
      warmupSeconds: 2,
      durationSeconds: SATURATED_SECONDS,
      sidPrefix: SATURATED_SID_PREFIX,
    });
    const saturated = {
      ...toSaturatedFigures(saturatedLoad, SATURATED_CONNECTIONS, web.cpuMs() - saturatedCpuBefore),
      webRssMaxMb: saturatedRss.stop(),
    };
    const saturatedLoopDelay = await readLoopDelay(web);
    // The bare handler gets the machine to itself too.
    await web.stop();
    web = null;
    const bare = await measureBareHandler(environment, settings);
    const pacedP99 = load.latencyMs.p99;
    return {
      deployment: `npm run web + npm run worker (nice ${WORKER_NICENESS}), each a process of its own; fake Twilio and autocannon in processes of their own; PostgreSQL at ${new URL(environment.databaseUrl).searchParams.get("host") ?? new URL(environment.databaseUrl).host}`,
      rate: RATE,
      connections: CONNECTIONS,
      durationSeconds: Math.round(load.durationSeconds * 100) / 100,
      requests: load.requests,
      throughputPerSecond: Math.round((load.requests / load.durationSeconds) * 10) / 10,
      latencyMs: load.latencyMs,
      errors: load.errors + load.timeouts + load.warmup.errors,
      non2xx: load.non2xx + load.warmup.non2xx,
      warmupSeconds: WARMUP_SECONDS,
      customers: CUSTOMERS,
      sent: load.sentIncludingWarmup,
      answered: load.answeredIncludingWarmup,
      inboundStored,
      inboundActedOn,
      actedOnDrainedMs: Math.round(actedOnDrainedMs),
      repliesRecorded,
      repliesHandedToProvider,
      repliesDrainedMs: Math.round(repliesDrainedMs),
      webCpuMsPerMessage: Math.round((webCpuMs / load.sentIncludingWarmup) * 100) / 100,
      workerCpuMsPerMessage: Math.round((workerCpuMs / load.sentIncludingWarmup) * 100) / 100,
      webRssMaxMb,
      workerRssMaxMb,
      pacedAlone: {
        throughputPerSecond: Math.round((pacedAlone.requests / pacedAlone.durationSeconds) * 10) / 10,
        latencyMs: pacedAlone.latencyMs,
      },
      saturated,
      webCommand: `node ${webCommand.join(" ")}`,
      bare,
      ratios: {
        saturatedThroughput: round2(saturated.throughputPerSecond / Math.max(bare.saturated.throughputPerSecond, 1)),
        p99ExtraMsAtRate: round2(pacedP99 - bare.paced.latencyMs.p99),
        p99ExtraMsAtRateAlone: round2(pacedAlone.latencyMs.p99 - bare.paced.latencyMs.p99),
        p99AtRate: round2(pacedP99 / Math.max(bare.paced.latencyMs.p99, 1)),
        cpuPerRequest: round2(saturated.cpuMsPerRequest / Math.max(bare.saturated.cpuMsPerRequest, 0.001)),
      },
      ...(pacedLoopDelay && pacedAloneLoopDelay && saturatedLoopDelay
        ? { webLoopDelayMs: { paced: pacedLoopDelay, pacedAlone: pacedAloneLoopDelay, saturated: saturatedLoopDelay } }
        : {}),
    };
  } finally {
    await worker?.stop();
    await web?.stop();
    await obliterateQueues(queues.all);
    await queues.close();
    redis.disconnect();
    await prisma.$disconnect();
  }
}

/**
 * The bare handler (bench/bare-webhook-process.ts) under the same two loads, on the same
 * PostgreSQL database and Redis: the paced rate and saturation.
 */
async function measureBareHandler(environment: BenchEnvironment, settings: WebhookLoadSettings): Promise<WebhookBenchResult["bare"]> {
  const bare = await startBenchChild("bench/bare-webhook-process.ts", {
    args: [
      JSON.stringify({
        databaseUrl: environment.databaseUrl,
        redisUrl: BENCH_REDIS_URL,
        redisKey: `${environment.redisPrefix}:bare`,
        authToken: settings.authToken,
        publicBaseUrl: BARE_PUBLIC_BASE_URL,
      }),
    ],
    readyWhen: /bare webhook listening at/,
  });
  try {
    const url = /bare webhook listening at (\S+)/.exec(bare.stdout())?.[1];
    if (!url) throw new Error(`bench: the bare handler did not say where it listens: ${bare.stdout()}`);
    const target = { ...settings, localBaseUrl: url, publicBaseUrl: BARE_PUBLIC_BASE_URL };
    const paced = await runLoadGenerator({ ...target, sidPrefix: BARE_PACED_SID_PREFIX });
    const cpuBefore = bare.cpuMs();
    const saturated = await runLoadGenerator({
      ...target,
      rate: 0,
      connections: SATURATED_CONNECTIONS,
      warmupSeconds: 2,
      durationSeconds: SATURATED_SECONDS,
      sidPrefix: BARE_SATURATED_SID_PREFIX,
    });
    const saturatedCpuMs = bare.cpuMs() - cpuBefore;
    const client = new pg.Client({ connectionString: environment.databaseUrl });
    await client.connect();
    const stored = Number((await client.query<{ n: string }>("SELECT count(*) AS n FROM bare_inbound")).rows[0]?.n ?? 0);
    await client.end();
    return {
      paced: { throughputPerSecond: Math.round((paced.requests / paced.durationSeconds) * 10) / 10, latencyMs: paced.latencyMs },
      saturated: toSaturatedFigures(saturated, SATURATED_CONNECTIONS, saturatedCpuMs),
      stored,
      answered: paced.answeredIncludingWarmup + saturated.answeredIncludingWarmup,
    };
  } finally {
    await bare.stop();
  }
}

function toSaturatedFigures(load: WebhookLoadResult, connections: number, cpuMs: number): SaturatedFigures {
  return {
    connections,
    requests: load.requests,
    throughputPerSecond: Math.round((load.requests / load.durationSeconds) * 10) / 10,
    latencyMs: load.latencyMs,
    errors: load.errors + load.timeouts,
    non2xx: load.non2xx,
    cpuMsPerRequest: Math.round((cpuMs / Math.max(load.answeredIncludingWarmup, 1)) * 1000) / 1000,
  };
}

/**
 * Runs the build step of package.json's "web" script (`node scripts/build-web.mjs && exec node
 * <flags> dist/web/main.mjs --web`) and returns the node arguments of its second command, so the process
 * measured is what `npm run web` runs (flags included), with node as the process itself (npm in
 * between would be the pid measured).
 */
function prepareWebCommand(): string[] {
  const root = path.join(import.meta.dirname, "..");
  const packageJson = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
  const steps = (packageJson.scripts.web ?? "").split("&&").map((step) => step.trim().split(/\s+/));
  // `exec` hands the shell's process to node, so npm's SIGTERM reaches the web process itself.
  const run = (steps.at(-1) ?? []).filter((word, at) => !(at === 0 && word === "exec"));
  if (run[0] !== "node") throw new Error(`bench: package.json's "web" script does not end with a node command: ${packageJson.scripts.web}`);
  for (const step of steps.slice(0, -1)) {
    if (step[0] !== "node") throw new Error(`bench: package.json's "web" script has a step that is not node: ${step.join(" ")}`);
    execFileSync(process.execPath, step.slice(1), { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  }
  return run.slice(1);
}

/**
 * The web process's event-loop delay since the previous call (bench/web-loop-delay.mjs answers
 * SIGUSR2 with one line); null unless BENCH_LOOP_DELAY is set.
 */
async function readLoopDelay(child: BenchChild): Promise<LoopDelay | null> {
  if (!LOOP_DELAY) return null;
  const seen = child.stdout().split("\n").filter((line) => line.startsWith("loop-delay ")).length;
  child.child.kill("SIGUSR2");
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const lines = child.stdout().split("\n").filter((line) => line.startsWith("loop-delay "));
    if (lines.length > seen) return JSON.parse(lines.at(-1)!.slice("loop-delay ".length)) as LoopDelay;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("bench: the web process did not report its event-loop delay");
}

/** Samples a process's resident memory every 100 ms until stopped; returns the largest, MB. */
function sampleRss(child: BenchChild): { stop(): number } {
  let max = child.rssBytes();
  const timer = setInterval(() => {
    max = Math.max(max, child.rssBytes());
  }, 100);
  return {
    stop() {
      clearInterval(timer);
      return Math.round(Math.max(max, child.rssBytes()) / 1_048_576);
    },
  };
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Runs bench/webhook-load.ts in its own process (tsx, like `npm run bench`) and reads its JSON line. */
function runLoadGenerator(settings: WebhookLoadSettings): Promise<WebhookLoadResult> {
  const entry = path.join(import.meta.dirname, "webhook-load.ts");
  const child = spawn(process.execPath, ["--import", "tsx", entry, JSON.stringify(settings)], {
    cwd: path.join(import.meta.dirname, ".."),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    err += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => {
      const line = out.trim().split("\n").at(-1) ?? "";
      if (code !== 0 || !line) {
        reject(new Error(`load generator exited with ${code}: ${err.trim() || out.trim()}`));
        return;
      }
      resolve(JSON.parse(line) as WebhookLoadResult);
    });
  });
}

/** A port nothing listens on now, so PUBLIC_BASE_URL can name it before the app starts. */
async function findFreePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  benchWebhook().then(
    (figures) => process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
