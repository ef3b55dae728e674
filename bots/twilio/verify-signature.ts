import type { NextFunction, Request, Response } from "express";
// The signature check alone: the package's index also loads its REST client (~15 MB more), which
// a web process never uses (workers build it: create-twilio-client.ts).
import { validateRequest } from "twilio/lib/webhooks/webhooks.js";
import { sendError } from "../http-errors.ts";
import type { TwilioSettings } from "./twilio-settings.ts";

/** Why a Twilio webhook is refused: the status and the coded error it is answered with. */
export interface SignatureRefusal {
  status: 400 | 403;
  code: "invalid_signature" | "repeated_field";
  message: string;
}

/**
 * Checks a webhook's X-Twilio-Signature against the public URL (PUBLIC_BASE_URL + `pathAndQuery`,
 * as Twilio signs what it called) and the parsed form; null when it may go on. A signed form that
 * repeats a field (Twilio never does; a replay tool might) is refused too: every handler reads one
 * string per field, and an array would be stored or texted as one.
 */
export function checkTwilioSignature(
  settings: TwilioSettings,
  signature: string,
  pathAndQuery: string,
  params: Record<string, string | string[]>,
): SignatureRefusal | null {
  const url = `${settings.publicBaseUrl()}${pathAndQuery}`;
  if (!signature || !validateRequest(settings.authToken, signature, url, params)) {
    return { status: 403, code: "invalid_signature", message: "The X-Twilio-Signature header does not match this request." };
  }
  const repeated = Object.keys(params).filter((key) => typeof params[key] !== "string");
  if (repeated.length > 0) {
    return { status: 400, code: "repeated_field", message: `Each form field must appear once: ${repeated.slice(0, 5).join(", ")} repeated.` };
  }
  return null;
}

/** checkTwilioSignature as express middleware, after the form parser: 403 (or 400) and nothing stored. */
export function requireTwilioSignature(settings: TwilioSettings) {
  return (req: Request, res: Response, next: NextFunction) => {
    const params = (req.body ?? {}) as Record<string, string | string[]>;
    const refusal = checkTwilioSignature(settings, req.header("x-twilio-signature") ?? "", req.originalUrl, params);
    if (refusal) {
      sendError(res, refusal.status, refusal.code, refusal.message);
      return;
    }
    next();
  };
}
