import type { AgencyConfig } from "../../../core/agencies/index.ts";
import type { ChatPostEphemeralArguments } from "@slack/web-api";
import type { Logger } from "../../../config/logger.ts";
import type { PrismaClient } from "../../../prisma/client.ts";
import type { DispatchRepository } from "../../../prisma/repositories/dispatch-repository.ts";
import type { StaffViews } from "../../../prisma/repositories/staff-views.ts";
import type { QueueSet } from "../../../workers/queue-set.ts";

/** What the Slack listeners use; they enqueue slow work and answer within Slack's 3 seconds. */
export interface SlackListenerDeps {
  prisma: PrismaClient;
  logger: Logger;
  agencies: readonly AgencyConfig[];
  getAgency(id: string): AgencyConfig | undefined;
  views: StaffViews;
  dispatch: DispatchRepository;
  queues: Pick<
    QueueSet,
    | "syncRequestCard"
    | "postRequestNotice"
    | "enqueueBroadcastWave"
    | "deliverToCustomer"
    | "syncDispatchThread"
    | "rebroadcastNow"
    | "enqueueRequestCancelled"
    | "enqueueRequestStaffed"
    | "enqueueSms"
    | "postInvoiceToSlack"
    | "notifyCustomerOfInvoice"
  >;
  now(): Date;
}

/** Where an ephemeral answer to a click goes: the channel of the clicked message, else the user's DM. */
export function replyTarget(body: { channel?: { id?: string } | undefined; user: { id: string } }): {
  channel: string;
  user: string;
} {
  return { channel: body.channel?.id ?? body.user.id, user: body.user.id };
}

/** A Slack Web API call made after the listener's answer, not awaited; a failure is logged. */
export function callSlackLater(logger: Logger, what: string, call: () => Promise<unknown>): void {
  call().catch((error: unknown) => {
    logger.warn({ err: error instanceof Error ? error.message : String(error) }, `Slack ${what} failed`);
  });
}

/**
 * An ephemeral answer to the clicker, not awaited: Slack's answer to the request waits for the
 * listener (so a failure can be a 500), but never for a call back to Slack's Web API, which may
 * be slow or down while the action itself has been done.
 */
export function tellUser(
  logger: Logger,
  client: { chat: { postEphemeral(args: ChatPostEphemeralArguments): Promise<unknown> } },
  args: ChatPostEphemeralArguments,
): void {
  callSlackLater(logger, "ephemeral answer", () => client.chat.postEphemeral(args));
}
