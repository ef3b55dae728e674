import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeTwilioMessage {
  accountSid: string;
  to: string;
  from: string;
  body: string;
  statusCallback: string | null;
  authorization: string | null;
}

/**
 * A local stand-in of Twilio's Messages API for tests: records what the real twilio client
 * sends; `failNext(n, status)` makes the next n calls fail with that HTTP status. `GET /fake/counts`
 * answers what it recorded (`{ messages, recipients }`), for a benchmark running it in another process.
 */
export async function startFakeTwilio(): Promise<{
  url: string;
  messages: FakeTwilioMessage[];
  /** Twilio's error code in the failures' body defaults to 20429 for a 429, else 20500. */
  failNext(count: number, status: number, code?: number): void;
  /** As failNext, after the next `ok` calls succeed: a failure in the middle of a burst. */
  failAfter(ok: number, count: number, status: number): void;
  /** Holds every response this long (ms) after recording the request; 0 = answer at once. */
  setDelay(ms: number): void;
  close(): Promise<void>;
}> {
  const messages: FakeTwilioMessage[] = [];
  let failures: { count: number; status: number; code?: number | undefined; ok?: number } = {
    count: 0,
    status: 500,
  };
  let delayMs = 0;
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => {
      raw += chunk.toString();
    });
    req.on("end", () => {
      if (req.method === "GET" && req.url === "/fake/counts") {
        const counts = { messages: messages.length, recipients: new Set(messages.map((m) => m.to)).size };
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(counts));
        return;
      }
      const match = /^\/2010-04-01\/Accounts\/(AC\w+)\/Messages\.json$/.exec(req.url ?? "");
      if (req.method !== "POST" || !match) {
        res
          .writeHead(404, { "content-type": "application/json" })
          .end(JSON.stringify({ code: 20404, status: 404 }));
        return;
      }
      if (failures.count > 0 && (failures.ok ?? 0) > 0) {
        failures.ok = (failures.ok ?? 0) - 1;
      } else if (failures.count > 0) {
        failures.count -= 1;
        res.writeHead(failures.status, { "content-type": "application/json" }).end(
          JSON.stringify({
            code: failures.code ?? (failures.status === 429 ? 20429 : 20500),
            message: "fake failure",
            status: failures.status,
          }),
        );
        return;
      }
      const form = new URLSearchParams(raw);
      const message = {
        accountSid: match[1] ?? "",
        to: form.get("To") ?? "",
        from: form.get("From") ?? "",
        body: form.get("Body") ?? "",
        statusCallback: form.get("StatusCallback"),
        authorization: req.headers.authorization ?? null,
      };
      messages.push(message);
      const sid = `SM${randomBytes(16).toString("hex")}`;
      const answer = () =>
        res
          .writeHead(201, { "content-type": "application/json" })
          .end(
            JSON.stringify({ sid, status: "queued", to: message.to, from: message.from, body: message.body }),
          );
      if (delayMs > 0) setTimeout(answer, delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    messages,
    failNext(count, status, code) {
      failures = { count, status, code };
    },
    failAfter(ok, count, status) {
      failures = { count, status, ok };
    },
    setDelay(ms) {
      delayMs = ms;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
