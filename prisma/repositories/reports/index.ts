export { loadReportFacts, SUPERVISOR_ASSIGNMENT_ACTION } from "./load-report-facts.ts";
