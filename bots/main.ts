import type { Server } from "node:http";
import { routeConsoleToLogger } from "../config/logger.ts";
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
