import { createHash } from "node:crypto";
import { Queue } from "bullmq";
import { NO_SHOW_GRACE_MINUTES, REMINDER_MINUTES_BEFORE } from "./jobs/request-staffed.ts";
import { type SmsLane, toJobPriority } from "./limits/sms-lanes.ts";
import { DEFAULT_JOB_OPTIONS, QUEUES } from "./queues.ts";
import { coalesceAdds } from "./coalesce-adds.ts";
import { queueConnection } from "./queue-prefix.ts";
import type { RedisConnection } from "./redis-connection.ts";

/** The queues a process enqueues into, with typed helpers; job ids make every enqueue idempotent. */
/** Minutes an approval may wait before a reminder, and again before escalation (default 30). */
export function createQueueSet(
  connection: RedisConnection,
  prefix: string,
  approvalTimeoutMinutes = 30,
  /** Connection errors of the queues (Redis down); without it BullMQ prints them to the console. */
  onError: (error: Error) => void = () => undefined,
) {
  const inbound = new Queue(QUEUES.inbound, queueConnection(connection, prefix, QUEUES.inbound));
  const outbound = new Queue(QUEUES.outbound, queueConnection(connection, prefix, QUEUES.outbound));
  const outboundBulk = new Queue(QUEUES.outboundBulk, queueConnection(connection, prefix, QUEUES.outboundBulk));
  const broadcast = new Queue(QUEUES.broadcast, queueConnection(connection, prefix, QUEUES.broadcast));
  const approvals = new Queue(QUEUES.approvals, queueConnection(connection, prefix, QUEUES.approvals));
  const reminders = new Queue(QUEUES.reminders, queueConnection(connection, prefix, QUEUES.reminders));
  const slack = new Queue(QUEUES.slack, queueConnection(connection, prefix, QUEUES.slack));
  const maintenance = new Queue(QUEUES.maintenance, queueConnection(connection, prefix, QUEUES.maintenance));
  const addInbound = coalesceAdds(inbound);
  // BullMQ job ids may not contain ":"; keys come from ids and Slack timestamps.
  const safe = (key: string) => key.replace(/:/g, "_");
  // More attempts than other jobs: retries must outlast a dead worker's claim on a message.
  // The lane orders sends in the queue and in the per-sender budget (limits/sms-lanes.ts).
  const smsJob = (conversationId: string, turnId: string, lane: SmsLane) => {
    const priority = toJobPriority(lane);
    return {
      name: "send-sms",
      data: { conversationId, lane },
      opts: {
        ...DEFAULT_JOB_OPTIONS,
        attempts: 10,
        jobId: safe(`sms-${conversationId}-${turnId}`),
        ...(priority === undefined ? {} : { priority }),
      },
    };
  };
  // Offers have a queue of their own: their jobs wait long for the sender's budget, and replies
  // must find a free worker at once. Both share the budget, offers last (limits/sms-lanes.ts).
  const smsQueue = (lane: SmsLane) => (lane === "broadcast" ? outboundBulk : outbound);
  /** Queues sending a conversation's recorded SMS; `lane` defaults to "reply" (someone waits on it). */
  async function enqueueSms(conversationId: string, turnId: string, lane: SmsLane = "reply"): Promise<void> {
    const job = smsJob(conversationId, turnId, lane);
    await smsQueue(lane).add(job.name, job.data, job.opts);
  }
  /** Runs the recovery sweep every `everyMs` (one schedule however many processes call this). */
  async function scheduleRecovery(everyMs = 30_000): Promise<void> {
    if (everyMs === 0) {
      await maintenance.removeJobScheduler("recover-stranded");
      return;
    }
    await maintenance.upsertJobScheduler(
      "recover-stranded",
      { every: everyMs },
      { name: "recover-stranded", data: {}, opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } } },
    );
  }
  /**
   * Closes the accounts' billing cycles every `everyMs` (hourly by default: a cycle ends at local
   * midnight, in each agency's zone); one schedule however many processes call this. 0 = off.
   */
  async function scheduleBillingCycles(everyMs = 3_600_000): Promise<void> {
    if (everyMs === 0) {
      await maintenance.removeJobScheduler("close-billing-cycles");
      return;
    }
    await maintenance.upsertJobScheduler(
      "close-billing-cycles",
      { every: everyMs },
      { name: "close-billing-cycles", data: {}, opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } } },
    );
  }
  for (const queue of [inbound, outbound, outboundBulk, broadcast, approvals, reminders, slack, maintenance]) queue.on("error", onError);
  return {
    inbound,
    outbound,
    outboundBulk,
    broadcast,
    approvals,
    reminders,
    slack,
    maintenance,
    all: [inbound, outbound, outboundBulk, broadcast, approvals, reminders, slack, maintenance],
    /** The repeatable routines: the recovery sweep and the billing cycle close (0 = off). */
    async scheduleRoutines(recoveryEveryMs: number, billingEveryMs: number): Promise<void> {
      await scheduleRecovery(recoveryEveryMs);
      await scheduleBillingCycles(billingEveryMs);
    },
    scheduleRecovery,
    /**
     * Queues acting on a stored inbound SMS; the webhook and its retries share one job id, the
     * recovery sweep passes a `key` of its own (a job that failed for good keeps its id).
     */
    async enqueueInboundSms(
      message: { providerId: string; agencyId: string; from: string },
      key?: string,
      /** Runs it later (ms): a sender over the inbound limit waits until the window frees. */
      delayMs = 0,
    ): Promise<void> {
      const { providerId } = message;
      // Coalesced: every inbound SMS webhook queues one job; a tick's go to Redis together.
      await addInbound({
        name: "process-inbound-sms",
        data: { providerId, agencyId: message.agencyId, from: message.from },
        opts: {
          ...DEFAULT_JOB_OPTIONS,
          attempts: 10,
          jobId: safe(key ? `inbound-${providerId}-${key}` : `inbound-${providerId}`),
          ...(delayMs > 0 ? { delay: delayMs } : {}),
        },
      });
    },
    enqueueSms,
    /** enqueueSms for many conversations in one Redis round trip (a wave of offers: lane "broadcast"). */
    async enqueueSmsBatch(items: { conversationId: string; turnId: string }[], lane: SmsLane = "reply"): Promise<void> {
      if (items.length > 0) await smsQueue(lane).addBulk(items.map((item) => smsJob(item.conversationId, item.turnId, lane)));
    },
    /**
     * Queues sending a wave's offer texts, one send-offer-batch job per batch of conversations, in
     * one Redis round trip, in the broadcast lane; a batch's id comes from its conversations and
     * the time it was queued.
     *
     * Why the time: the caller queues only texts it has just recorded (recordOfferBatch returns
     * nothing on a re-run), so each call is new work. A refill that re-offers the same officers in
     * the same wave number would otherwise get the id of the first batch, kept for a day once
     * completed, and wait for the recovery sweep; a rare double enqueue costs one claim, never a
     * double text (the messages are claimed).
     */
    async enqueueOfferSends(batches: string[][], key: string): Promise<void> {
      const priority = toJobPriority("broadcast");
      // Also in the payload: a busy conversation's send-sms job is keyed by it, and needs a fresh id too.
      const runKey = `${key}-at-${Date.now()}`;
      const jobs = batches.map((conversationIds) => ({
        name: "send-offer-batch",
        data: { conversationIds, key: runKey },
        opts: {
          ...DEFAULT_JOB_OPTIONS,
          attempts: 10,
          jobId: safe(`offers-${runKey}-${createHash("sha256").update(conversationIds.join()).digest("hex").slice(0, 24)}`),
          ...(priority === undefined ? {} : { priority }),
        },
      }));
      if (jobs.length > 0) await outboundBulk.addBulk(jobs);
    },
    /** Queues delivery of a conversation's recorded messages on its channel. */
    async deliverToCustomer(conversationId: string, channel: "sms" | "web", key: string): Promise<void> {
      if (channel === "sms") {
        await enqueueSms(conversationId, key);
        return;
      }
      await outbound.add(
        "send-web",
        { conversationId },
        { ...DEFAULT_JOB_OPTIONS, attempts: 8, jobId: safe(`web-${conversationId}-${key}`) },
      );
    },
    /** Posts (post=true, once per request) or refreshes the approval card of a request in Slack. */
    async syncRequestCard(requestId: string, key: string, post = false): Promise<void> {
      await slack.add(
        "slack-card",
        { requestId, post },
        { ...DEFAULT_JOB_OPTIONS, attempts: 8, jobId: safe(post ? `card-post-${requestId}` : `card-${requestId}-${key}`) },
      );
    },
    /** A line in the thread of a request's card (staffing updates, reminders); once per key. */
    async postRequestNotice(requestId: string, key: string, text: string): Promise<void> {
      await slack.add(
        "slack-request-notice",
        { requestId, text },
        { ...DEFAULT_JOB_OPTIONS, attempts: 8, jobId: safe(`notice-${requestId}-${key}`) },
      );
    },
    /**
     * Posts an invoice in Slack (its request's card thread, else the approvals channel) the first
     * time, refreshes that message after; once per invoice and key.
     */
    async postInvoiceToSlack(invoiceId: string, key: string): Promise<void> {
      await slack.add(
        "slack-invoice",
        { invoiceId },
        { ...DEFAULT_JOB_OPTIONS, attempts: 8, jobId: safe(`invoice-${invoiceId}-${key}`) },
      );
    },
    /** Opens (or refreshes) the dispatcher thread of a conversation, with an optional note in it. */
    async syncDispatchThread(
      conversationId: string,
      key: string,
      reason: "asked_for_agent" | "misunderstood" | "voicemail" | "flagged" | "refresh",
      note?: string,
    ): Promise<void> {
      await slack.add(
        "slack-dispatch-thread",
        { conversationId, reason, ...(note ? { note } : {}) },
        { ...DEFAULT_JOB_OPTIONS, attempts: 8, jobId: safe(`dispatch-${conversationId}-${key}`) },
      );
    },
    /** Posts a customer's message into the dispatcher thread of its conversation. */
    async relayToDispatcher(messageId: string): Promise<void> {
      await slack.add("slack-relay-message", { messageId }, { ...DEFAULT_JOB_OPTIONS, attempts: 8, jobId: `relay-${messageId}` });
    },
    /**
     * Posts the customer messages held back from a conversation's dispatcher thread (over its
     * Slack budget) in one update, after `delayMs`; once per conversation and key.
     */
    async relayBacklogToDispatcher(conversationId: string, key: string, delayMs: number): Promise<void> {
      await slack.add(
        "slack-relay-backlog",
        { conversationId },
        {
          ...DEFAULT_JOB_OPTIONS,
          attempts: 8,
          jobId: safe(`relay-backlog-${conversationId}-${key}`),
          ...(delayMs > 0 ? { delay: delayMs } : {}),
        },
      );
    },
    async enqueueBroadcastWave(requestId: string, wave: number, delayMs: number): Promise<void> {
      // A later wave wanted now is a refill (DROP, no-show): the finished or still-waiting job of
      // that wave number must not swallow it, so it gets an id of its own.
      const refill = wave > 0 && delayMs === 0;
      await broadcast.add(
        "broadcast-wave",
        { requestId, wave },
        { ...DEFAULT_JOB_OPTIONS, jobId: refill ? `wave-${requestId}-${wave}-at-${Date.now()}` : `wave-${requestId}-${wave}`, delay: delayMs },
      );
    },
    /**
     * Runs wave `wave` of a request's offers now, because a supervisor asked: the wave already
     * waiting out its interval is promoted (so it does not run twice), else one is queued under
     * `key` (the wave's own job id may belong to a run that already finished).
     */
    async rebroadcastNow(requestId: string, wave: number, key: string): Promise<void> {
      const waiting = await broadcast.getJob(`wave-${requestId}-${wave}`);
      const state = waiting ? await waiting.getState() : null;
      if (waiting && state === "delayed") {
        // It may start on its own between the two calls; then it runs now all the same.
        await waiting.promote().catch(() => undefined);
        return;
      }
      if (state === "waiting" || state === "active" || state === "prioritized" || state === "waiting-children") return;
      await broadcast.add(
        "broadcast-wave",
        { requestId, wave },
        { ...DEFAULT_JOB_OPTIONS, jobId: safe(`wave-${requestId}-${wave}-now-${key}`) },
      );
    },
    async enqueueOpenApprovals(requestNumber: number): Promise<void> {
      await approvals.add("open-approvals", { requestNumber }, { ...DEFAULT_JOB_OPTIONS, jobId: `approvals-${requestNumber}` });
    },
    async scheduleApprovalTimeout(requestId: string, round: number): Promise<void> {
      if (round > 3) return;
      await approvals.add(
        "approval-timeout",
        { requestId, round },
        { ...DEFAULT_JOB_OPTIONS, jobId: `approval-timeout-${requestId}-${round}`, delay: approvalTimeoutMinutes * 60_000 },
      );
    },
    async enqueueRequestCancelled(requestNumber: number): Promise<void> {
      await broadcast.add(
        "request-cancelled",
        { requestNumber },
        { ...DEFAULT_JOB_OPTIONS, jobId: `cancelled-${requestNumber}` },
      );
    },
    /** Staffing notices; a request is staffed again after a refill, so each call is its own job (the job is idempotent). */
    async enqueueRequestStaffed(requestId: string): Promise<void> {
      await reminders.add("request-staffed", { requestId }, { ...DEFAULT_JOB_OPTIONS, jobId: `staffed-${requestId}-${Date.now()}` });
    },
    async scheduleShiftTimers(requestId: string, start: Date): Promise<void> {
      const now = Date.now();
      const reminderAt = start.getTime() - REMINDER_MINUTES_BEFORE * 60_000;
      const noShowAt = start.getTime() + NO_SHOW_GRACE_MINUTES * 60_000;
      await reminders.add(
        "shift-reminder",
        { requestId },
        { ...DEFAULT_JOB_OPTIONS, jobId: `reminder-${requestId}-${start.getTime()}`, delay: Math.max(0, reminderAt - now) },
      );
      await reminders.add(
        "no-show-check",
        { requestId },
        { ...DEFAULT_JOB_OPTIONS, jobId: `noshow-${requestId}-${start.getTime()}`, delay: Math.max(0, noShowAt - now) },
      );
    },
    /**
     * Closes a request's forgotten check-outs at `closeAt` (its end plus the agency's
     * checkOutGraceMinutes): one job per request and instant, so every accept and check-in may
     * ask for it and a moved end gets a job of its own.
     */
    async scheduleCheckOutClose(requestId: string, closeAt: Date): Promise<void> {
      await reminders.add(
        "close-forgotten-check-outs",
        { requestId },
        {
          ...DEFAULT_JOB_OPTIONS,
          jobId: `checkout-close-${requestId}-${closeAt.getTime()}`,
          delay: Math.max(0, closeAt.getTime() - Date.now()),
        },
      );
    },
    /** Drafts the invoice of a finished request (completed, or cancelled with a fee); once per request. */
    async enqueueInvoiceDraft(requestId: string): Promise<void> {
      await maintenance.add("draft-invoice", { requestId }, { ...DEFAULT_JOB_OPTIONS, jobId: `invoice-draft-${requestId}` });
    },
    scheduleBillingCycles,
    /** Tells an issued invoice's customer it is ready, with the link to it; once per invoice. */
    async notifyCustomerOfInvoice(invoiceId: string): Promise<void> {
      await reminders.add("customer-invoice-notice", { invoiceId }, { ...DEFAULT_JOB_OPTIONS, jobId: `invoice-notice-${invoiceId}` });
    },
    async close(): Promise<void> {
      await Promise.all([inbound.close(), outbound.close(), outboundBulk.close(), broadcast.close(), approvals.close(), reminders.close(), slack.close(), maintenance.close()]);
    },
  };
}

export type QueueSet = ReturnType<typeof createQueueSet>;
