import { parse } from "csv-parse/sync";

/**
 * A CSV file's header and records, each with its line number as a spreadsheet shows it (the
 * header is row 1), so problems can name the row a person fixes. Headers are trimmed and
 * lower-cased; blank lines are skipped. csv-parse is pure (no I/O), which is why core may use it.
 */
export function readCsvRecords(
  text: string,
): { kind: "read"; columns: string[]; rows: { row: number; fields: Record<string, string> }[] } | { kind: "invalid"; message: string } {
  try {
    let columns: string[] = [];
    const records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      columns: (header: string[]) => {
        columns = header.map((h) => h.trim().toLowerCase());
        return columns;
      },
    }) as { record: Record<string, string>; info: { lines: number } }[];
    return { kind: "read", columns, rows: records.map((r) => ({ row: r.info.lines, fields: r.record })) };
  } catch (error) {
    return { kind: "invalid", message: error instanceof Error ? error.message : String(error) };
  }
}
