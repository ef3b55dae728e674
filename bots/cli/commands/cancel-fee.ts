import { computeCancellationFee } from "../../../core/pricing/index.ts";
import { createCancellationRequestSchema } from "../../../core/requests/index.ts";
import type { CliCommand } from "../command.ts";
import { runRequestCommand } from "../run-request-command.ts";

/** `cancel-fee FILE|-`: what cancelling an assignment costs (policy.md "Cancellation contract"). */
export const cancelFeeCommand: CliCommand = {
  name: "cancel-fee",
  summary: "Compute the fee for cancelling a request given as JSON (FILE, or - for stdin)",
  usage: "cancel-fee FILE|-",
  run: (args, io) =>
    runRequestCommand(
      args,
      io,
      "cancel-fee FILE|-",
      (agencyIds) => createCancellationRequestSchema(agencyIds),
      (request, agency) => {
        const { feeCents, lines } = computeCancellationFee(request, agency);
        return { feeCents, lines };
      },
    ),
};
