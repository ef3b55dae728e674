import type { z } from "zod";

/** One validation problem, ready for a person: `path: message`. */
export interface FieldProblem {
  /** Dotted path of the field, `holidays[3].rule.kind`; `(root)` for the value itself. */
  path: string;
  message: string;
}

/** Flattens a zod error into one problem per issue, in zod's order (unions expanded to their cause). */
export function listIssues(error: z.ZodError): FieldProblem[] {
  return error.issues.flatMap((issue) => listIssue(issue, []));
}

/** `path: message` lines, one per problem. */
export function formatProblems(problems: readonly FieldProblem[]): string[] {
  return problems.map((problem) => `${problem.path}: ${problem.message}`);
}

/** Renders a zod path: object keys joined by dots, array indices in brackets. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const key of path) {
    if (typeof key === "number") text += `[${key}]`;
    else text += text === "" ? String(key) : `.${String(key)}`;
  }
  return text === "" ? "(root)" : text;
}

function listIssue(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[]): FieldProblem[] {
  const path = [...prefix, ...issue.path];
  // A failed union reports every branch; the branch with the fewest problems is the likely intent.
  if (issue.code === "invalid_union" && issue.errors.length > 0) {
    const branches = issue.errors.map((branch) => branch.flatMap((inner) => listIssue(inner, path)));
    const best = branches.reduce((a, b) => (b.length < a.length ? b : a));
    if (best.length > 0) return best;
  }
  return [{ path: formatIssuePath(path), message: issue.message }];
}

/**
 * Error map for `safeParse(value, { error: explainMissingField })`: a missing field reads
 * "is required" instead of zod's "expected string, received undefined". Other issues keep
 * zod's wording.
 */
export const explainMissingField: z.core.$ZodErrorMap = (issue) =>
  issue.code === "invalid_type" && issue.input === undefined ? "is required" : undefined;
