import type { NextFunction, Request, Response } from "express";
import twilio from "twilio";
import type { TwilioSettings } from "./twilio-settings.ts";

/**
 * Rejects any request whose X-Twilio-Signature does not match the public URL and the form body:
 * 403 and nothing stored. The URL is rebuilt from PUBLIC_BASE_URL, as Twilio signs what it called.
 */
export function requireTwilioSignature(settings: TwilioSettings) {
  return (req: Request, res: Response, next: NextFunction) => {
    const signature = req.header("x-twilio-signature") ?? "";
    const url = `${settings.publicBaseUrl()}${req.originalUrl}`;
    const params = (req.body ?? {}) as Record<string, string>;
    if (!signature || !twilio.validateRequest(settings.authToken, signature, url, params)) {
      res.status(403).type("text/plain").send("invalid Twilio signature");
      return;
    }
    next();
  };
}
