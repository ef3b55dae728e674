import type { Logger } from "../config/logger.ts";
import type { AgencyConfig } from "../core/agencies/index.ts";
import type { PrismaClient } from "../prisma/client.ts";
import type { QueueSet } from "./queue-set.ts";
import type { SlackPort, TwilioPort, WorkerDeps } from "./registry.ts";
import type { SenderRateLimiter } from "./sender-rate-limit.ts";
import { type SlackThreadBudget, UNLIMITED_SLACK_THREAD_BUDGET } from "./slack-thread-budget.ts";

/** The one place job dependencies are assembled (`npm start`, `npm run worker`, benchmarks). */
export function buildWorkerDeps(input: {
  prisma: PrismaClient;
  getAgency(id: string): AgencyConfig | undefined;
  logger: Logger;
  queues: QueueSet;
  twilio: TwilioPort | null;
  slack: SlackPort | null;
  webchat?: WorkerDeps["webchat"];
  inboundSms?: WorkerDeps["inboundSms"];
  /** Signs customers' page links for notices; null or absent where pages are off. */
  customerLinks?: WorkerDeps["customerLinks"];
  smsRateLimiter: SenderRateLimiter;
  /** SLACK_POSTS_PER_THREAD_PER_MINUTE as a shared budget (createSlackThreadBudget); unlimited when not given. */
  slackThreadBudget?: SlackThreadBudget;
  /** WORKER_LOCK_MS: a message "sending" twice this long was claimed by a worker that died. */
  workerLockMs: number;
}): WorkerDeps {
  const { queues } = input;
  return {
    prisma: input.prisma,
    getAgency: input.getAgency,
    logger: input.logger,
    twilio: input.twilio,
    slack: input.slack,
    webchat: input.webchat ?? null,
    inboundSms: input.inboundSms ?? null,
    customerLinks: input.customerLinks ?? null,
    smsRateLimiter: input.smsRateLimiter,
    slackThreadBudget: input.slackThreadBudget ?? UNLIMITED_SLACK_THREAD_BUDGET,
    stuckSendingMs: input.workerLockMs * 2,
    enqueueSms: queues.enqueueSms,
    enqueueSmsBatch: queues.enqueueSmsBatch,
    enqueueOfferSends: queues.enqueueOfferSends,
    enqueueBroadcastWave: queues.enqueueBroadcastWave,
    scheduleShiftTimers: queues.scheduleShiftTimers,
    scheduleApprovalTimeout: queues.scheduleApprovalTimeout,
    deliverToCustomer: queues.deliverToCustomer,
    syncRequestCard: queues.syncRequestCard,
    postRequestNotice: queues.postRequestNotice,
    postInvoiceToSlack: queues.postInvoiceToSlack,
    enqueueInvoiceDraft: queues.enqueueInvoiceDraft,
    syncDispatchThread: queues.syncDispatchThread,
    relayToDispatcher: queues.relayToDispatcher,
    relayBacklogToDispatcher: queues.relayBacklogToDispatcher,
    enqueueOpenApprovals: queues.enqueueOpenApprovals,
    enqueueInboundSms: queues.enqueueInboundSms,
  };
}
