import type { NextFunction, Request, Response } from "express";
import twilio from "twilio";
import { sendError } from "../http-errors.ts";
import type { TwilioSettings } from "./twilio-settings.ts";

/**
 * Rejects any request whose X-Twilio-Signature does not match the public URL and the form body:
 * 403 and nothing stored. The URL is rebuilt from PUBLIC_BASE_URL, as Twilio signs what it called.
 * A signed form that repeats a field (Twilio never does; a replay tool might) gets 400: every
 * handler reads one string per field, and an array would be stored or texted as one.
 */
export function requireTwilioSignature(settings: TwilioSettings) {
  return (req: Request, res: Response, next: NextFunction) => {
    const signature = req.header("x-twilio-signature") ?? "";
    const url = `${settings.publicBaseUrl()}${req.originalUrl}`;
    const params = (req.body ?? {}) as Record<string, string | string[]>;
    if (!signature || !twilio.validateRequest(settings.authToken, signature, url, params)) {
      sendError(res, 403, "invalid_signature", "The X-Twilio-Signature header does not match this request.");
      return;
    }
    const repeated = Object.keys(params).filter((key) => typeof params[key] !== "string");
    if (repeated.length > 0) {
      sendError(res, 400, "repeated_field", `Each form field must appear once: ${repeated.slice(0, 5).join(", ")} repeated.`);
      return;
    }
    next();
  };
}
