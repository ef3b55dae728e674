import type { Worker } from "bullmq";
import { getAgency, loadAgencies } from "../agencies/load-agencies.ts";
import type { Express, Router } from "express";
import { type Env, loadEnv } from "../config/env.ts";
import { type Deployment, resolveDeployment } from "../config/deployment.ts";
import { createLogger, type Logger } from "../config/logger.ts";
import { bootServices, type Services } from "../workers/boot-services.ts";
import { createQueueSet, type QueueSet } from "../workers/queue-set.ts";
import { createSenderRateLimiter } from "../workers/sender-rate-limit.ts";
import { SandboxOutbox } from "./sandbox/outbox.ts";
import { createSandboxRoutes } from "./sandbox/sandbox-routes.ts";
import { createTwilioStandIn } from "./sandbox/twilio-stand-in.ts";
import { createTwilioClient } from "./twilio/create-twilio-client.ts";
import { createSmsRoutes } from "./twilio/sms-routes.ts";
import { createVoiceRoutes } from "./twilio/voice-routes.ts";
import { resolveTwilioSettings, type TwilioSettings } from "./twilio/twilio-settings.ts";
import { createExtractorFromEnv } from "./understanding/create-extractor.ts";
import { startAllWorkers, type WorkerDeps } from "../workers/registry.ts";
import { buildWorkerDeps } from "../workers/build-worker-deps.ts";
import { DispatchRepository } from "../prisma/repositories/dispatch-repository.ts";
import { StaffViews } from "../prisma/repositories/staff-views.ts";
import { createSlackStandIn } from "./sandbox/slack-stand-in.ts";
import { createSlackSandboxRoutes } from "./sandbox/slack-sandbox-routes.ts";
import { createBoltLogger } from "./slack/bolt-logger.ts";
import { createSlackClient } from "./slack/create-slack-client.ts";
import { createSlackRoutes } from "./slack/slack-routes.ts";
import {
  resolveSlackSettings,
  SANDBOX_SLACK_SIGNING_SECRET,
  type SlackSettings,
} from "./slack/slack-settings.ts";
import { createDirectLineStandIn } from "./sandbox/direct-line-stand-in.ts";
import { createChatPageRoutes } from "./webchat/chat-page.ts";
import { createWebChatAdapter } from "./webchat/create-webchat-adapter.ts";
import { WebDelivery } from "./webchat/web-delivery.ts";
import { WebChatBot } from "./webchat/webchat-bot.ts";
import { createWebChatRoutes } from "./webchat/webchat-routes.ts";
import { resolveWebChatSettings } from "./webchat/webchat-settings.ts";
import { LOOPBACK_SERVICE_URLS, MICROSOFT_SERVICE_URLS } from "./webchat/service-url-allowlist.ts";
import { createQueueDashboard } from "./admin/queue-dashboard.ts";
import { createCustomerPageRoutes } from "./customer-page/customer-page-routes.ts";
import { resolveCustomerLinks } from "./customer-page/customer-page-settings.ts";
import { createHttpApp } from "./server.ts";
import { buildTurnDeps } from "./build-turn-deps.ts";
import { buildInboundSmsProcessor } from "./build-inbound-sms-processor.ts";
import { InboundSmsInbox } from "../prisma/repositories/inbound-sms-inbox.ts";
import { readAbuseLimits } from "../workers/limits/abuse-limits.ts";
import { createSlackThreadBudget } from "../workers/slack-thread-budget.ts";

