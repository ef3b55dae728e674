import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { inject } from "vitest";
import { type Application, createApplication } from "../../bots/application.ts";

export interface TestApp {
  app: Application;
  /** http://127.0.0.1:PORT of the listening server. */
  base: string;
  close(): Promise<void>;
}

/** The real application on the run's test database and its own Redis prefix, listening on a free port. */
export async function startTestApp(name: string, env: Record<string, string> = {}): Promise<TestApp> {
  // A public address needs web chat credentials (the app refuses to start open); tests of other
  // channels get placeholder ones, which only matter to /api/messages.
  const publicHost = env.PUBLIC_BASE_URL ? new URL(env.PUBLIC_BASE_URL).hostname : "localhost";
  const webChat =
    !["localhost", "127.0.0.1"].includes(publicHost) && !env.MICROSOFT_APP_ID
      ? { MICROSOFT_APP_ID: "00000000-0000-0000-0000-000000000001", MICROSOFT_APP_PASSWORD: "test-only" }
      : {};
  const app = await createApplication({
    runWorkers: true,
    env: {
      PORT: "0",
      DATABASE_URL: inject("databaseUrl"),
      REDIS_URL: inject("redisUrl"),
      REDIS_PREFIX: `${inject("redisPrefix")}:${name}`,
      LOG_LEVEL: "silent",
      // Tests share one database: a sweep in one test's app would pick up another test's rows.
      RECOVERY_INTERVAL_MS: "0",
      BILLING_CYCLE_INTERVAL_MS: "0",
      // Tests listen on loopback only, as the sandbox does.
      HOST: "127.0.0.1",
      ...webChat,
      ...env,
    },
  });
  const server: Server = app.http.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as AddressInfo;
  app.bindPort(port);
  return {
    app,
    base: `http://127.0.0.1:${port}`,
    async close() {
      server.close();
      await app.close();
    },
  };
}
