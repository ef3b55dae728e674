import type { CliCommand } from "../command.ts";
import { billingCycleCommand } from "./billing-cycle.ts";
import { cancelFeeCommand } from "./cancel-fee.ts";
import { converseCommand } from "./converse.ts";
import { invoiceCommand } from "./invoice.ts";
import { invoicesCsvCommand } from "./invoices-csv.ts";
import { payrollCommand } from "./payroll.ts";
import { quoteCommand } from "./quote.ts";
import { reportCommand } from "./report.ts";
import { dutyImportCommand } from "./duty-import.ts";
import { rosterImportCommand } from "./roster-import.ts";

/** Every command of `npm run -s detaildesk -- <command>`, in the order `--help` lists them. */
export const commands: CliCommand[] = [quoteCommand, cancelFeeCommand, invoiceCommand, invoicesCsvCommand, payrollCommand, reportCommand, billingCycleCommand, rosterImportCommand, dutyImportCommand, converseCommand];
