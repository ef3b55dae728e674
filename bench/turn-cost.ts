import { pathToFileURL } from "node:url";
import { type Job, Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import pg from "pg";
import { getAgency } from "../agencies/load-agencies.ts";
import { buildInboundSmsProcessor } from "../bots/build-inbound-sms-processor.ts";
import { buildTurnDeps } from "../bots/build-turn-deps.ts";
import { createTwilioClient } from "../bots/twilio/create-twilio-client.ts";
import { createLogger } from "../config/logger.ts";
import { parserExtractor } from "../core/understanding/index.ts";
import { InboundSmsInbox } from "../prisma/repositories/inbound-sms-inbox.ts";
import { bootServices } from "../workers/boot-services.ts";
import { buildWorkerDeps } from "../workers/build-worker-deps.ts";
import { processInboundSmsJob } from "../workers/jobs/process-inbound-sms.ts";
import { sendSmsJob } from "../workers/jobs/send-sms.ts";
import { DEFAULT_ABUSE_LIMITS } from "../workers/limits/abuse-limits.ts";
import { createQueueSet } from "../workers/queue-set.ts";
import { createSenderRateLimiter } from "../workers/sender-rate-limit.ts";
import { startWorkers } from "../workers/start-workers.ts";
import { startBenchChild } from "./child-process.ts";
import { BENCH_REDIS_URL, obliterateQueues, planBenchEnvironment, waitUntil } from "./bench-environment.ts";
import { FOLLOW_UPS, OPENINGS } from "./webhook-load.ts";

/** Figures of the turn-cost benchmark: CPU of this process (user + system), ms per inbound message. */
export interface TurnCostResult {
  /** Inbound messages acted on, from `customers` numbers, `turns` messages each. */
  messages: number;
  customers: number;
  turns: number;
  /** Turn + its replies handed to the provider, per inbound message (target ≤ 2.5). */
  cpuMsPerMessage: number;
  /**
   * The same over the later half of the turns only: V8 is still compiling the hot paths in the
   * first waves (its compiler threads count as this process's CPU), a long-running worker is not.
   */
  warmCpuMsPerMessage: number;
  /** The process-inbound-sms jobs: lock, limits, turn, commit, replies queued. */
  turnCpuMsPerMessage: number;
  /** The send-sms jobs: claim, twilio client call, provider id recorded. */
  sendCpuMsPerMessage: number;
  /** Of the above, what BullMQ alone costs per job (an empty job through a worker). */
  bullmqCpuMsPerEmptyJob: number;
  /** SQL statements (every pg query, Prisma's and the lock pool's) and Redis commands per inbound message. */
  statementsPerTurn: number;
  statementsPerSend: number;
  redisCommandsPerMessage: number;
  /** Outbound SMS the turns recorded, and how many the provider answered with a sid. */
  repliesRecorded: number;
  repliesHandedToProvider: number;
  /** Stored inbound messages not marked processed at the end: must be 0. */
  inboundLeftWaiting: number;
}

const CUSTOMERS = 200;
const TURNS = 10;
const ACCOUNT_SID = `AC${"c".repeat(32)}`;

/**
 * The CPU a worker spends per inbound SMS, the hot path of issue #20 ("Turns"): `turns` waves of
 * one message from each of `customers` numbers (the webhook load's conversations), each stored
 * in the inbox and queued as the webhook does while the workers are paused (the loader is not
 * measured), then acted on by the real process-inbound-sms and send-sms processors on PostgreSQL,
 * Redis, BullMQ and the twilio client, towards the fake Twilio API in a process of its own. Each
 * wave's turns run to the end before its sends start, so the two are measured apart.
 */
export async function benchTurnCost(options: { customers?: number; turns?: number } = {}): Promise<TurnCostResult> {
  const customers = options.customers ?? CUSTOMERS;
  const turns = options.turns ?? TURNS;
  const environment = planBenchEnvironment("turns");
  const fake = await startBenchChild("bench/fake-twilio-process.ts", { readyWhen: /listening at/ });
  try {
    const url = /listening at (\S+)/.exec(fake.stdout())?.[1];
    if (!url) throw new Error(`bench: the fake Twilio API did not say where it listens: ${fake.stdout()}`);
    return await measureTurns(environment, url, customers, turns);
  } finally {
    await fake.stop();
    await environment.dropDatabase();
  }
}

async function measureTurns(
  environment: ReturnType<typeof planBenchEnvironment>,
  twilioApiUrl: string,
  customers: number,
  turns: number,
): Promise<TurnCostResult> {
  const logger = createLogger({ level: "silent" });
  const services = await bootServices({ database: environment.databaseUrl, redis: BENCH_REDIS_URL }, logger);
  const prefix = environment.redisPrefix;
  const queues = createQueueSet(services.redis, prefix);
  const agency = getAgency("tucson-az-pd");
  const agencyNumber = agency?.phoneNumbers[0];
  if (!agency || !agencyNumber) throw new Error("bench: the tucson-az-pd agency has no phone number");
  const turnDeps = buildTurnDeps({ prisma: services.prisma, queues, extractor: parserExtractor });
  const deps = buildWorkerDeps({
    prisma: services.prisma,
    getAgency,
    logger,
    queues,
    twilio: {
      client: createTwilioClient({
        mode: "live",
        accountSid: ACCOUNT_SID,
        authToken: "bench",
        publicBaseUrl: () => "http://127.0.0.1",
        apiBaseUrl: () => twilioApiUrl,
      }),
      statusCallbackUrl: () => "http://127.0.0.1/twilio/status",
    },
    slack: null,
    smsRateLimiter: createSenderRateLimiter(services.redis, prefix, 0),
    workerLockMs: 30_000,
    inboundSms: buildInboundSmsProcessor({
      prisma: services.prisma,
      pool: services.pool,
      locks: services.locks,
      queues,
      turn: turnDeps,
      logger,
      getAgency,
      // Ten messages per number in a few seconds would be held back by the production limits.
      limits: { ...DEFAULT_ABUSE_LIMITS, inboundPerSender: 10_000, repliesPerConversationPerMinute: 1_000 },
    }),
  });
  const [inboundWorker, sendWorker] = startWorkers({
    connection: services.redis,
    prefix,
    logger,
    deps,
    definitions: [processInboundSmsJob, sendSmsJob],
  });
  if (!inboundWorker || !sendWorker) throw new Error("bench: expected an inbound and an outbound worker");
  const inbox = new InboundSmsInbox(services.prisma, services.pool);
  const counter = countRoundTrips();
  try {
    await Promise.all([inboundWorker.pause(), sendWorker.pause()]);
    const completed = { inbound: 0, send: 0 };
    inboundWorker.on("completed", () => {
      completed.inbound += 1;
    });
    sendWorker.on("completed", () => {
      completed.send += 1;
    });
    const cpu = { turn: 0, send: 0 };
    const warmFrom = Math.floor(turns / 2);
    let warmCpu = 0;
    const trips = { turnStatements: 0, sendStatements: 0, redis: 0 };
    for (let turn = 0; turn < turns; turn += 1) {
      for (let customer = 0; customer < customers; customer += 1) {
        const message = makeMessage(customer, turn, agencyNumber);
        await inbox.store(message);
        await queues.enqueueInboundSms({ providerId: message.providerId, agencyId: message.agencyId, from: message.from });
      }
      const inboundTarget = completed.inbound + customers;
      const turnStart = counter.read();
      const turnCpu = process.cpuUsage();
      inboundWorker.resume();
      await waitForCount(() => completed.inbound >= inboundTarget, "turns");
      await inboundWorker.pause();
      const turnMs = cpuMs(process.cpuUsage(turnCpu));
      cpu.turn += turnMs;
      const afterTurns = counter.read();
      trips.turnStatements += afterTurns.statements - turnStart.statements;
      trips.redis += afterTurns.redis - turnStart.redis;

      const sends = await queues.outbound.getJobCountByTypes("wait", "prioritized", "delayed");
      const sendTarget = completed.send + sends;
      const sendCpu = process.cpuUsage();
      sendWorker.resume();
      await waitForCount(() => completed.send >= sendTarget, "sends");
      await sendWorker.pause();
      const sendMs = cpuMs(process.cpuUsage(sendCpu));
      cpu.send += sendMs;
      if (turn >= warmFrom) warmCpu += turnMs + sendMs;
      const afterSends = counter.read();
      trips.sendStatements += afterSends.statements - afterTurns.statements;
      trips.redis += afterSends.redis - afterTurns.redis;
    }
    const messages = customers * turns;
    const [counts] = (
      await services.pool.query<{ recorded: number; handed: number; waiting: number }>(
        `SELECT
           (SELECT count(*)::int FROM "Message" WHERE "direction" = 'outbound' AND "channel" = 'sms') AS "recorded",
           (SELECT count(*)::int FROM "Message" WHERE "direction" = 'outbound' AND "channel" = 'sms' AND "providerId" IS NOT NULL) AS "handed",
           (SELECT count(*)::int FROM "InboundSms" WHERE "processedAt" IS NULL) AS "waiting"`,
      )
    ).rows;
    const per = (value: number, digits = 100) => Math.round((value / messages) * digits) / digits;
    return {
      messages,
      customers,
      turns,
      cpuMsPerMessage: per(cpu.turn + cpu.send),
      warmCpuMsPerMessage: Math.round((warmCpu / (customers * (turns - warmFrom))) * 100) / 100,
      turnCpuMsPerMessage: per(cpu.turn),
      sendCpuMsPerMessage: per(cpu.send),
      bullmqCpuMsPerEmptyJob: await measureEmptyJobs(prefix, 2_000),
      statementsPerTurn: per(trips.turnStatements, 10),
      statementsPerSend: per(trips.sendStatements, 10),
      redisCommandsPerMessage: per(trips.redis, 10),
      repliesRecorded: counts?.recorded ?? 0,
      repliesHandedToProvider: counts?.handed ?? 0,
      inboundLeftWaiting: counts?.waiting ?? 0,
    };
  } finally {
    counter.stop();
    await Promise.allSettled([inboundWorker.close(), sendWorker.close()]);
    await obliterateQueues(queues.all);
    await queues.close();
    await services.close();
  }
}

/** The i-th message of a customer's conversation, as the webhook would store it. */
function makeMessage(customer: number, turn: number, agencyNumber: string) {
  const text = turn === 0 ? OPENINGS[customer % OPENINGS.length] : FOLLOW_UPS[(customer + turn) % FOLLOW_UPS.length];
  return {
    channel: "sms" as const,
    agencyId: "tucson-az-pd",
    from: `+1520700${String(customer).padStart(4, "0")}`,
    to: agencyNumber,
    text: text ?? "hello",
    providerId: `SMcc${(turn * 100_000 + customer).toString(16).padStart(30, "0")}`,
    media: [],
    receivedAt: new Date(),
  };
}

/** The same measure for jobs that do nothing: what BullMQ itself costs per job in this process. */
async function measureEmptyJobs(prefix: string, jobs: number): Promise<number> {
  const connection = new Redis(BENCH_REDIS_URL, { maxRetriesPerRequest: null });
  const queue = new Queue("bench-empty", { connection, prefix });
  let done = 0;
  const worker = new Worker("bench-empty", async (_job: Job) => null, { connection, prefix, concurrency: 10, autorun: false });
  worker.on("completed", () => {
    done += 1;
  });
  try {
    await queue.addBulk(Array.from({ length: jobs }, (_, i) => ({ name: "empty", data: { i }, opts: { removeOnComplete: { count: 10_000 } } })));
    const before = process.cpuUsage();
    void worker.run();
    await waitForCount(() => done >= jobs, "empty jobs");
    return Math.round((cpuMs(process.cpuUsage(before)) / jobs) * 100) / 100;
  } finally {
    await worker.close();
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    connection.disconnect();
  }
}

/** Counts every pg query and every Redis command of this process from now until stopped. */
function countRoundTrips(): { read(): { statements: number; redis: number }; stop(): void } {
  const counts = { statements: 0, redis: 0 };
  const pgQuery = pg.Client.prototype.query;
  const redisSend = Redis.prototype.sendCommand;
  // biome-ignore lint/suspicious/noExplicitAny: wraps the overloaded pg query as it is
  pg.Client.prototype.query = function (this: pg.Client, ...args: any[]) {
    counts.statements += 1;
    // biome-ignore lint/suspicious/noExplicitAny: see above
    return (pgQuery as any).apply(this, args);
  } as typeof pgQuery;
  Redis.prototype.sendCommand = function (this: Redis, ...args: Parameters<Redis["sendCommand"]>) {
    counts.redis += 1;
    return redisSend.apply(this, args);
  };
  return {
    read: () => ({ ...counts }),
    stop() {
      pg.Client.prototype.query = pgQuery;
      Redis.prototype.sendCommand = redisSend;
    },
  };
}

async function waitForCount(done: () => boolean, what: string): Promise<void> {
  if (!(await waitUntil(done, 120_000))) throw new Error(`bench: ${what} did not finish within 120 s`);
}

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [customers, turns] = process.argv.slice(2).map(Number);
  benchTurnCost({ customers: customers || undefined, turns: turns || undefined }).then(
    (figures) => process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
