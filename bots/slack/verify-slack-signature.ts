import { isValidSlackRequest } from "@slack/bolt";
import express, { type RequestHandler } from "express";

/**
 * Slack's request signature (HMAC-SHA256 over "v0:ts:body", 5-minute window), checked before
 * Bolt sees the request: an unsigned, wrongly signed or stale request gets 403 and nothing runs.
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
        isValidSlackRequest({
          signingSecret,
          body,
          headers: { "x-slack-signature": signature, "x-slack-request-timestamp": timestamp },
          nowMilliseconds: now(),
        });
      if (!valid) {
        res.status(403).type("text/plain").send("invalid Slack signature");
        return;
      }
      (req as unknown as { rawBody: Buffer }).rawBody = req.body as Buffer;
      next();
    },
  ];
}
