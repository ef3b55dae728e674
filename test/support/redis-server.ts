import { type ChildProcess, spawn } from "node:child_process";
import { Redis } from "ioredis";
import { findFreePort } from "./free-port.ts";

export interface PrivateRedis {
  /** redis://127.0.0.1:PORT; stays the same across restarts. */
  url: string;
  port: number;
  /** Stops the server. `kill` = SIGKILL (a crash); otherwise SHUTDOWN NOSAVE. Data is gone either way. */
  stop(options?: { kill?: boolean }): Promise<void>;
  /** Starts it again, empty, on the same port; resolves once it answers PING. */
  start(): Promise<void>;
  restart(options?: { kill?: boolean; downMs?: number }): Promise<void>;
  running(): boolean;
}

/**
 * A private `redis-server` (the binary on PATH) on a free port, without persistence
 * (`--save "" --appendonly no`), so a test can take Redis away from the app and give it back.
 */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await findFreePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();
  let output = "";

  async function start(): Promise<void> {
    if (child) return;
    output = "";
    const proc = spawn(
      "redis-server",
      [
        "--port",
        String(port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
        "--daemonize",
        "no",
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    child = proc;
    proc.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    proc.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    exited = new Promise((resolve) =>
      proc.once("exit", () => {
        if (child === proc) child = null;
        resolve();
      }),
    );
    const deadline = Date.now() + 10_000;
    for (;;) {
      if (!child) throw new Error(`redis-server on port ${port} exited at start:\n${output}`);
      const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      probe.on("error", () => undefined);
      try {
        await probe.connect();
        if ((await probe.ping()) === "PONG") return;
      } catch {
        // not listening yet
      } finally {
        probe.disconnect();
      }
      if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async function stop(options: { kill?: boolean } = {}): Promise<void> {
    const proc = child;
    if (!proc) return;
    proc.kill(options.kill ? "SIGKILL" : "SIGTERM");
    await exited;
  }

  await start();
  return {
    url,
    port,
    start,
    stop,
    async restart(options = {}) {
      await stop(options);
      if (options.downMs) await new Promise((resolve) => setTimeout(resolve, options.downMs));
      await start();
    },
    running: () => child !== null,
  };
}
