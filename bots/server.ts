import express, { type Express, type Router } from "express";
import type { Logger } from "../config/logger.ts";
import { checkHealth, type Probe } from "./health/check-health.ts";
import { jsonErrorHandler, sendError } from "./http-errors.ts";

export interface ServerDeps {
  logger: Logger;
  probes: { database: Probe; redis: Probe };
  mode: Record<string, string>;
  /** Platform adapters (Twilio, sandbox, ...), mounted in order. */
  routers?: Router[];
}

/** Builds the HTTP app: every platform adapter is mounted here, nothing listens yet. */
export function createHttpApp(deps: ServerDeps): Express {
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
  return app;
}
