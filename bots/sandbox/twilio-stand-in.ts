import { randomBytes } from "node:crypto";
import express, { type Router } from "express";
import twilio from "twilio";
import type { Logger } from "../../config/logger.ts";
import type { TwilioSettings } from "../twilio/twilio-settings.ts";
import type { SandboxOutbox } from "./outbox.ts";

/**
 * A local stand-in of Twilio's Messages API for sandbox mode: the real twilio client posts here,
 * the message lands in the outbox, and signed status callbacks follow as Twilio would send them.
 */
export function createTwilioStandIn(settings: TwilioSettings, outbox: SandboxOutbox, logger: Logger): Router {
  const router = express.Router();
  router.post(
    "/sandbox/twilio/2010-04-01/Accounts/:accountSid/Messages.json",
    express.urlencoded({ extended: false }),
    (req, res) => {
      const expected = `Basic ${Buffer.from(`${settings.accountSid}:${settings.authToken}`).toString("base64")}`;
      if (req.headers.authorization !== expected || req.params.accountSid !== settings.accountSid) {
        res.status(401).json({ code: 20003, message: "Authenticate", status: 401 });
        return;
      }
      const { To: to, From: from, Body: body, StatusCallback: statusCallback } = req.body as Record<string, string>;
      if (!to || !from || body === undefined) {
        res.status(400).json({ code: 21604, message: "A 'To', 'From' and 'Body' are required", status: 400 });
        return;
      }
      const sid = `SM${randomBytes(16).toString("hex")}`;
      const at = new Date().toISOString();
      outbox.record({ channel: "sms", to, from, body, at });
      res.status(201).json({ sid, account_sid: settings.accountSid, to, from, body, status: "queued", date_created: at });
      if (statusCallback) void sendStatusCallbacks(statusCallback, sid, settings, logger);
    },
  );
  return router;
}

async function sendStatusCallbacks(url: string, sid: string, settings: TwilioSettings, logger: Logger): Promise<void> {
  for (const status of ["sent", "delivered"]) {
    const params = { MessageSid: sid, MessageStatus: status, AccountSid: settings.accountSid };
    const signature = twilio.getExpectedTwilioSignature(settings.authToken, url, params);
    const local = new URL(url);
    const target = new URL(settings.apiBaseUrl() ?? url);
    local.host = target.host;
    local.protocol = target.protocol;
    try {
      await fetch(local, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature },
        body: new URLSearchParams(params),
      });
    } catch (error) {
      logger.debug({ err: error instanceof Error ? error.message : String(error) }, "sandbox status callback failed");
    }
  }
}
