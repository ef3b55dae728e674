import { readFile } from "node:fs/promises";
import type { z } from "zod";
import { loadAgencies } from "../../agencies/load-agencies.ts";
import type { AgencyConfig } from "../../core/agencies/index.ts";
import {
  explainMissingField,
  type FieldProblem,
  formatProblems,
  listIssues,
} from "../../core/validation/index.ts";
import type { CliIo } from "./command.ts";

/**
 * The shape shared by request commands: read one JSON document, validate it, compute, print one
 * JSON object on stdout (exit 0). Any input problem prints `path: message` lines on stderr, nothing
 * on stdout, and exits 2.
 */
export async function runRequestCommand<T extends { agency: string }>(
  args: string[],
  io: CliIo,
  usage: string,
  buildSchema: (agencyIds: Iterable<string>) => z.ZodType<T>,
  compute: (request: T, agency: AgencyConfig) => unknown,
): Promise<number> {
  if (args.length !== 1 || args[0] === undefined) {
    io.stderr.write(`usage: npm run -s detaildesk -- ${usage}\n`);
    return 2;
  }
  const source = args[0];
  const input = await readJsonInput(source, io);
  if (!input.ok) return writeProblems(io, input.problems);
  const agencies = loadAgencies();
  const parsed = buildSchema(agencies.keys()).safeParse(input.value, { error: explainMissingField });
  if (!parsed.success) return writeProblems(io, listIssues(parsed.error));
  const agency = agencies.get(parsed.data.agency);
  if (!agency) return writeProblems(io, [{ path: "agency", message: "unknown agency" }]);
  io.stdout.write(`${JSON.stringify(compute(parsed.data, agency), null, 2)}\n`);
  return 0;
}

type JsonInput = { ok: true; value: unknown } | { ok: false; problems: FieldProblem[] };

/** Reads FILE (or stdin for `-`) and parses it as JSON; failures are problems, not throws. */
async function readJsonInput(source: string, io: CliIo): Promise<JsonInput> {
  let text: string;
  try {
    text = source === "-" ? await readStream(io.stdin) : await readFile(source, "utf8");
  } catch (error) {
    return {
      ok: false,
      problems: [{ path: source === "-" ? "(stdin)" : source, message: describeError(error) }],
    };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, problems: [{ path: "(input)", message: `malformed JSON: ${describeError(error)}` }] };
  }
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

function writeProblems(io: CliIo, problems: readonly FieldProblem[]): number {
  io.stderr.write(`${formatProblems(problems).join("\n")}\n`);
  return 2;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
