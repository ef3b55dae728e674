import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.join(import.meta.dirname, "..");

/** A long-running process of the benchmark (the worker, the fake Twilio API), as it runs in production: alone. */
export interface BenchChild {
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** User and system CPU time of the process so far (Linux /proc), in ms; 0 where there is no /proc. */
  cpuMs(): number;
  /** SIGTERM, then SIGKILL after 10 s. */
  stop(): Promise<void>;
}

/**
 * Starts `node --import tsx <entry>` (paths from the repository root) and resolves once its output
 * contains `readyWhen`; rejects if it exits before. `niceness` lowers its scheduling priority.
 */
export async function startBenchChild(
  entry: string,
  options: { env?: Record<string, string>; readyWhen: string; niceness?: number },
): Promise<BenchChild> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, entry)], {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (child.pid && options.niceness) os.setPriority(child.pid, options.niceness);
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(options.readyWhen)) resolve();
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`${entry} exited with ${code}: ${output.trim()}`)));
  });
  return {
    output: () => output,
    cpuMs: () => readProcessCpuMs(child.pid ?? 0),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    },
  };
}

/** utime + stime from /proc/<pid>/stat, in clock ticks of 10 ms (USER_HZ = 100 on Linux). */
function readProcessCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}
