import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");

export interface RunningProcess {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
  /** Resolves with the first stdout line matching `pattern`; rejects on exit or timeout. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Runs a TypeScript entry point of this repo under tsx's loader, the way `npm start` does, in one
 * process: the tsx command would run it in a child of its own, which a SIGKILL of the command
 * leaves running.
 */
export function spawnTs(entry: string, args: string[], env: Record<string, string>): RunningProcess {
  return spawnNode(["--import", "tsx", path.join(REPO_ROOT, entry), ...args], env);
}

/** Runs node itself with `args` (flags, then a script of the repo) in the repository. */
export function spawnNode(args: string[], env: Record<string, string>): RunningProcess {
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitForLine(pattern, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}\n${out}\n${err}`)), timeoutMs);
        const check = () => {
          const line = out.split("\n").find((l) => pattern.test(l));
          if (line) {
            clearTimeout(timer);
            child.stdout?.off("data", check);
            resolve(line);
          }
        };
        child.stdout?.on("data", check);
        check();
        void exited.then((code) => {
          clearTimeout(timer);
          reject(new Error(`process exited (${code}) before ${pattern}\n${out}\n${err}`));
        });
      });
    },
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
