import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/** True when the run should rewrite golden files instead of comparing with them (UPDATE_GOLDEN=1). */
export const UPDATING_GOLDEN = process.env.UPDATE_GOLDEN === "1";

/**
 * The stored golden text at `path` (absolute), or, with UPDATE_GOLDEN=1, `actual` after writing it
 * there. A missing file without UPDATE_GOLDEN reads as a hint to generate it, so the comparison fails
 * with the whole actual text in the diff.
 */
export function readOrWriteGolden(path: string, actual: string): string {
  if (UPDATING_GOLDEN) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return actual;
  }
  try {
    return readFileSync(path, "utf8");
  } catch {
    return `(no golden file at ${path}: run with UPDATE_GOLDEN=1 to create it)\n`;
  }
}
