import express, { type Express, type Router } from "express";
import type { Logger } from "../config/logger.ts";
import { checkHealth, type Probe } from "./health/check-health.ts";

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
  app.set("trust proxy", true);

  app.get("/healthz", async (_req, res) => {
    const report = await checkHealth(deps.probes, deps.mode);
    res.status(report.status === "ok" ? 200 : 503).json(report);
  });

  for (const router of deps.routers ?? []) app.use(router);

  app.use((_req, res) => {
    res.status(404).json({ error: "not_found" });
  });
  return app;
}
