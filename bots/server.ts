import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from "node:http";
import express, { type Router } from "express";
import type { Logger } from "../config/logger.ts";
import { checkHealth, type Probe } from "./health/check-health.ts";
import { jsonErrorHandler, sendError } from "./http-errors.ts";

/**
 * A route answered on node:http before express sees the request, for a hot path whose cost
 * express would dominate (the inbound SMS webhook). It must answer exactly as the express route
 * it shadows, which stays mounted for whatever `matches` leaves.
 */
export interface FastRoute {
  /** Decides from the request line and headers alone (no body read yet) whether to take the request. */
  matches(req: IncomingMessage): boolean;
  handle(req: IncomingMessage, res: ServerResponse): void;
}

export interface ServerDeps {
  logger: Logger;
  probes: { database: Probe; redis: Probe };
  mode: Record<string, string>;
  /** Platform adapters (Twilio, sandbox, ...), mounted in order. */
  routers?: Router[];
  /** Tried in order before express; the first that matches answers. */
  fastRoutes?: FastRoute[];
}

/** The HTTP app: the fast routes, then express. */
export interface HttpApp {
  /** The request listener, for a server of the caller's own. */
  handle: RequestListener;
  /** Starts a node:http server on `port` (0 picks one) and `host` (default: every interface). */
  listen(port: number, host?: string, onListening?: () => void): Server;
}

/** Builds the HTTP app: every platform adapter is mounted here, nothing listens yet. */
export function createHttpApp(deps: ServerDeps): HttpApp {
  const app = express();
  app.disable("x-powered-by");
  // Forwarded headers count only from a proxy on this machine or the private network: a client on
  // the internet could otherwise choose its own address (admin login limits go by it).
  app.set("trust proxy", "loopback, linklocal, uniquelocal");

  app.get("/healthz", async (_req, res) => {
    const report = await checkHealth(deps.probes, deps.mode);
    res.status(report.status === "ok" ? 200 : 503).json(report);
  });

  for (const router of deps.routers ?? []) app.use(router);

  app.use((_req, res) => {
    sendError(res, 404, "not_found", "There is nothing at this address.");
  });
  app.use(jsonErrorHandler(deps.logger));

  const fastRoutes = deps.fastRoutes ?? [];
  const handle: RequestListener = (req, res) => {
    for (const route of fastRoutes) {
      if (route.matches(req)) {
        route.handle(req, res);
        return;
      }
    }
    app(req, res);
  };
  return {
    handle,
    listen(port, host, onListening) {
      const server = createServer(handle);
      return host === undefined ? server.listen(port, onListening) : server.listen(port, host, onListening);
    },
  };
}
