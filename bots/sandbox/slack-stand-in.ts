import express, { type Router } from "express";
import type { SlackSettings } from "../slack/slack-settings.ts";
import type { SandboxOutbox } from "./outbox.ts";

const SANDBOX_IDS = { user_id: "U0SANDBOXBOT", bot_id: "B0SANDBOX", team_id: "T0SANDBOX", user: "detaildesk" };

/** Slack sends arrays and objects as JSON strings inside form fields. */
function readField(value: unknown): unknown {
  if (typeof value !== "string") return value;
  if (!/^[[{]/.test(value)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/**
 * A local stand-in of the Slack Web API for sandbox mode: Bolt's real WebClient calls it, every
 * call lands in the outbox (`channel: "slack"`) and gets the answer Slack would give.
 */
export function createSlackStandIn(settings: SlackSettings, outbox: SandboxOutbox): Router {
  const router = express.Router();
  let sequence = 0;
  const nextTs = () => {
    sequence += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(sequence).padStart(6, "0")}`;
  };
  router.post(
    "/sandbox/slack/api/:method",
    express.urlencoded({ extended: false, limit: "1mb" }),
    express.json({ limit: "1mb" }),
    (req, res) => {
      const method = String(req.params.method);
      const raw = (req.body ?? {}) as Record<string, unknown>;
      const token = (req.headers.authorization ?? "").replace(/^Bearer /, "") || String(raw.token ?? "");
      if (token !== settings.token) {
        res.json({ ok: false, error: "invalid_auth" });
        return;
      }
      const body = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, readField(v)]));
      if (method === "auth.test") {
        res.json({ ok: true, url: "https://sandbox.slack.invalid/", team: "Sandbox", ...SANDBOX_IDS });
        return;
      }
      const channel = String(body.channel ?? body.user_id ?? body.user ?? "");
      const isNewMessage = method === "chat.postMessage";
      const ts = isNewMessage ? nextTs() : String(body.ts ?? nextTs());
      const view = body.view as { blocks?: unknown } | undefined;
      outbox.record({
        channel: "slack",
        method,
        to: channel,
        from: "detaildesk",
        body: String(body.text ?? ""),
        blocks: body.blocks ?? view?.blocks,
        ts,
        ...(typeof body.thread_ts === "string" ? { threadTs: body.thread_ts } : {}),
        at: new Date().toISOString(),
      });
      switch (method) {
        case "chat.postMessage":
        case "chat.update":
          res.json({ ok: true, channel, ts, message: { text: body.text, blocks: body.blocks, ts } });
          return;
        case "chat.postEphemeral":
          res.json({ ok: true, message_ts: ts });
          return;
        case "views.open":
        case "views.publish":
        case "views.update":
          res.json({ ok: true, view: { id: `V${sequence}`, ...(view ?? {}) } });
          return;
        default:
          res.json({ ok: true });
      }
    },
  );
  return router;
}
