import type { WebClient } from "@slack/web-api";
import type { Worker } from "bullmq";
import type { Logger } from "../config/logger.ts";
import type { AgencyConfig } from "../core/agencies/index.ts";
import type { CustomerLinkBuilder } from "../core/customer-page/index.ts";
import type { PrismaClient } from "../prisma/client.ts";
import { approvalTimeoutJob } from "./jobs/approval-timeout.ts";
import { broadcastWaveJob } from "./jobs/broadcast-wave.ts";
import { closeBillingCyclesJob } from "./jobs/close-billing-cycles.ts";
import { closeForgottenCheckOutsJob } from "./jobs/close-forgotten-check-outs.ts";
import { customerInvoiceNoticeJob } from "./jobs/customer-invoice-notice.ts";
import { draftInvoiceJob } from "./jobs/draft-invoice.ts";
import { noShowCheckJob } from "./jobs/no-show-check.ts";
import { openApprovalsJob } from "./jobs/open-approvals.ts";
import { requestCancelledJob } from "./jobs/request-cancelled.ts";
import { requestStaffedJob } from "./jobs/request-staffed.ts";
import { shiftReminderJob } from "./jobs/shift-reminder.ts";
import { processInboundSmsJob } from "./jobs/process-inbound-sms.ts";
import { sendBulkSmsJob, sendSmsJob } from "./jobs/send-sms.ts";
import { sendOfferBatchJob } from "./jobs/send-offer-batch.ts";
import { sendWebJob } from "./jobs/send-web.ts";
import { recoverStrandedJob } from "./jobs/recover-stranded.ts";
import { slackCardJob } from "./jobs/slack-card.ts";
import { slackDispatchThreadJob } from "./jobs/slack-dispatch-thread.ts";
import { slackRelayBacklogJob } from "./jobs/slack-relay-backlog.ts";
import { slackRelayMessageJob } from "./jobs/slack-relay-message.ts";
import { slackInvoiceJob } from "./jobs/slack-invoice.ts";
import { slackRequestNoticeJob } from "./jobs/slack-request-notice.ts";
import type { QueueSet } from "./queue-set.ts";
import type { RedisConnection } from "./redis-connection.ts";
import type { SenderRateLimiter } from "./sender-rate-limit.ts";
import type { SlackThreadBudget } from "./slack-thread-budget.ts";
import { type AnyJobDefinition, startWorkers } from "./start-workers.ts";

/** The Twilio REST client a job may use, with the address its status callbacks go to. */
export interface TwilioPort {
  client: { messages: { create(params: { to: string; from: string; body: string; statusCallback?: string }): Promise<{ sid: string }> } };
  statusCallbackUrl(): string;
}

/** The Slack Web API (Slack's, or the sandbox stand-in) the helpdesk jobs post with. */
export interface SlackPort {
  client: Pick<WebClient, "chat">;
}

/** Enqueue helpers a job may use to hand work on. */
export type WorkerQueues = Pick<
  QueueSet,
  | "enqueueSms"
  | "enqueueSmsBatch"
  | "enqueueOfferSends"
  | "enqueueBroadcastWave"
  | "scheduleShiftTimers"
  | "scheduleApprovalTimeout"
  | "deliverToCustomer"
  | "syncRequestCard"
  | "postRequestNotice"
  | "postInvoiceToSlack"
  | "enqueueInvoiceDraft"
  | "syncDispatchThread"
  | "relayToDispatcher"
  | "relayBacklogToDispatcher"
  | "enqueueOpenApprovals"
  | "enqueueInboundSms"
>;

/** Acts on stored inbound SMS (bots/twilio/inbound-sms-processor.ts). */
export interface InboundSmsPort {
  /** Acts on the sender's stored messages still waiting, oldest first. */
  process(sender: { agencyId: string; from: string }): Promise<{ processed: number }>;
}

/** What every job handler may use; composition roots build it (see build-worker-deps.ts). */
export interface WorkerDeps extends WorkerQueues {
  prisma: PrismaClient;
  /** Agency configuration by id (the agencies/ files; benchmarks pass their own). */
  getAgency(id: string): AgencyConfig | undefined;
  logger: Logger;
  twilio: TwilioPort | null;
  /** A message "sending" longer than this (ms) was claimed by a worker that died: send it again. */
  stuckSendingMs: number;
  /** Waits for the per-sender SMS rate limit. */
  smsRateLimiter: SenderRateLimiter;
  slack: SlackPort | null;
  /** Posts per Slack thread per minute; beyond it customer messages are coalesced into one post. */
  slackThreadBudget: SlackThreadBudget;
  /** Proactive web chat delivery (the Bot Framework adapter); null where web chat is not served. */
  webchat: { deliver(conversationId: string): Promise<number> } | null;
  /** Null where a process cannot act on inbound SMS; their jobs then fail and are retried. */
  inboundSms: InboundSmsPort | null;
  /** Signs the customer's page link put in notices (staffed, invoice ready); null where pages are off. */
  customerLinks: CustomerLinkBuilder | null;
}

/** Every job definition; later issues append theirs (approvals, broadcast, reminders, ...). */
export const JOB_DEFINITIONS: AnyJobDefinition<WorkerDeps>[] = [
  processInboundSmsJob,
  sendSmsJob,
  sendBulkSmsJob,
  sendOfferBatchJob,
  openApprovalsJob,
  broadcastWaveJob,
  requestStaffedJob,
  shiftReminderJob,
  noShowCheckJob,
  closeForgottenCheckOutsJob,
  requestCancelledJob,
  approvalTimeoutJob,
  slackCardJob,
  slackRequestNoticeJob,
  slackInvoiceJob,
  slackDispatchThreadJob,
  slackRelayMessageJob,
  slackRelayBacklogJob,
  sendWebJob,
  recoverStrandedJob,
  customerInvoiceNoticeJob,
  draftInvoiceJob,
  closeBillingCyclesJob,
];

export function startAllWorkers(options: {
  connection: RedisConnection;
  prefix: string;
  logger: Logger;
  deps: WorkerDeps;
  lockMs?: number;
}): Worker[] {
  return startWorkers({ ...options, definitions: JOB_DEFINITIONS });
}
