import { createServer, request, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface LoadBalancer {
  url: string;
  /** Requests each backend answered, by backend URL. */
  answered: Map<string, number>;
  close(): Promise<void>;
}

/** Connection errors before a connection was made: the request never reached the backend, another may take it. */
const NOT_DELIVERED = new Set(["ECONNREFUSED", "ECONNRESET", "EHOSTUNREACH", "ENETUNREACH"]);

/**
 * A local round-robin HTTP balancer in front of `backends` (http://host:port each), like the one
 * a deployment puts before its web processes. A backend that refuses the connection (its process
 * is gone) is skipped and the next one tried, so a dead web process costs no request. A backend
 * that dies while it holds a request answers 502: whether it acted is unknown, and the sender
 * (Twilio) retries, which the app deduplicates.
 */
export async function startLoadBalancer(backends: string[], port = 0): Promise<LoadBalancer> {
  let next = 0;
  const answered = new Map(backends.map((backend) => [backend, 0]));
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const start = next;
      next = (next + 1) % backends.length;
      const attempt = (tries: number) => {
        const backend = backends[(start + tries) % backends.length] ?? "";
        forward(backend, req.method ?? "GET", req.url ?? "/", req.headers, body, (outcome) => {
          if (outcome.kind === "answered") {
            answered.set(backend, (answered.get(backend) ?? 0) + 1);
            res.writeHead(outcome.status, outcome.headers).end(outcome.body);
          } else if (outcome.kind === "not_delivered" && tries + 1 < backends.length) {
            attempt(tries + 1);
          } else {
            res.writeHead(502, { "content-type": "text/plain" }).end(`bad gateway: ${outcome.reason}`);
          }
        });
      };
      attempt(0);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    answered,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type Outcome =
  | { kind: "answered"; status: number; headers: IncomingHttpHeaders; body: Buffer }
  | { kind: "not_delivered" | "failed"; reason: string };

function forward(
  backend: string,
  method: string,
  path: string,
  headers: IncomingHttpHeaders,
  body: Buffer,
  report: (outcome: Outcome) => void,
): void {
  let reported = false;
  const done = (outcome: Outcome) => {
    if (reported) return;
    reported = true;
    report(outcome);
  };
  const target = new URL(path, backend);
  const { host: _host, connection: _connection, ...rest } = headers;
  let sent = false;
  const upstream = request(
    target,
    { method, headers: { ...rest, "content-length": String(body.length) }, agent: false },
    (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const { connection: _c, "transfer-encoding": _t, ...kept } = response.headers;
        done({ kind: "answered", status: response.statusCode ?? 502, headers: kept, body: Buffer.concat(chunks) });
      });
      response.on("error", (error) => done({ kind: "failed", reason: error.message }));
    },
  );
  upstream.on("socket", (socket) => socket.once("connect", () => (sent = true)));
  upstream.on("error", (error: NodeJS.ErrnoException) => {
    const code = error.code ?? "";
    done({ kind: !sent && NOT_DELIVERED.has(code) ? "not_delivered" : "failed", reason: error.message });
  });
  upstream.end(body);
}
