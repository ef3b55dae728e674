import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { readAgenciesDir } from "../config/env.ts";
import { type AgencyConfig, AgencyConfigSchema } from "../core/agencies/index.ts";
import { explainMissingField, formatProblems, listIssues } from "../core/validation/index.ts";

/** The folder holding one `<agency-id>.json` per agency (this file's folder). */
export const DEFAULT_AGENCIES_DIR = dirname(fileURLToPath(import.meta.url));

let configuredDir: string | undefined;

/** The folder agencies are read from when none is given: AGENCIES_DIR (config/env.ts), else DEFAULT_AGENCIES_DIR. */
export function findAgenciesDir(): string {
  configuredDir ??= readAgenciesDir() ?? DEFAULT_AGENCIES_DIR;
  return configuredDir;
}

/** Thrown when any agency file is unreadable or invalid; `problems` has one `file: path: message` line each. */
export class AgencyConfigError extends Error {
  override readonly name = "AgencyConfigError";
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`invalid agency configuration:\n${problems.map((problem) => `  ${problem}`).join("\n")}`);
    this.problems = problems;
  }
}

const cacheByDir = new Map<string, ReadonlyMap<string, AgencyConfig>>();

/**
 * Reads and validates every `*.json` in `dir` (default: findAgenciesDir()), once per folder per
 * process. Adding an agency is adding a file. Every problem in every file is reported together,
 * so a broken deploy shows all its mistakes at once. Configs are deep-frozen: pricing caches
 * tables per config object and relies on it never changing.
 */
export function loadAgencies(dir: string = findAgenciesDir()): ReadonlyMap<string, AgencyConfig> {
  const cached = cacheByDir.get(dir);
  if (cached) return cached;
  const agencies = new Map<string, AgencyConfig>();
  const problems: string[] = [];
  const fileNames = readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort();
  for (const fileName of fileNames) {
    const result = readAgencyFile(join(dir, fileName));
    if (!result.ok) {
      problems.push(...result.problems.map((problem) => `${fileName}: ${problem}`));
      continue;
    }
    const expectedId = basename(fileName, ".json");
    if (result.agency.id !== expectedId) {
      problems.push(`${fileName}: id: must equal the file name "${expectedId}"`);
      continue;
    }
    agencies.set(result.agency.id, deepFreeze(result.agency));
  }
  if (problems.length > 0) throw new AgencyConfigError(problems);
  cacheByDir.set(dir, agencies);
  return agencies;
}

/** The agency with this id from `dir` (default: findAgenciesDir()), or undefined when there is none. */
export function getAgency(id: string, dir: string = findAgenciesDir()): AgencyConfig | undefined {
  return loadAgencies(dir).get(id);
}

type ReadResult = { ok: true; agency: AgencyConfig } | { ok: false; problems: string[] };

function readAgencyFile(filePath: string): ReadResult {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(filePath, "utf8"));
  } catch (error) {
    return { ok: false, problems: [`(file): ${error instanceof Error ? error.message : String(error)}`] };
  }
  const parsed = AgencyConfigSchema.safeParse(data, { error: explainMissingField });
  if (!parsed.success) return { ok: false, problems: formatProblems(listIssues(parsed.error)) };
  return { ok: true, agency: parsed.data };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
