import express, { type Router } from "express";
import type { Logger } from "../../config/logger.ts";
import type { AgencyConfig } from "../../core/agencies/index.ts";
import { type InboundMessage, listStatusesBefore } from "../../core/messages/index.ts";
import type { PrismaClient } from "../../prisma/client.ts";
import { sendError } from "../http-errors.ts";
import { parseInboundSms } from "./parse-inbound.ts";
import { requireTwilioSignature } from "./verify-signature.ts";
import { WEBHOOK_DEADLINE_MS, withDeadline } from "./with-deadline.ts";
import type { TwilioSettings } from "./twilio-settings.ts";

export interface SmsRouteDeps {
  settings: TwilioSettings;
  prisma: PrismaClient;
  logger: Logger;
  agencyByNumber(phone: string): AgencyConfig | undefined;
  /** Stores the message once per MessageSid (InboundSmsInbox). */
  storeInbound(message: InboundMessage & { providerId: string }): Promise<void>;
  /** Queues acting on the stored message (idempotent per MessageSid). */
  enqueueInbound(message: { providerId: string; agencyId: string; from: string }): Promise<void>;
}

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

/**
 * POST /twilio/sms and POST /twilio/status. An inbound SMS is verified, stored and queued, and
 * Twilio gets its answer at once; a worker acts on it (InboundSmsProcessor) and queues the
 * replies. Twilio waits for nothing slower than two writes, and a burst of texts waits in the
 * queue rather than in Twilio's retries.
 */
export function createSmsRoutes(deps: SmsRouteDeps): Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: "64kb" });

  router.post("/twilio/sms", form, requireTwilioSignature(deps.settings), async (req, res) => {
    const body = req.body as Record<string, string | undefined>;
    const agency = deps.agencyByNumber(body.To ?? "");
    if (!agency) {
      sendError(res, 404, "unknown_number", "No agency uses this number.");
      return;
    }
    const message = parseInboundSms(body, agency.id, new Date());
    if (!message?.providerId) {
      sendError(res, 400, "missing_field", "From, To and MessageSid are required.");
      return;
    }
    const stored = { ...message, providerId: message.providerId };
    const work = async () => {
      await deps.storeInbound(stored);
      // A retried webhook queues again: if the first try stored the message but could not queue
      // it (Redis down), this does; if it was queued, the job id makes this a no-op.
      await deps.enqueueInbound(stored);
    };
    try {
      await withDeadline(work(), WEBHOOK_DEADLINE_MS);
      res.type("text/xml").send(EMPTY_TWIML);
    } catch (error) {
      // 503 makes Twilio retry later; the retry is deduplicated by MessageSid.
      deps.logger.error({ err: error }, "inbound SMS failed");
      sendError(res, 503, "unavailable", "Temporarily unavailable; please retry.");
    }
  });

  router.post("/twilio/status", form, requireTwilioSignature(deps.settings), async (req, res) => {
    const { MessageSid: sid, MessageStatus: status, ErrorCode: errorCode } = req.body as Record<string, string>;
    const earlier = listStatusesBefore(status ?? "");
    if (!sid || earlier.length === 0) {
      res.status(204).end();
      return;
    }
    try {
      await deps.prisma.message.updateMany({
        where: { providerId: sid, status: { in: earlier as never[] } },
        data: { status: status as never, statusUpdatedAt: new Date(), ...(errorCode ? { errorCode } : {}) },
      });
      res.status(204).end();
    } catch (error) {
      deps.logger.error({ err: error instanceof Error ? error.message : String(error) }, "status callback failed");
      res.status(503).end();
    }
  });
  return router;
}
