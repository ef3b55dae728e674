import { loadAgencies } from "../../../agencies/load-agencies.ts";
import { priceWorkedHours } from "../../../core/pricing/index.ts";
import { createInvoiceRequestSchema } from "../../../core/requests/index.ts";
import type { CliCommand } from "../command.ts";
import { runRequestCommand } from "../run-request-command.ts";

/** `invoice FILE|-`: what the hours actually worked cost (policy.md "Invoice contract (worked hours)"). */
export const invoiceCommand: CliCommand = {
  name: "invoice",
  summary: "Price the hours worked on a request given as JSON with check-ins (FILE, or - for stdin)",
  usage: "invoice FILE|-",
  run: (args, io) =>
    runRequestCommand(
      args,
      io,
      "invoice FILE|-",
      // The worked records are checked against their agency (ranks, 24-hour bound), so the schema
      // needs the configs, not only the ids; loadAgencies is cached, this reads nothing twice.
      () => createInvoiceRequestSchema(loadAgencies()),
      priceWorkedHours,
    ),
};
