// `npm run db:generate` (also the npm `postinstall`): generates the Prisma client into
// prisma/generated/ with no network. `prisma generate` insists on locating its native schema engine
// (and would download it) although generation never runs it, so PRISMA_SCHEMA_ENGINE_BINARY points
// at a stub. Extra arguments are passed on to `prisma generate` (e.g. `--schema other.prisma`).
import { spawn } from "node:child_process";
import { accessSync, chmodSync, constants, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const toolsDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(toolsDir, "../..");
const stub = path.join(toolsDir, "schema-engine-stub.sh");

export interface GenerateResult {
  ok: boolean;
  output: string;
}

/** Runs `prisma generate` offline; resolves with the CLI's combined output instead of printing it. */
export async function generatePrismaClient(extraArgs: string[] = []): Promise<GenerateResult> {
  ensureExecutable(stub);
  const cli = createRequire(import.meta.url).resolve("prisma/build/index.js");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: stub,
    CHECKPOINT_DISABLE: "1", // no version-check request
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    NO_COLOR: "1",
  };
  const child = spawn(process.execPath, [cli, "generate", ...extraArgs], {
    cwd: repoRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  });
  return { ok: code === 0, output };
}

/** Git keeps the executable bit, but an archive or a copy may not; the CLI needs it. */
function ensureExecutable(file: string): void {
  if (!existsSync(file)) throw new Error(`missing ${path.relative(repoRoot, file)}`);
  try {
    accessSync(file, constants.X_OK);
  } catch {
    chmodSync(file, 0o755);
  }
}

async function main(): Promise<void> {
  let result: GenerateResult;
  try {
    result = await generatePrismaClient(process.argv.slice(2));
  } catch (error) {
    result = { ok: false, output: error instanceof Error ? error.message : String(error) };
  }
  if (result.ok) {
    console.log("prisma client generated in prisma/generated");
    return;
  }
  const schema = path.join(repoRoot, "prisma/schema.prisma");
  const hint = existsSync(schema) ? "" : " (prisma/schema.prisma does not exist)";
  console.error(`db:generate failed: prisma generate exited with an error${hint}. Its output:`);
  console.error(result.output.trim() || "(no output)");
  process.exitCode = 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
