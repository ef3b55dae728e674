import { isValidSlackRequest } from "@slack/bolt";
import express, { type RequestHandler } from "express";
import { sendError } from "../http-errors.ts";

/** How far a request's timestamp may be from our clock either way (s): Slack's 5 minutes. */
export const SLACK_TIMESTAMP_WINDOW_SECONDS = 5 * 60;

/**
 * Slack's request signature (HMAC-SHA256 over "v0:ts:body", 5-minute window), checked before
 * Bolt sees the request: an unsigned, wrongly signed or stale request gets 403 and nothing runs.
 * Bolt's check only refuses timestamps in the past; a signed request stamped ahead of our clock
 * could be replayed until that time has passed, so those are refused too.
 * The raw body is handed on as `rawBody`, which Bolt's receiver reads instead of the stream.
 */
export function requireSlackSignature(signingSecret: string, now: () => number = Date.now): RequestHandler[] {
  return [
    express.raw({ type: () => true, limit: "1mb" }),
    (req, res, next) => {
      const body = Buffer.isBuffer(req.body) ? req.body.toString("utf8") : "";
      const signature = req.headers["x-slack-signature"];
      const timestamp = Number(req.headers["x-slack-request-timestamp"]);
      const valid =
        typeof signature === "string" &&
        Number.isFinite(timestamp) &&
        timestamp <= now() / 1000 + SLACK_TIMESTAMP_WINDOW_SECONDS &&
        isValidSlackRequest({
          signingSecret,
          body,
          headers: { "x-slack-signature": signature, "x-slack-request-timestamp": timestamp },
          nowMilliseconds: now(),
        });
      if (!valid) {
        sendError(res, 403, "invalid_signature", "The Slack signature or timestamp of this request is not valid.");
        return;
      }
      (req as unknown as { rawBody: Buffer }).rawBody = req.body as Buffer;
      next();
    },
  ];
}
