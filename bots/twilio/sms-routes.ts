import express, { type Router } from "express";
import type { Logger } from "../../config/logger.ts";
import type { AgencyConfig } from "../../core/agencies/index.ts";
import { type InboundMessage, listStatusesBefore } from "../../core/messages/index.ts";
import type { OfficerSmsResult } from "../officers/handle-officer-sms.ts";
import type { PrismaClient } from "../../prisma/client.ts";
import { handleCustomerTurn, type TurnDeps } from "../handle-turn.ts";
import { parseInboundSms } from "./parse-inbound.ts";
import { requireTwilioSignature } from "./verify-signature.ts";
import { WEBHOOK_DEADLINE_MS, withDeadline } from "./with-deadline.ts";
import type { TwilioSettings } from "./twilio-settings.ts";

export interface SmsRouteDeps {
  settings: TwilioSettings;
  turn: TurnDeps;
  prisma: PrismaClient;
  logger: Logger;
  agencyByNumber(phone: string): AgencyConfig | undefined;
  /** Officer commands, for a From on the agency's roster; "not_officer" hands over to the intake. */
  handleOfficer(message: InboundMessage, agency: AgencyConfig): Promise<OfficerSmsResult>;
  /** Queues sending the conversation's recorded replies (never sent inline). */
  enqueueReplies(conversationId: string, turnId: string): Promise<void>;
  /** Queues a customer conversation's recorded news on its own channel (SMS or web chat). */
  notifyCustomer(conversationId: string, key: string): Promise<void>;
}

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';


/** POST /twilio/sms and POST /twilio/status: verify → parse → handle → queue replies. */
export function createSmsRoutes(deps: SmsRouteDeps): Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: "64kb" });

  router.post("/twilio/sms", form, requireTwilioSignature(deps.settings), async (req, res) => {
    const body = req.body as Record<string, string | undefined>;
    const agency = deps.agencyByNumber(body.To ?? "");
    if (!agency) {
      res.status(404).type("text/plain").send("no agency uses this number");
      return;
    }
    const message = parseInboundSms(body, agency.id, new Date());
    if (!message) {
      res.status(400).type("text/plain").send("From, To and MessageSid are required");
      return;
    }
    const sid = message.providerId ?? "";
    const work = async () => {
      const officer = await deps.handleOfficer(message, agency);
      if (officer.kind === "handled") {
        await deps.enqueueReplies(officer.conversationId, sid);
        for (const id of officer.alsoNotified) await deps.notifyCustomer(id, sid);
      }
      const result = officer.kind === "not_officer" ? await handleCustomerTurn(message, deps.turn) : officer;
      if (result.kind === "replied") await deps.enqueueReplies(result.conversationId, sid);
      // A retried webhook re-queues too, under its own job id: if the first try failed after
      // storing the message (say Redis was down) this gets the reply out, and if the first is
      // still running, its own enqueue is not swallowed by this one. Delivery is idempotent.
      if (result.kind === "duplicate") await deps.enqueueReplies(result.conversationId, `${sid}-retry-${Date.now()}`);
    };
    try {
      await withDeadline(work(), WEBHOOK_DEADLINE_MS);
      res.type("text/xml").send(EMPTY_TWIML);
    } catch (error) {
      // 503 makes Twilio retry later; the retry is deduplicated by MessageSid.
      deps.logger.error({ err: error instanceof Error ? error.message : String(error) }, "inbound SMS failed");
      res.status(503).type("text/plain").send("temporarily unavailable");
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
