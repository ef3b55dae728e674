import type { CliCommand } from "../command.ts";
import { billingCycleCommand } from "./billing-cycle.ts";
import { cancelFeeCommand } from "./cancel-fee.ts";
import { converseCommand } from "./converse.ts";
import { invoiceCommand } from "./invoice.ts";
import { invoicesCsvCommand } from "./invoices-csv.ts";
import { quoteCommand } from "./quote.ts";

/** Every command of `npm run -s detaildesk -- <command>`, in the order `--help` lists them. */
export const commands: CliCommand[] = [quoteCommand, cancelFeeCommand, invoiceCommand, invoicesCsvCommand, billingCycleCommand, converseCommand];
