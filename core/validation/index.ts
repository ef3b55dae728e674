export {
  explainMissingField,
  type FieldProblem,
  formatIssuePath,
  formatProblems,
  listIssues,
} from "./list-issues.ts";
