import { UnrecoverableError } from "bullmq";
import { z } from "zod";
import { renderInvoiceMessage } from "../../bots/slack/render-invoice.ts";
import { type InvoiceDetail, loadInvoiceDetail } from "../../prisma/repositories/invoice-listing.ts";
import type { JobDefinition } from "../job-definition.ts";
import { QUEUES } from "../queues.ts";
import type { WorkerDeps } from "../registry.ts";

export const SlackInvoicePayloadSchema = z.object({ invoiceId: z.uuid() });

/**
 * An invoice's message in Slack, rendered from the database: posted the first time into the
 * thread of its request's card (a cycle invoice of several requests, or a request without a
 * card, goes to the agency's approvals channel), then updated in place after every change.
 */
export const slackInvoiceJob: JobDefinition<typeof SlackInvoicePayloadSchema, WorkerDeps> = {
  id: "slack-invoice",
  queue: QUEUES.slack,
  schema: SlackInvoicePayloadSchema,
  async run({ payload, deps }) {
    if (!deps.slack) return { skipped: "no Slack client" };
    const { prisma } = deps;
    const invoice = await loadInvoiceDetail(prisma, payload.invoiceId);
    if (!invoice) throw new UnrecoverableError("no such invoice");
    const agency = deps.getAgency(invoice.agencyId);
    if (!agency) throw new UnrecoverableError(`unknown agency ${invoice.agencyId}`);
    const message = renderInvoiceMessage(invoice, agency.timeZone);
    if (invoice.slackChannel && invoice.slackTs) {
      await deps.slack.client.chat.update({ channel: invoice.slackChannel, ts: invoice.slackTs, ...message });
      return { updated: invoice.slackTs };
    }
    const place = choosePlace(invoice, agency.slack.approvalsChannel);
    const posted = await deps.slack.client.chat.postMessage({ ...place, ...message });
    if (!posted.ts) throw new Error("Slack returned no ts for the invoice");
    const channel = posted.channel ?? place.channel;
    // Two first runs at once (two worker processes) both post: the one stored first wins, the
    // other deletes its copy so the thread shows the invoice once.
    const stored = await prisma.invoice.updateMany({
      where: { id: invoice.id, slackTs: null },
      data: { slackChannel: channel, slackTs: posted.ts },
    });
    if (stored.count === 0) {
      await deps.slack.client.chat.delete({ channel, ts: posted.ts });
      throw new Error(`invoice ${invoice.number} was posted by another run; refreshing it instead`);
    }
    return { posted: posted.ts };
  },
};

/** The request's card thread when the invoice bills one request that has a card; else the channel. */
function choosePlace(invoice: InvoiceDetail, approvalsChannel: string): { channel: string; thread_ts?: string } {
  const requests = new Set(invoice.items.map((item) => item.requestId));
  const item = invoice.items[0];
  if (requests.size === 1 && item?.requestSlackChannel && item.requestSlackTs) {
    return { channel: item.requestSlackChannel, thread_ts: item.requestSlackTs };
  }
  return { channel: approvalsChannel };
}
