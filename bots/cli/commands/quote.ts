import { quoteRequest } from "../../../core/pricing/index.ts";
import { createQuoteRequestSchema } from "../../../core/requests/index.ts";
import type { CliCommand } from "../command.ts";
import { runRequestCommand } from "../run-request-command.ts";

/** `quote FILE|-`: prices and screens one request (policy.md "Quote contract"). */
export const quoteCommand: CliCommand = {
  name: "quote",
  summary: "Price and screen a request given as JSON (FILE, or - for stdin)",
  usage: "quote FILE|-",
  run: (args, io) =>
    runRequestCommand(
      args,
      io,
      "quote FILE|-",
      (agencyIds) => createQuoteRequestSchema(agencyIds),
      quoteRequest,
    ),
};
