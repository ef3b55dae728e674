import { loadEnv } from "../config/env.ts";
import { resolveDeployment } from "../config/deployment.ts";
import { createLogger, routeConsoleToLogger } from "../config/logger.ts";
import { createTwilioClient } from "../bots/twilio/create-twilio-client.ts";
import { resolveTwilioSettings } from "../bots/twilio/twilio-settings.ts";
import { resolveSlackSettings } from "../bots/slack/slack-settings.ts";
import { resolveWebChatSettings } from "../bots/webchat/webchat-settings.ts";
import { LOOPBACK_SERVICE_URLS, MICROSOFT_SERVICE_URLS } from "../bots/webchat/service-url-allowlist.ts";
import { buildInboundSmsProcessor } from "../bots/build-inbound-sms-processor.ts";
import { buildTurnDeps } from "../bots/build-turn-deps.ts";
import { resolveCustomerLinks } from "../bots/customer-page/customer-page-settings.ts";
import { parserExtractor } from "../core/understanding/index.ts";
import { bootServices } from "./boot-services.ts";
import { buildWorkerDeps } from "./build-worker-deps.ts";
import { getAgency } from "../agencies/load-agencies.ts";
import { createQueueSet } from "./queue-set.ts";
import { startAllWorkers } from "./registry.ts";
import { readAbuseLimits } from "./limits/abuse-limits.ts";
import { createSenderRateLimiter } from "./sender-rate-limit.ts";
import { createSlackThreadBudget } from "./slack-thread-budget.ts";
import { loadOnce } from "./load-once.ts";

/** `npm run worker`: the workers alone, for scaling out beside `npm start`. */
async function main(): Promise<void> {
  const env = loadEnv();
  const logger = createLogger({ level: env.LOG_LEVEL, name: "detaildesk-worker" });
  routeConsoleToLogger(logger);
  const deployment = resolveDeployment(env);
  const { modes } = deployment;
  logger.info({ mode: modes }, "DetailDesk workers starting");
  const twilioSettings = resolveTwilioSettings(env, () => env.PORT);
  const webChatSettings = resolveWebChatSettings(env);
  const services = await bootServices(
    {
      database: env.DATABASE_URL,
      databasePoolMax: env.DATABASE_POOL_MAX,
      redis: { url: env.REDIS_URL, clusterNodes: env.REDIS_CLUSTER_NODES },
    },
    logger,
  );
  const queues = createQueueSet(services.redis, env.REDIS_PREFIX, env.APPROVAL_TIMEOUT_MINUTES, (error) =>
    logger.warn({ err: error.message }, "queue connection error"),
  );
  const customerLinks = resolveCustomerLinks(env, deployment, () => twilioSettings.publicBaseUrl());
  // The SDKs below are loaded only when configured (OpenAI, Slack) or first used (Bot Framework,
  // ~50 MB): a worker that only acts on SMS stays small (issue #20).
  const extractor = env.OPENAI_API_KEY
    ? (await import("../bots/understanding/create-extractor.ts")).createExtractorFromEnv()
    : parserExtractor;
  const slack = modes.slack === "off" ? null : await createSlackPort(env, logger);
  const turn = buildTurnDeps({ prisma: services.prisma, queues, extractor, customerLinks });
  const webDelivery =
    modes.webchat === "off"
      ? null
      : loadOnce(async () => {
          const [{ WebDelivery }, { createWebChatAdapter }] = await Promise.all([
            import("../bots/webchat/web-delivery.ts"),
            import("../bots/webchat/create-webchat-adapter.ts"),
          ]);
          return new WebDelivery(
            services.prisma,
            createWebChatAdapter(webChatSettings, logger),
            webChatSettings.appId ?? "",
            modes.webchat === "anonymous" ? LOOPBACK_SERVICE_URLS : MICROSOFT_SERVICE_URLS,
          );
        });
  const workers = startAllWorkers({
    connection: services.redis,
    prefix: env.REDIS_PREFIX,
    lockMs: env.WORKER_LOCK_MS,
    logger,
    deps: buildWorkerDeps({
      prisma: services.prisma,
      getAgency,
      logger,
      queues,
      // In sandbox mode the Twilio and Slack stand-ins are served by `npm start` on PORT.
      // A platform a live deployment left unconfigured is off here too (config/deployment.ts).
      twilio:
        modes.twilio === "off"
          ? null
          : { client: createTwilioClient(twilioSettings), statusCallbackUrl: () => `${twilioSettings.publicBaseUrl()}/twilio/status` },
      slack,
      webchat: webDelivery && { deliver: async (conversationId) => (await webDelivery()).deliver(conversationId) },
      inboundSms: buildInboundSmsProcessor({
        prisma: services.prisma,
        pool: services.pool,
        locks: services.locks,
        queues,
        turn,
        logger,
        getAgency,
        limits: readAbuseLimits(env),
      }),
      customerLinks,
      smsRateLimiter: createSenderRateLimiter(services.redis, env.REDIS_PREFIX, env.SMS_RATE_PER_SENDER),
      slackThreadBudget: createSlackThreadBudget(
        services.redis,
        env.REDIS_PREFIX,
        env.SLACK_POSTS_PER_THREAD_PER_MINUTE,
        env.ABUSE_LIMIT_MINUTE_MS,
      ),
      workerLockMs: env.WORKER_LOCK_MS,
    }),
  });
  await queues.scheduleRoutines(env.RECOVERY_INTERVAL_MS, env.BILLING_CYCLE_INTERVAL_MS);
  // The schedule lives in Redis: a Redis that restarted without its data has lost it.
  services.redis.on("ready", () => {
    queues.scheduleRoutines(env.RECOVERY_INTERVAL_MS, env.BILLING_CYCLE_INTERVAL_MS).catch((error: unknown) => {
      logger.warn({ err: error instanceof Error ? error.message : String(error) }, "recovery sweep and billing cycles not rescheduled");
    });
  });
  logger.info({ queues: workers.length }, "workers running");
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void Promise.allSettled(workers.map((w) => w.close()))
        .then(() => queues.close())
        .then(() => services.close())
        .finally(() => process.exit(0));
    });
  }
}

/** Slack's WebClient with Bolt's logger, for a process where Slack is on (Bolt alone is ~20 MB). */
async function createSlackPort(env: ReturnType<typeof loadEnv>, logger: ReturnType<typeof createLogger>) {
  const [{ createSlackClient }, { createBoltLogger }] = await Promise.all([
    import("../bots/slack/create-slack-client.ts"),
    import("../bots/slack/bolt-logger.ts"),
  ]);
  return { client: createSlackClient(resolveSlackSettings(env, () => env.PORT), createBoltLogger(logger)) };
}

main().catch((error: unknown) => {
  process.stderr.write(`detaildesk worker: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
