import type { Worker } from "bullmq";
import type { Router } from "express";
import { getAgency, loadAgencies } from "../agencies/load-agencies.ts";
import { type Env, loadEnv } from "../config/env.ts";
import { type Deployment, resolveDeployment } from "../config/deployment.ts";
import { createLogger, type Logger } from "../config/logger.ts";
import { parserExtractor } from "../core/understanding/index.ts";
import { type DeliveryStatusUpdate, recordDeliveryStatus } from "../prisma/repositories/delivery-status-updates.ts";
import { InboundSmsInbox } from "../prisma/repositories/inbound-sms-inbox.ts";
import { bootServices, type Services } from "../workers/boot-services.ts";
import { createQueueSet, type QueueSet } from "../workers/queue-set.ts";
import type { WorkerDeps } from "../workers/registry.ts";
import { buildTurnDeps } from "./build-turn-deps.ts";
import { resolveCustomerLinks } from "./customer-page/customer-page-settings.ts";
import { createLazyRouter } from "./lazy-router.ts";
import type { SandboxOutbox } from "./sandbox/outbox.ts";
import { createHttpApp, type FastRoute, type HttpApp } from "./server.ts";
import { resolveSlackSettings, SANDBOX_SLACK_SIGNING_SECRET, type SlackSettings } from "./slack/slack-settings.ts";
import { resolveTwilioSettings, type TwilioSettings } from "./twilio/twilio-settings.ts";
import { createChatPageRoutes } from "./webchat/chat-page.ts";
import { LOOPBACK_SERVICE_URLS, MICROSOFT_SERVICE_URLS, type ServiceUrlPolicy } from "./webchat/service-url-allowlist.ts";
import type { WebChatAdapter } from "./webchat/create-webchat-adapter.ts";
import { resolveWebChatSettings } from "./webchat/webchat-settings.ts";

// Platform and worker modules are imported where they are used, and only when their platform is
// configured (or, for the worker's, when this process runs workers): a web process that loaded
// them all (Bolt, botbuilder, pdfkit, vega, the job handlers) took ~210 MB before its first request.

/** What `npm run web` runs: the HTTP app on the services, no workers. */
export interface WebApplication extends Services {
  env: Env;
  logger: Logger;
  http: HttpApp;
  workers: Worker[];
  twilio: TwilioSettings;
  slack: SlackSettings;
  queues: QueueSet;
  /** Present in sandbox mode: what the stand-ins of Twilio (and later Slack) received. */
  outbox: SandboxOutbox | null;
  /** Sandbox or live, each platform's mode, and the interface to listen on. */
  deployment: Deployment;
  /** Tells the app the port it listens on (PORT=0 picks one); sandbox addresses depend on it. */
  bindPort(port: number): void;
}

/** What `npm start` (and the integration tests) run: the web application and the workers. */
export interface Application extends WebApplication {
  /** What the job handlers of this process use (tests re-run a job through it). */
  workerDeps: WorkerDeps;
}

/** Logs the run mode first, so an operator sees at once whether real messages can go out. */
export function announceModes(logger: Logger, deployment: Deployment): void {
  const { modes } = deployment;
  logger.info(
    { mode: modes },
    deployment.sandbox
      ? `DetailDesk starting in sandbox mode on ${deployment.host} (twilio, slack and web chat are local stand-ins; language: ${modes.openai})`
      : `DetailDesk starting with live credentials (twilio: ${modes.twilio}, slack: ${modes.slack}, web chat: ${modes.webchat}, language: ${modes.openai})`,
  );
  for (const line of deployment.disabled) logger.warn(line);
}

interface ApplicationOptions {
  env?: Record<string, string | undefined>;
}

/**
 * Composition root of `npm start` (and of the integration tests): services, HTTP app, workers.
 * Without workers (`npm run web`) nothing a job handler needs is loaded.
 */
