import { DateTime } from "luxon";
import type { AgencyConfig } from "../../../core/agencies/index.ts";
import { monthPeriod } from "../../../core/invoicing/index.ts";
import { buildOfferFairness, buildOfficerHours, formatReportCsv, isReportKind, type ReportFacts, type ReportKind } from "../../../core/reports/index.ts";
import { loadReportFacts } from "../../../prisma/repositories/reports/index.ts";
import { renderHoursChart } from "../../reports/render-hours-chart.ts";
import { REPORT_USAGE, renderReportSummary } from "../render-report-reply.ts";
import type { SlackImage } from "../slack-file.ts";
import { authorizeStaffAction } from "../staff-authority.ts";
import type { CsvUpload } from "./detail-invoices.ts";
import type { SlackListenerDeps } from "./listener-deps.ts";

/**
 * `/detail report <kind> [YYYY-MM]` (default: last month, agency time): a short summary in the
 * answer, the report's CSV to the channel after it, and for officers and fairness a bar chart of
 * hours per officer. For the agency's approvers only (the `report` action).
 */
export async function answerReportCommand(
  deps: SlackListenerDeps,
  agency: AgencyConfig,
  userId: string,
  argument: string,
  upload: { csv: (file: CsvUpload) => void; image: (file: SlackImage) => void },
): Promise<string> {
  const authority = authorizeStaffAction(agency, userId, "report");
  if (authority.kind === "refused") return authority.text;
  const [kind = "", monthWord, ...extra] = argument.trim().toLowerCase().split(/\s+/).filter((w) => w !== "");
  if (!isReportKind(kind) || extra.length > 0) return REPORT_USAGE;
  const month = monthWord ?? DateTime.fromJSDate(deps.now(), { zone: agency.timeZone }).minus({ months: 1 }).toFormat("yyyy-MM");
  const period = monthPeriod(month, agency.timeZone);
  if (!period) return REPORT_USAGE;
  const facts = await loadReportFacts(deps.prisma, agency, period);
  const filename = `report-${kind}-${agency.id}-${period.label}`;
  upload.csv({ filename: `${filename}.csv`, title: `${agency.name} ${kind} report ${period.label}`, content: formatReportCsv(kind, facts) });
  const chart = chartOf(kind, facts);
  if (chart) upload.image({ filename: `${filename}.png`, title: chart.title, render: () => renderHoursChart(chart) });
  return `${renderReportSummary(kind, facts)}\nUploading ${filename}.csv${chart ? " and a chart" : ""} to this channel.`;
}

/** Hours per officer where a picture reads faster than the table. */
function chartOf(kind: ReportKind, facts: ReportFacts) {
  if (kind === "officers") {
    const bars = buildOfficerHours(facts).map((r) => ({ officer: r.name, hours: r.workedMinutes / 60 }));
    return { title: `${facts.agency.name}: hours per officer, ${facts.period.label}`, bars };
  }
  if (kind === "fairness") {
    const bars = buildOfferFairness(facts).rows.map((r) => ({ officer: r.name, hours: r.minutes30d / 60 }));
    return { title: `${facts.agency.name}: hours per officer, 30 days to the end of ${facts.period.label}`, bars, axisTitle: "hours worked, last 30 days" };
  }
  return null;
}
