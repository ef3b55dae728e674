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
 * The file's bytes from an upload: Slack's WebClient posts them as the one part of a
 * multipart/form-data body; any other body is the file itself.
 */
function readUploadedFile(raw: Buffer, contentType: string): Buffer {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!contentType.startsWith("multipart/form-data") || !boundary) return raw;
  const delimiter = `--${boundary[1] ?? boundary[2] ?? ""}`;
  const start = raw.indexOf(delimiter);
  const headersEnd = start < 0 ? -1 : raw.indexOf("\r\n\r\n", start);
  if (headersEnd < 0) return raw;
  const end = raw.indexOf(`\r\n${delimiter}`, headersEnd);
  return raw.subarray(headersEnd + 4, end < 0 ? raw.length : end);
}

/**
 * A local stand-in of the Slack Web API for sandbox mode: Bolt's real WebClient calls it, every
 * call lands in the outbox (`channel: "slack"`) and gets the answer Slack would give.
 */
export function createSlackStandIn(settings: SlackSettings, outbox: SandboxOutbox): Router {
  const router = express.Router();
  let sequence = 0;
  // Files between their upload and files.completeUploadExternal, by file id (as Slack holds them).
  const uploads = new Map<string, Buffer>();
  const nextTs = () => {
    sequence += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(sequence).padStart(6, "0")}`;
  };
  // files.uploadV2's second step: the bytes go to the URL files.getUploadURLExternal gave, unsigned.
  router.post("/sandbox/slack/upload/:fileId", express.raw({ type: () => true, limit: "10mb" }), (req, res) => {
    const fileId = String(req.params.fileId);
    if (!uploads.has(fileId)) {
      res.status(404).send("unknown upload");
      return;
    }
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    uploads.set(fileId, readUploadedFile(raw, String(req.headers["content-type"] ?? "")));
    res.status(200).send(`OK - ${uploads.get(fileId)?.length ?? 0}`);
  });
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
      if (method === "files.getUploadURLExternal") {
        sequence += 1;
        const fileId = `F0SANDBOX${sequence}`;
        uploads.set(fileId, Buffer.alloc(0));
        res.json({ ok: true, file_id: fileId, upload_url: `${req.protocol}://${req.get("host")}/sandbox/slack/upload/${fileId}` });
        return;
      }
      if (method === "files.completeUploadExternal") {
        // Each file lands in the outbox as one entry whose body is the file's text.
        const files = Array.isArray(body.files) ? (body.files as { id?: string; title?: string }[]) : [];
        for (const file of files) {
          const content = uploads.get(String(file.id)) ?? Buffer.alloc(0);
          uploads.delete(String(file.id));
          outbox.record({
            channel: "slack",
            method,
            to: String(body.channel_id ?? ""),
            from: "detaildesk",
            body: content.toString("utf8"),
            file: { title: String(file.title ?? ""), base64: content.toString("base64") },
            ts: nextTs(),
            ...(typeof body.thread_ts === "string" ? { threadTs: body.thread_ts } : {}),
            at: new Date().toISOString(),
          });
        }
        res.json({ ok: true, files: files.map((file) => ({ id: file.id, title: file.title })) });
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