export async function createApplication(options: ApplicationOptions & { runWorkers: true }): Promise<Application>;
export async function createApplication(options: ApplicationOptions & { runWorkers: boolean }): Promise<WebApplication>;
export async function createApplication(options: ApplicationOptions & { runWorkers: boolean }): Promise<WebApplication> {
  const env = loadEnv(options.env);
  const logger = createLogger({ level: env.LOG_LEVEL });
  const deployment = resolveDeployment(env);
  const { modes } = deployment;
  const webChatSettings = resolveWebChatSettings(env);
  // Where Bot Framework replies may go: Microsoft's channels, or (anonymous, loopback only) this machine.
  const webChatOrigins = modes.webchat === "anonymous" ? LOOPBACK_SERVICE_URLS : MICROSOFT_SERVICE_URLS;
  announceModes(logger, deployment);

  const services = await bootServices(
    {
      database: env.DATABASE_URL,
      databasePoolMax: env.DATABASE_POOL_MAX,
      redis: { url: env.REDIS_URL, clusterNodes: env.REDIS_CLUSTER_NODES },
    },
    logger,
  );
  const { prisma, redis } = services;
  let port = env.PORT;
  const twilioSettings = resolveTwilioSettings(env, () => port);
  const slackSettings = resolveSlackSettings(env, () => port);
  if (modes.slack === "sandbox") {
    // The sandbox default is public (it is in the README), so printing it gives nothing away.
    logger.info(
      env.SLACK_SIGNING_SECRET
        ? "Slack sandbox: /slack/events accepts requests signed with your SLACK_SIGNING_SECRET; Web API calls land in /sandbox/outbox"
        : `Slack sandbox: /slack/events accepts requests signed with the sandbox signing secret "${SANDBOX_SLACK_SIGNING_SECRET}"; Web API calls land in /sandbox/outbox`,
    );
  }
  const outbox = deployment.sandbox
    ? new (await import("./sandbox/outbox.ts")).SandboxOutbox((entry) =>
        logger.info({ outbound: entry }, `sandbox ${entry.channel} to ${entry.to}: ${entry.body}`),
      )
    : null;
  const queues = createQueueSet(redis, env.REDIS_PREFIX, env.APPROVAL_TIMEOUT_MINUTES, (error) =>
    logger.warn({ err: error.message }, "queue connection error"),
  );
  const agencies = [...loadAgencies().values()];
  const customerLinks = resolveCustomerLinks(env, deployment, () => twilioSettings.publicBaseUrl());
  // The OpenAI SDK only with a key (createExtractorFromEnv decides the same way).
  const extractor =
    modes.openai === "live"
      ? (await import("./understanding/create-extractor.ts")).createExtractorFromEnv(options.env)
      : parserExtractor;
  const turnDeps = buildTurnDeps({ prisma, queues, extractor, customerLinks });
  const inbox = new InboundSmsInbox(prisma, services.pool);
  const webChatAdapter =
    modes.webchat === "off"
      ? null
      : (await import("./webchat/create-webchat-adapter.ts")).createWebChatAdapter(webChatSettings, logger);
  const agencyByNumber = (phone: string) => agencies.find((agency) => agency.phoneNumbers.includes(phone));
  const localBaseUrl = () => `http://127.0.0.1:${port}`;
  const routers: Router[] = [];
  const fastRoutes: FastRoute[] = [];
  if (modes.twilio !== "off") {
    const [{ createVoiceRoutes }, { createSmsRoutes }, { createSmsFastPath }] = await Promise.all([
      import("./twilio/voice-routes.ts"),
      import("./twilio/sms-routes.ts"),
      import("./twilio/sms-fast-path.ts"),
    ]);
    const sms = {
      settings: twilioSettings,
      logger,
      agencyByNumber,
      storeInbound: (message: Parameters<InboundSmsInbox["store"]>[0]) => inbox.store(message),
      enqueueInbound: (message: Parameters<QueueSet["enqueueInboundSms"]>[0]) => queues.enqueueInboundSms(message),
      recordDeliveryStatus: (update: DeliveryStatusUpdate) => recordDeliveryStatus(services.pool, update),
    };
    fastRoutes.push(createSmsFastPath(sms));
    routers.push(
      createVoiceRoutes({
        settings: twilioSettings,
        prisma,
        logger,
        turn: turnDeps,
        agencyByNumber,
        deliverSms: (conversationId, key) => queues.enqueueSms(conversationId, key),
        async voicemailToDispatch({ conversationId, key, messageId, transcription }) {
          await queues.syncDispatchThread(
            conversationId,
            key,
            "voicemail",
            transcription ? `Voicemail transcription: ${transcription.replace(/[<>&]/g, "")}` : undefined,
          );
          if (messageId) await queues.relayToDispatcher(messageId);
        },
      }),
      createSmsRoutes(sms),
    );
  }
  if (webChatAdapter) {
    const [{ createWebChatRoutes }, { WebChatBot }] = await Promise.all([
      import("./webchat/webchat-routes.ts"),
      import("./webchat/webchat-bot.ts"),
    ]);
    routers.push(
      createWebChatRoutes({
        adapter: webChatAdapter,
        bot: new WebChatBot({
          turn: turnDeps,
          prisma,
          logger,
          getAgency,
          defaultAgencyId: agencies[0]?.id ?? "",
        }),
        logger,
        origins: webChatOrigins,
      }),
    );
  }
  // Mounted even with web chat off, so a stale link or page gets a clear 503 rather than a 404.
  routers.push(
    createChatPageRoutes({
      settings: webChatSettings,
      getAgency,
      logger,
      sandbox: deployment.sandbox,
      enabled: webChatAdapter !== null,
    }),
  );
  // Mounted with pages off too, so a texted link gets a clear page rather than a 404; loaded
  // (with pdfkit) on the first request under /c.
  routers.push(
    createLazyRouter("/c", async () =>
      (await import("./customer-page/customer-page-routes.ts")).createCustomerPageRoutes({ links: customerLinks, prisma, getAgency, logger }),
    ),
  );
  // Bull Board, loaded on the first request under /admin/queues.
  routers.push(
    createLazyRouter("/admin/queues", async () =>
      (await import("./admin/queue-dashboard.ts")).createQueueDashboard(queues.all, env.ADMIN_PASSWORD, env.ADMIN_LOGIN_ATTEMPTS),
    ),
  );
  if (modes.slack !== "off") {
    const [{ createSlackRoutes }, { StaffViews }, { DispatchRepository }] = await Promise.all([
      import("./slack/slack-routes.ts"),
      import("../prisma/repositories/staff-views.ts"),
      import("../prisma/repositories/dispatch-repository.ts"),
    ]);
    routers.push(
      createSlackRoutes(slackSettings, {
        prisma,
        logger,
        agencies,
        getAgency,
        views: new StaffViews(prisma, getAgency),
        dispatch: new DispatchRepository(prisma),
        queues,
        now: () => new Date(),
      }),
    );
  }
  // Stand-ins exist only when the whole deployment is sandbox (resolveDeployment: loopback only).
  if (outbox) {
    const [{ createTwilioStandIn }, { createSlackStandIn }, { createSlackSandboxRoutes }, { createDirectLineStandIn }, { createSandboxRoutes }] =
      await Promise.all([
        import("./sandbox/twilio-stand-in.ts"),
        import("./sandbox/slack-stand-in.ts"),
        import("./sandbox/slack-sandbox-routes.ts"),
        import("./sandbox/direct-line-stand-in.ts"),
        import("./sandbox/sandbox-routes.ts"),
      ]);
    routers.push(
      createTwilioStandIn(twilioSettings, outbox, logger),
      createSlackStandIn(slackSettings, outbox),
      createSlackSandboxRoutes({ settings: slackSettings, prisma, getAgency, localBaseUrl }),
      createDirectLineStandIn({ getAgency, localBaseUrl, outbox, logger }),
      createSandboxRoutes(twilioSettings, outbox, localBaseUrl),
    );
  }
  const http = createHttpApp({
    logger,
    mode: { ...modes },
    // On the pg pool: a probe through Prisma would load its query compiler (~80 MB) into a web
    // process whose webhooks never use it.
    probes: { database: () => services.pool.query("SELECT 1"), redis: () => redis.ping() },
    routers,
    fastRoutes,
  });
  const web: WebApplication = {
    ...services,
    env,
    logger,
    http,
    workers: [],
    twilio: twilioSettings,
    slack: slackSettings,
    queues,
    outbox,
    deployment,
    bindPort(actual: number) {
      port = actual;
    },
    async close() {
      await queues.close();
      await services.close();
    },
  };
  if (!options.runWorkers) return web;
  const webChat = webChatAdapter ? { adapter: webChatAdapter, appId: webChatSettings.appId ?? "", origins: webChatOrigins } : null;
  return await addWorkers(web, { turnDeps, customerLinks, webChat });
}

