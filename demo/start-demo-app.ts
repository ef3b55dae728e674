import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { type Application, createApplication } from "../bots/application.ts";

export interface DemoApp {
  app: Application;
  /** http://127.0.0.1:PORT */
  base: string;
  /** http://localhost:PORT: what Twilio would call, so what signatures are made over. */
  publicBase: string;
  close(): Promise<void>;
}

/**
 * DetailDesk in sandbox mode on a fresh `detaildesk_demo` database (dropped first, so every run
 * tells the same story) and its own Redis prefix. Credentials in the environment are ignored.
 */
export async function startDemoApp(): Promise<DemoApp> {
  const server = new URL(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/detaildesk");
  const databaseUrl = new URL(server);
  databaseUrl.pathname = "/detaildesk_demo";
  server.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query("DROP DATABASE IF EXISTS detaildesk_demo WITH (FORCE)");
  await admin.end();

  const app = await createApplication({
    runWorkers: true,
    env: {
      DATABASE_URL: databaseUrl.toString(),
      REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
      REDIS_PREFIX: `detaildesk-demo-${Date.now()}`,
      PORT: "0",
      LOG_LEVEL: process.env.DEMO_LOG_LEVEL ?? "silent",
      SMS_RATE_PER_SENDER: "0",
    },
  });
  const listener: Server = app.http.listen(0, "127.0.0.1");
  await new Promise((resolve) => listener.once("listening", resolve));
  const { port } = listener.address() as AddressInfo;
  app.bindPort(port);
  return {
    app,
    base: `http://127.0.0.1:${port}`,
    publicBase: `http://localhost:${port}`,
    async close() {
      await Promise.allSettled(app.workers.map((w) => w.close()));
      // The demo's queues are of no use afterwards; leave nothing behind in Redis.
      await Promise.allSettled(app.queues.all.map((q) => q.obliterate({ force: true })));
      listener.closeAllConnections();
      listener.close();
      await app.close();
    },
  };
}
