import { readFileSync } from "node:fs";
import os from "node:os";
import { type RunningProcess, spawnTs } from "../test/support/spawn-process.ts";

/** A long-running process of the benchmark (the worker, the fake Twilio API), as it runs in production: alone. */
export interface BenchChild extends RunningProcess {
  /** User and system CPU time of the process so far (Linux /proc), in ms; 0 where there is no /proc. */
  cpuMs(): number;
}

/**
 * Starts a TypeScript entry point of the repository (spawnTs) and resolves once it prints a line
 * matching `readyWhen`. `niceness` lowers its scheduling priority.
 */
export async function startBenchChild(
  entry: string,
  options: { env?: Record<string, string>; args?: string[]; readyWhen: RegExp; niceness?: number },
): Promise<BenchChild> {
  const child = spawnTs(entry, options.args ?? [], options.env ?? {});
  if (child.child.pid && options.niceness) os.setPriority(child.child.pid, options.niceness);
  await child.waitForLine(options.readyWhen, 60_000);
  return { ...child, cpuMs: () => readProcessCpuMs(child.child.pid ?? 0) };
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
