import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import type { AgencyConfig } from "../../core/agencies/index.ts";
import { readCsvRecords } from "../../core/roster/index.ts";
import type { CliIo } from "./command.ts";
import { readAgencyOption } from "./read-options.ts";

export type ImportArguments =
  | { kind: "valid"; agency: AgencyConfig; apply: boolean; columns: string[]; rows: { row: number; fields: Record<string, string> }[] }
  | { kind: "invalid"; problems: string[] };

/**
 * `--agency ID FILE [--apply]` of the import commands, and the file read as CSV (`-` = stdin).
 * Every problem with the arguments is one `--option: message` line (exit 2).
 */
export async function readImportArguments(argv: string[], usage: string, io: CliIo): Promise<ImportArguments> {
  let parsed: ReturnType<typeof parseArgs<{ options: { agency: { type: "string" }; apply: { type: "boolean" } }; allowPositionals: true; args: string[] }>>;
  try {
    parsed = parseArgs({ args: argv, options: { agency: { type: "string" }, apply: { type: "boolean" } }, allowPositionals: true, strict: true });
  } catch (error) {
    return { kind: "invalid", problems: [error instanceof Error ? error.message : String(error), `usage: ${usage}`] };
  }
  const problems: string[] = [];
  const agency = readAgencyOption(parsed.values.agency, problems);
  const [file, ...extra] = parsed.positionals;
  if (file === undefined) problems.push(`FILE: is required (usage: ${usage})`);
  if (extra.length > 0) problems.push(`FILE: give one file, got ${parsed.positionals.length}`);
  if (problems.length > 0 || !agency || file === undefined) return { kind: "invalid", problems };
  let text: string;
  try {
    text = file === "-" ? await readStream(io.stdin) : await readFile(file, "utf8");
  } catch (error) {
    return { kind: "invalid", problems: [`FILE: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const csv = readCsvRecords(text);
  if (csv.kind === "invalid") return { kind: "invalid", problems: [`FILE: not a CSV file: ${csv.message}`] };
  return { kind: "valid", agency, apply: parsed.values.apply === true, columns: csv.columns, rows: csv.rows };
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString("utf8");
}

/** Writes lines to a stream and waits until they are flushed. */
export function writeLines(stream: NodeJS.WritableStream, lines: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(lines.map((line) => `${line}\n`).join(""), (error) => (error ? reject(error) : resolve()));
  });
}
