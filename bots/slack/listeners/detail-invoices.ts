import type { AgencyConfig } from "../../../core/agencies/index.ts";
import { formatInvoiceCsv, monthOf, monthPeriod } from "../../../core/invoicing/index.ts";
import { type InvoiceFilter, listInvoices, summarizeInvoices } from "../../../prisma/repositories/invoice-listing.ts";
import { INVOICES_USAGE, MAX_LISTED_INVOICES, renderInvoiceListReply } from "../render-invoice-list.ts";
import type { SlackListenerDeps } from "./listener-deps.ts";

/** A CSV file for the command's channel, uploaded once the command is answered. */
export interface CsvUpload {
  filename: string;
  title: string;
  content: string;
}

/**
 * `/detail invoices [unpaid|YYYY-MM]` lists the agency's invoices (unpaid: draft or issued, the
 * default; a month: drafted in it, local time); `/detail invoices csv [YYYY-MM]` (default: this
 * month) answers at once and hands the file to `upload`, which sends it after the answer.
 */
export async function answerInvoicesCommand(
  deps: SlackListenerDeps,
  agency: AgencyConfig,
  argument: string,
  upload: (file: CsvUpload) => void,
): Promise<string> {
  const [first = "unpaid", second, ...extra] = argument.trim().toLowerCase().split(/\s+/).filter((word) => word !== "");
  if (first === "csv") {
    const month = second ?? monthOf(deps.now().getTime(), agency.timeZone);
    const period = extra.length === 0 ? monthPeriod(month, agency.timeZone) : null;
    if (!period) return INVOICES_USAGE;
    const invoices = await listInvoices(deps.prisma, agency.id, { kind: "period", ...period });
    const filename = `invoices-${agency.id}-${period.label}.csv`;
    upload({ filename, title: `${agency.name} invoices ${period.label}`, content: formatInvoiceCsv(invoices, agency.timeZone) });
    return `Uploading ${filename} (${invoices.length} invoice${invoices.length === 1 ? "" : "s"}) to this channel.`;
  }
  if (second !== undefined) return INVOICES_USAGE;
  let filter: InvoiceFilter;
  let title: string;
  if (first === "unpaid") {
    filter = { kind: "unpaid" };
    title = "unpaid (draft or issued)";
  } else {
    const period = monthPeriod(first, agency.timeZone);
    if (!period) return INVOICES_USAGE;
    filter = { kind: "period", ...period };
    title = `drafted in ${period.label}`;
  }
  const [invoices, all] = await Promise.all([
    listInvoices(deps.prisma, agency.id, filter, MAX_LISTED_INVOICES),
    summarizeInvoices(deps.prisma, agency.id, filter),
  ]);
  return renderInvoiceListReply(title, invoices, all);
}
