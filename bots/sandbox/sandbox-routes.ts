import express, { type Router } from "express";
import twilio from "twilio";
import { z } from "zod";
import type { TwilioSettings } from "../twilio/twilio-settings.ts";
import type { SandboxOutbox } from "./outbox.ts";

const InboundSmsSchema = z.object({
  from: z.string().regex(/^\+[1-9]\d{7,14}$/, "must be an E.164 number such as +15205550123"),
  to: z.string().regex(/^\+[1-9]\d{7,14}$/, "must be an E.164 number such as +15205550100"),
  body: z.string().max(1600),
});

let sandboxSequence = 0;

/**
 * Sandbox-only routes: the outbox of every platform in sandbox mode, and (only while Twilio itself
 * is in sandbox mode, so real credentials never sign a forged webhook) an inbound SMS delivered
 * through the same path as a signed Twilio webhook.
 */
export function createSandboxRoutes(settings: TwilioSettings, outbox: SandboxOutbox, localBaseUrl: () => string): Router {
  const router = express.Router();
  router.get("/sandbox/outbox", (_req, res) => {
    res.json(outbox.list());
  });
  if (settings.mode !== "sandbox") return router;
  router.post("/sandbox/sms", express.json({ limit: "16kb" }), async (req, res) => {
    const parsed = InboundSmsSchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ errors: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) });
      return;
    }
    sandboxSequence += 1;
    const sid = `SM${Date.now().toString(16)}${String(sandboxSequence).padStart(8, "0")}`.padEnd(34, "0").slice(0, 34);
    const params = {
      MessageSid: sid,
      AccountSid: settings.accountSid,
      From: parsed.data.from,
      To: parsed.data.to,
      Body: parsed.data.body,
      NumMedia: "0",
    };
    const publicUrl = `${settings.publicBaseUrl()}/twilio/sms`;
    const signature = twilio.getExpectedTwilioSignature(settings.authToken, publicUrl, params);
    const response = await fetch(`${localBaseUrl()}/twilio/sms`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature },
      body: new URLSearchParams(params),
    });
    res.status(response.status).json({ messageSid: sid, status: response.status, twiml: await response.text() });
  });
  return router;
}
