import type { AgencyConfig } from "../../../core/agencies/index.ts";
import { formatUsd, brandCents } from "../../../core/money/index.ts";
import { findLastFinishedPayPeriod, findPayPeriod, formatPayrollCsv, type PayPeriod } from "../../../core/payroll/index.ts";
import { closePayrollPeriod, loadPayroll } from "../../../prisma/repositories/payroll/index.ts";
import { authorizeStaffAction } from "../staff-authority.ts";
import type { SlackListenerDeps } from "./listener-deps.ts";

export const PAYROLL_USAGE =
  "Usage: `/detail payroll [YYYY-MM-DD]` (the pay period containing that date; default: the last finished one) or `/detail payroll close YYYY-MM-DD`.";

/** The CSV file handed to the command's uploader (sent to the channel after the answer). */
export interface PayrollUpload {
  filename: string;
  title: string;
  content: string;
}

const describePeriod = (period: PayPeriod) => `${period.startDate} to ${period.lastDate}`;

/**
 * `/detail payroll [YYYY-MM-DD]` answers with a one-line summary and hands the period's CSV to
 * `upload` (sent after the answer); `/detail payroll close YYYY-MM-DD` closes a finished period.
 * Supervisors only: the rows are every officer's pay.
 */
export async function answerPayrollCommand(
  deps: SlackListenerDeps,
  agency: AgencyConfig,
  userId: string,
  argument: string,
  upload: (file: PayrollUpload) => void,
): Promise<string> {
  const authority = authorizeStaffAction(agency, userId, "payroll");
  if (authority.kind === "refused") return authority.text;
  const words = argument.trim().toLowerCase().split(/\s+/).filter((word) => word !== "");
  const now = deps.now();
  const rule = agency.payroll.payPeriod;
  if (words[0] === "close") {
    if (words.length !== 2) return PAYROLL_USAGE;
    const closed = await closePayrollPeriod(deps.prisma, agency, words[1] ?? "", userId, now);
    switch (closed.kind) {
      case "invalid_date":
        return PAYROLL_USAGE;
      case "not_finished":
        return `The pay period ${describePeriod(closed.period)} has not ended yet; it can be closed once it has. Nothing was changed.`;
      case "already_closed":
        return `The pay period ${describePeriod(closed.period)} was already closed${closed.closedBy ? ` by <@${closed.closedBy}>` : ""}. Nothing was changed.`;
      case "closed":
        return `Closed the pay period ${describePeriod(closed.period)}: ${closed.entries} row${closed.entries === 1 ? "" : "s"} for ${closed.officers} officer${closed.officers === 1 ? "" : "s"}, ${formatUsd(brandCents(closed.totalCents))}. Later corrections go to the next period as adjustments.`;
      default: {
        const unknown: never = closed;
        throw new Error(`unknown close outcome ${JSON.stringify(unknown)}`);
      }
    }
  }
  if (words.length > 1) return PAYROLL_USAGE;
  const period = words[0] === undefined ? findLastFinishedPayPeriod(rule, agency.timeZone, now.getTime()) : findPayPeriod(rule, words[0], agency.timeZone);
  if (!period) return PAYROLL_USAGE;
  const payroll = await loadPayroll(deps.prisma, agency, period, now);
  const filename = `payroll-${agency.id}-${period.startDate}.csv`;
  upload({ filename, title: `${agency.name} payroll ${describePeriod(period)}`, content: formatPayrollCsv(payroll.rows) });
  const totalCents = payroll.totals.reduce((sum, total) => sum + total.amountCents, 0);
  const state = payroll.status === "closed" ? "closed" : "open, computed from attendance now";
  return `Uploading ${filename}: ${payroll.totals.length} officer${payroll.totals.length === 1 ? "" : "s"}, ${payroll.rows.length} row${payroll.rows.length === 1 ? "" : "s"}, ${formatUsd(brandCents(totalCents))} (${state}).`;
}