export interface Application extends Services {
  env: Env;
  logger: Logger;
  http: Express;
  workers: Worker[];
  twilio: TwilioSettings;
  slack: SlackSettings;
  queues: QueueSet;
  /** What the job handlers of this process use (tests re-run a job through it). */
  workerDeps: WorkerDeps;
  /** Present in sandbox mode: what the stand-ins of Twilio (and later Slack) received. */
  outbox: SandboxOutbox | null;
  /** Sandbox or live, each platform's mode, and the interface to listen on. */
  deployment: Deployment;
  /** Tells the app the port it listens on (PORT=0 picks one); sandbox addresses depend on it. */
  bindPort(port: number): void;
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

/** Composition root of `npm start` (and of the integration tests): services, HTTP app, workers. */
export async function createApplication(options: {
  runWorkers: boolean;
  env?: Record<string, string | undefined>;
}): Promise<Application> {
  const env = loadEnv(options.env);
  const logger = createLogger({ level: env.LOG_LEVEL });
  const deployment = resolveDeployment(env);
  const { modes } = deployment;
  const webChatSettings = resolveWebChatSettings(env);
  // Where Bot Framework replies may go: Microsoft's channels, or (anonymous, loopback only) this machine.
  const webChatOrigins = modes.webchat === "anonymous" ? LOOPBACK_SERVICE_URLS : MICROSOFT_SERVICE_URLS;
  announceModes(logger, deployment);

  const services = await bootServices({ database: env.DATABASE_URL, redis: env.REDIS_URL }, logger);
  const { prisma, redis } = services;
  let port = env.PORT;
  const twilioSettings = resolveTwilioSettings(env, () => port);
  const twilioClient = modes.twilio === "off" ? null : createTwilioClient(twilioSettings);
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
    ? new SandboxOutbox((entry) =>
        logger.info({ outbound: entry }, `sandbox ${entry.channel} to ${entry.to}: ${entry.body}`),
      )
    : null;
  const queues = createQueueSet(redis, env.REDIS_PREFIX, env.APPROVAL_TIMEOUT_MINUTES, (error) =>
    logger.warn({ err: error.message }, "queue connection error"),
  );
  const agencies = [...loadAgencies().values()];
  const customerLinks = resolveCustomerLinks(env, deployment, () => twilioSettings.publicBaseUrl());
  const turnDeps = buildTurnDeps({ prisma, queues, extractor: createExtractorFromEnv(options.env), customerLinks });
  const inboundSms = buildInboundSmsProcessor({
    prisma,
    pool: services.pool,
    locks: services.locks,
    queues,
    turn: turnDeps,
    logger,
    getAgency,
    limits: readAbuseLimits(env),
  });
  const inbox = new InboundSmsInbox(prisma, services.pool);
  const webChatAdapter = modes.webchat === "off" ? null : createWebChatAdapter(webChatSettings, logger);
  const webDelivery = webChatAdapter
    ? new WebDelivery(prisma, webChatAdapter, webChatSettings.appId ?? "", webChatOrigins)
    : null;
  const agencyByNumber = (phone: string) => agencies.find((agency) => agency.phoneNumbers.includes(phone));
  const localBaseUrl = () => `http://127.0.0.1:${port}`;
  const routers: Router[] = [];
  if (modes.twilio !== "off") {
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
      createSmsRoutes({
        settings: twilioSettings,
        prisma,
        logger,
        agencyByNumber,
        storeInbound: (message) => inbox.store(message),
        enqueueInbound: (message) => queues.enqueueInboundSms(message),
      }),
    );
  }
  if (webChatAdapter) {
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
  // Mounted with pages off too, so a texted link gets a clear page rather than a 404.
  routers.push(createCustomerPageRoutes({ links: customerLinks, prisma, getAgency, logger }));
  routers.push(createQueueDashboard(queues.all, env.ADMIN_PASSWORD, env.ADMIN_LOGIN_ATTEMPTS));
  if (modes.slack !== "off") {
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
    probes: { database: () => prisma.$queryRaw`SELECT 1`, redis: () => redis.ping() },
    routers,
  });
  const workerDeps: WorkerDeps = buildWorkerDeps({
    prisma,
    getAgency,
    logger,
    queues,
    twilio: twilioClient
      ? { client: twilioClient, statusCallbackUrl: () => `${twilioSettings.publicBaseUrl()}/twilio/status` }
      : null,
    slack:
      modes.slack === "off" ? null : { client: createSlackClient(slackSettings, createBoltLogger(logger)) },
    webchat: webDelivery,
    inboundSms,
    customerLinks,
    smsRateLimiter: createSenderRateLimiter(redis, env.REDIS_PREFIX, env.SMS_RATE_PER_SENDER),
    slackThreadBudget: createSlackThreadBudget(
      redis,
      env.REDIS_PREFIX,
      env.SLACK_POSTS_PER_THREAD_PER_MINUTE,
      env.ABUSE_LIMIT_MINUTE_MS,
    ),
    workerLockMs: env.WORKER_LOCK_MS,
  });
  const workers = options.runWorkers
    ? startAllWorkers({
        connection: redis,
        prefix: env.REDIS_PREFIX,
        logger,
        deps: workerDeps,
        lockMs: env.WORKER_LOCK_MS,
      })
    : [];
  if (options.runWorkers) {
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
  }

  return {
    ...services,
    env,
    logger,
    http,
    workers,
    twilio: twilioSettings,
    slack: slackSettings,
    queues,
    workerDeps,
    outbox,
    deployment,
    bindPort(actual: number) {
      port = actual;
    },
    async close() {
      await Promise.allSettled(workers.map((w) => w.close()));
      await queues.close();
      await services.close();
    },
  };
}
