import { parseArgs } from "node:util";
import { getAgency, loadAgencies } from "../../agencies/load-agencies.ts";
import type { AgencyConfig } from "../../core/agencies/index.ts";

/**
 * `--name value` options of a database command, every one a string. An unknown or valueless
 * option is one problem line plus the usage, as the CLI contract wants (exit 2).
 */
export function parseStringOptions(
  argv: string[],
  names: readonly string[],
  usage: string,
): { kind: "parsed"; values: Record<string, string | undefined> } | { kind: "invalid"; problems: string[] } {
  try {
    const { values } = parseArgs({
      args: argv,
      options: Object.fromEntries(names.map((name) => [name, { type: "string" as const }])),
      strict: true,
    });
    return { kind: "parsed", values: values as Record<string, string | undefined> };
  } catch (error) {
    return { kind: "invalid", problems: [error instanceof Error ? error.message : String(error), `usage: ${usage}`] };
  }
}

/** The agency `--agency` names; a missing or unknown one is added to `problems`. */
export function readAgencyOption(id: string | undefined, problems: string[]): AgencyConfig | undefined {
  if (id === undefined) {
    problems.push("--agency: is required");
    return undefined;
  }
  const agency = getAgency(id);
  if (!agency) problems.push(`--agency: unknown agency ${id} (known: ${[...loadAgencies().keys()].join(", ")})`);
  return agency;
}
