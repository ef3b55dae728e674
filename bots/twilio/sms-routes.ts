import express, { type Router } from "express";
import type { Logger } from "../../config/logger.ts";
import type { AgencyConfig } from "../../core/agencies/index.ts";
import type { InboundMessage } from "../../core/messages/index.ts";
import type { DeliveryStatusUpdate } from "../../prisma/repositories/delivery-status-updates.ts";
import { sendError } from "../http-errors.ts";
import { parseInboundSms } from "./parse-inbound.ts";
import { requireTwilioSignature } from "./verify-signature.ts";
import { WEBHOOK_DEADLINE_MS, withDeadline } from "./with-deadline.ts";
import type { TwilioSettings } from "./twilio-settings.ts";

export interface SmsRouteDeps {
  settings: TwilioSettings;
  logger: Logger;
  agencyByNumber(phone: string): AgencyConfig | undefined;
  /** Stores the message once per MessageSid (InboundSmsInbox). */
  storeInbound(message: InboundMessage & { providerId: string }): Promise<void>;
  /** Queues acting on the stored message (idempotent per MessageSid). */
  enqueueInbound(message: { providerId: string; agencyId: string; from: string }): Promise<void>;
  /** Moves a sent message's status forward only (recordDeliveryStatus, on the pg pool). */
  recordDeliveryStatus(update: DeliveryStatusUpdate): Promise<unknown>;
}

export const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

/** What POST /twilio/sms answers to a signed form: the empty TwiML, or a coded error. */
export type InboundSmsAnswer = { status: 200 } | { status: 400 | 404 | 503; code: string; message: string };

/**
 * The inbound SMS webhook after its signature check, whichever server read the request (the
 * express route below, or sms-fast-path.ts): finds the agency, stores the message and queues
 * acting on it. Twilio waits for nothing slower than those two writes, and a burst of texts waits
 * in the queue rather than in Twilio's retries.
 */
export async function answerInboundSms(
  deps: Pick<SmsRouteDeps, "agencyByNumber" | "storeInbound" | "enqueueInbound" | "logger">,
  body: Record<string, string | undefined>,
): Promise<InboundSmsAnswer> {
  const agency = deps.agencyByNumber(body.To ?? "");
  if (!agency) return { status: 404, code: "unknown_number", message: "No agency uses this number." };
  const message = parseInboundSms(body, agency.id, new Date());
  if (!message?.providerId) return { status: 400, code: "missing_field", message: "From, To and MessageSid are required." };
  const stored = { ...message, providerId: message.providerId };
  const work = async () => {
    await deps.storeInbound(stored);
    // A retried webhook queues again: if the first try stored the message but could not queue
    // it (Redis down), this does; if it was queued, the job id makes this a no-op.
    await deps.enqueueInbound(stored);
  };
  try {
    await withDeadline(work(), WEBHOOK_DEADLINE_MS);
    return { status: 200 };
  } catch (error) {
    // 503 makes Twilio retry later; the retry is deduplicated by MessageSid.
    deps.logger.error({ err: error }, "inbound SMS failed");
    return { status: 503, code: "unavailable", message: "Temporarily unavailable; please retry." };
  }
}

/**
 * POST /twilio/sms and POST /twilio/status. An inbound SMS is verified, stored and queued, and
 * Twilio gets its answer at once; a worker acts on it (InboundSmsProcessor) and queues the
 * replies. The plain SMS webhook is usually answered before express sees it (sms-fast-path.ts);
 * this route takes whatever that leaves (another encoding, path spelling or content type).
 */
export function createSmsRoutes(deps: SmsRouteDeps): Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: "64kb" });

  router.post("/twilio/sms", form, requireTwilioSignature(deps.settings), async (req, res) => {
    const answer = await answerInboundSms(deps, req.body as Record<string, string | undefined>);
    if (answer.status === 200) res.type("text/xml").send(EMPTY_TWIML);
    else sendError(res, answer.status, answer.code, answer.message);
  });

  // Twilio calls this for every outbound SMS: 204 whether or not the message moved (an unknown
  // MessageSid or a late status is no error), 503 when the database is unreachable (Twilio retries).
  router.post("/twilio/status", form, requireTwilioSignature(deps.settings), async (req, res) => {
    const { MessageSid: sid, MessageStatus: status, ErrorCode: errorCode } = req.body as Record<string, string | undefined>;
    try {
      await deps.recordDeliveryStatus({ providerId: sid ?? "", status: status ?? "", errorCode, at: new Date() });
      res.status(204).end();
    } catch (error) {
      deps.logger.error({ err: error instanceof Error ? error.message : String(error) }, "status callback failed");
      res.status(503).end();
    }
  });
  return router;
}
