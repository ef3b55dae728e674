import type { Server } from "node:http";
import { routeConsoleToLogger } from "../config/logger.ts";
import { loadAgencies } from "../agencies/load-agencies.ts";
import { seedPreviousMonthActivity } from "../prisma/seed-activity.ts";
import { createApplication } from "./application.ts";

/**
 * `npm start`: HTTP server and workers in one process. `npm run web` (`--web`): the HTTP server
 * alone, beside one or more `npm run worker` processes (README, "Deployment").
 */
const runWorkers = !process.argv.includes("--web");
const app = await createApplication({ runWorkers }).catch((error: unknown) => {
  process.stderr.write(`detaildesk: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

routeConsoleToLogger(app.logger);

// The sandbox shows last month's generated activity, so every report has something in it; seeded
// once per agency and month, never with live credentials (a real deployment has its own history).
if (app.deployment.sandbox) {
  const seeded = await seedPreviousMonthActivity(app.prisma, [...loadAgencies().keys()], new Date()).catch((error: unknown) => {
    app.logger.warn({ err: error instanceof Error ? error.message : String(error) }, "sandbox activity not seeded");
    return [];
  });
  for (const { agencyId, month, outcome } of seeded) {
    if (outcome.kind === "seeded") app.logger.info({ agencyId, month, ...outcome }, "seeded a month of sandbox activity");
  }
}

const server: Server = app.http.listen(app.env.PORT, app.deployment.host, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : app.env.PORT;
  app.bindPort(port);
  app.logger.info(
    { host: app.deployment.host, port, healthz: `http://127.0.0.1:${port}/healthz`, workers: runWorkers ? "in this process" : "npm run worker" },
    "DetailDesk listening",
  );
});
server.on("error", (error) => {
  process.stderr.write(`detaildesk: cannot listen on ${app.deployment.host} port ${app.env.PORT} (${error.message})\n`);
  void app.close().finally(() => process.exit(1));
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    app.logger.info({ signal }, "shutting down");
    server.close();
    void app.close().finally(() => process.exit(0));
  });
}
