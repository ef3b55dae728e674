import { readFileSync } from "node:fs";
import os from "node:os";
import { type RunningProcess, spawnNode, spawnTs } from "../test/support/spawn-process.ts";

/** A long-running process of the benchmark (the web and worker processes, the fake Twilio API), as it runs in production: alone. */
export interface BenchChild extends RunningProcess {
  /** User and system CPU time of the process so far (Linux /proc), in ms; 0 where there is no /proc. */
  cpuMs(): number;
  /** Resident memory of the process now (VmRSS in Linux /proc), in bytes; 0 where there is no /proc. */
  rssBytes(): number;
}

/**
 * Starts a TypeScript entry point of the repository (spawnTs), or with `entry: { node }` node
 * itself with those arguments (a built script, as `npm run web` runs it), and resolves once it is
 * ready: it prints a line matching `readyWhen`, or `readyUrl` answers 2xx (a process that logs
 * nothing). `niceness` lowers its scheduling priority.
 */
export async function startBenchChild(
  entry: string | { node: string[] },
  options: { env?: Record<string, string>; args?: string[]; niceness?: number } & (
    | { readyWhen: RegExp; readyUrl?: undefined }
    | { readyUrl: string; readyWhen?: undefined }
  ),
): Promise<BenchChild> {
  const child =
    typeof entry === "string"
      ? spawnTs(entry, options.args ?? [], options.env ?? {})
      : spawnNode([...entry.node, ...(options.args ?? [])], options.env ?? {});
  if (child.child.pid && options.niceness) os.setPriority(child.child.pid, options.niceness);
  try {
    if (options.readyWhen) await child.waitForLine(options.readyWhen, 60_000);
    else await waitForUrl(options.readyUrl, child, 60_000);
  } catch (error) {
    await child.stop();
    throw error;
  }
  const pid = child.child.pid ?? 0;
  return { ...child, cpuMs: () => readProcessCpuMs(pid), rssBytes: () => readProcessRssBytes(pid) };
}

/** Polls `url` every 100 ms until it answers 2xx; rejects when the process exits first or on timeout. */
async function waitForUrl(url: string, child: RunningProcess, timeoutMs: number): Promise<void> {
  let exited = false;
  void child.exited.then(() => {
    exited = true;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`process exited before ${url} answered\n${child.stdout()}\n${child.stderr()}`);
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${url}\n${child.stdout()}\n${child.stderr()}`);
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

/** VmRSS from /proc/<pid>/status (kB). */
function readProcessRssBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}
