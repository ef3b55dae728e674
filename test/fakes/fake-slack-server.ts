import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One Web API call as the fake received it; form fields holding JSON are parsed. */
export interface SlackApiCall {
  method: string;
  token: string | null;
  args: Record<string, unknown>;
  /** ts the fake gave a chat.postMessage (or the ts a chat.update named). */
  ts: string | null;
  /** Whether the fake has answered it yet (a delayed answer is still pending). */
  answered: boolean;
}

export interface FakeSlackServer {
  /** Base address for the WebClient's slackApiUrl, ending in /api/. */
  apiUrl: string;
  calls: SlackApiCall[];
  /** Calls of one method, oldest first. */
  callsOf(method: string): SlackApiCall[];
  /** Makes every answer wait this long (ms), as a slow Slack would. */
  setDelay(ms: number): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function parseArgs(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes("application/json")) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return out;
}

/**
 * A real local HTTP server standing in for the Slack Web API (https://slack.com/api/METHOD),
 * answering like Slack does: HTTP 200 with `{ ok, ... }`. Bolt's real WebClient talks to it.
 */
export async function startFakeSlackServer(expectedToken = "xoxb-test"): Promise<FakeSlackServer> {
  const calls: SlackApiCall[] = [];
  let sequence = 0;
  let delayMs = 0;
  const server: Server = createServer(async (req, res) => {
    const method = (req.url ?? "").replace(/^\/api\//, "").split("?")[0] ?? "";
    const args = parseArgs(await readBody(req), String(req.headers["content-type"] ?? ""));
    const token = String(req.headers.authorization ?? "").replace(/^Bearer /, "") || (args.token as string) || null;
    let call: SlackApiCall | undefined;
    const send = (body: object) => {
      const answer = () => {
        if (call) call.answered = true;
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (delayMs > 0) setTimeout(answer, delayMs);
      else answer();
    };
    if (token !== expectedToken) {
      call = { method, token, args, ts: null, answered: false };
      calls.push(call);
      send({ ok: false, error: "invalid_auth" });
      return;
    }
    sequence += 1;
    const ts = method === "chat.postMessage" ? `1700000000.${String(sequence).padStart(6, "0")}` : ((args.ts as string) ?? null);
    call = { method, token, args, ts, answered: false };
    calls.push(call);
    switch (method) {
      case "auth.test":
        send({ ok: true, user_id: "UFAKEBOT", bot_id: "BFAKE", team_id: "TFAKE", user: "detaildesk" });
        return;
      case "chat.postMessage":
      case "chat.update":
        send({ ok: true, channel: args.channel, ts, message: { text: args.text, ts } });
        return;
      case "chat.postEphemeral":
        send({ ok: true, message_ts: `1700000001.${sequence}` });
        return;
      case "views.open":
      case "views.publish":
        send({ ok: true, view: { id: `VFAKE${sequence}` } });
        return;
      default:
        send({ ok: true });
    }
  });
  server.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    calls,
    callsOf: (method) => calls.filter((c) => c.method === method),
    setDelay: (ms) => {
      delayMs = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        delayMs = 0;
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
