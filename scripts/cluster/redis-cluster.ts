import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { findFreePort } from "../../test/support/free-port.ts";

const run = promisify(execFile);

export interface LocalRedisCluster {
  /** `127.0.0.1:PORT` of every master: the value of REDIS_CLUSTER_NODES. */
  nodes: string[];
  /** SIGKILLs every node and removes their cluster config files. */
  stop(): Promise<void>;
}

/**
 * A Redis Cluster of `masters` masters and no replicas on this machine: `redis-server` processes
 * (the binaries on PATH, no persistence) on free ports joined by `redis-cli --cluster create`.
 * Resolves once CLUSTER INFO says cluster_state:ok on every node.
 */
export async function startRedisCluster(masters = 3): Promise<LocalRedisCluster> {
  const directory = await mkdtemp(path.join(os.tmpdir(), "detaildesk-redis-cluster-"));
  const children: ChildProcess[] = [];
  const nodes: string[] = [];
  const stop = async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once("exit", () => resolve());
            child.kill("SIGKILL");
          }),
      ),
    );
    await rm(directory, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < masters; i += 1) {
      const port = await findFreePort();
      const child = spawn(
        "redis-server",
        [
          "--port", String(port),
          "--bind", "127.0.0.1",
          "--cluster-enabled", "yes",
          "--cluster-config-file", path.join(directory, `nodes-${port}.conf`),
          "--cluster-node-timeout", "5000",
          "--save", "",
          "--appendonly", "no",
          "--daemonize", "no",
          "--dir", directory,
        ],
        { stdio: "ignore" },
      );
      children.push(child);
      nodes.push(`127.0.0.1:${port}`);
    }
    for (const node of nodes) await waitForRedis(node, (reply) => reply.trim() === "PONG", ["PING"]);
    await run("redis-cli", ["--cluster", "create", ...nodes, "--cluster-replicas", "0", "--cluster-yes"]);
    for (const node of nodes) await waitForRedis(node, (reply) => reply.includes("cluster_state:ok"), ["CLUSTER", "INFO"]);
    return { nodes, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Runs a redis-cli command against `node` until its reply passes `ok` (10 s at most). */
async function waitForRedis(node: string, ok: (reply: string) => boolean, command: string[]): Promise<void> {
  const [host = "127.0.0.1", port = "6379"] = node.split(":");
  const deadline = Date.now() + 10_000;
  let last = "";
  for (;;) {
    try {
      last = (await run("redis-cli", ["-h", host, "-p", port, ...command])).stdout;
      if (ok(last)) return;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() > deadline) throw new Error(`Redis node ${node} not ready: ${last}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