/**
 * The workers of `npm start` on the web application's services. Their modules (every job
 * handler, the Twilio and Slack Web API clients, the web chat delivery) are imported here, so a
 * web process never loads them.
 */
async function addWorkers(
  web: WebApplication,
  shared: {
    turnDeps: ReturnType<typeof buildTurnDeps>;
    customerLinks: ReturnType<typeof resolveCustomerLinks>;
    webChat: { adapter: WebChatAdapter; appId: string; origins: ServiceUrlPolicy } | null;
  },
): Promise<Application> {
  const [
    { buildWorkerDeps },
    { startAllWorkers },
    { buildInboundSmsProcessor },
    { createTwilioClient },
    { createSenderRateLimiter },
    { createSlackThreadBudget },
    { readAbuseLimits },
  ] = await Promise.all([
    import("../workers/build-worker-deps.ts"),
    import("../workers/registry.ts"),
    import("./build-inbound-sms-processor.ts"),
    import("./twilio/create-twilio-client.ts"),
    import("../workers/sender-rate-limit.ts"),
    import("../workers/slack-thread-budget.ts"),
    import("../workers/limits/abuse-limits.ts"),
  ]);
  const { env, logger, prisma, redis, queues, deployment } = web;
  const { modes } = deployment;
  const inboundSms = buildInboundSmsProcessor({
    prisma,
    pool: web.pool,
    locks: web.locks,
    queues,
    turn: shared.turnDeps,
    logger,
    getAgency,
    limits: readAbuseLimits(env),
  });
  const slackClient =
    modes.slack === "off"
      ? null
      : (await import("./slack/create-slack-client.ts")).createSlackClient(
          web.slack,
          (await import("./slack/bolt-logger.ts")).createBoltLogger(logger),
        );
  const webDelivery = shared.webChat
    ? new (await import("./webchat/web-delivery.ts")).WebDelivery(prisma, shared.webChat.adapter, shared.webChat.appId, shared.webChat.origins)
    : null;
  const workerDeps: WorkerDeps = buildWorkerDeps({
    prisma,
    getAgency,
    logger,
    queues,
    twilio:
      modes.twilio === "off"
        ? null
        : { client: createTwilioClient(web.twilio), statusCallbackUrl: () => `${web.twilio.publicBaseUrl()}/twilio/status` },
    slack: slackClient ? { client: slackClient } : null,
    webchat: webDelivery,
    inboundSms,
    customerLinks: shared.customerLinks,
    smsRateLimiter: createSenderRateLimiter(redis, env.REDIS_PREFIX, env.SMS_RATE_PER_SENDER),
    slackThreadBudget: createSlackThreadBudget(
      redis,
      env.REDIS_PREFIX,
      env.SLACK_POSTS_PER_THREAD_PER_MINUTE,
      env.ABUSE_LIMIT_MINUTE_MS,
    ),
    workerLockMs: env.WORKER_LOCK_MS,
  });
  const workers = startAllWorkers({
    connection: redis,
    prefix: env.REDIS_PREFIX,
    logger,
    deps: workerDeps,
    lockMs: env.WORKER_LOCK_MS,
  });
  await queues.scheduleRoutines(env.RECOVERY_INTERVAL_MS, env.BILLING_CYCLE_INTERVAL_MS);
  // The schedule lives in Redis: a Redis that restarted without its data has lost it.
  redis.on("ready", () => {
    queues.scheduleRoutines(env.RECOVERY_INTERVAL_MS, env.BILLING_CYCLE_INTERVAL_MS).catch((error: unknown) => {
      logger.warn(
        { err: error instanceof Error ? error.message : String(error) },
        "recovery sweep and billing cycles not rescheduled",
      );
    });
  });
  return {
    ...web,
    workers,
    workerDeps,
    async close() {
      await Promise.allSettled(workers.map((w) => w.close()));
      await web.close();
    },
  };
}
