import type { AgencyConfig } from "../../../core/agencies/index.ts";
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
    "syncRequestCard" | "postRequestNotice" | "enqueueBroadcastWave" | "deliverToCustomer" | "syncDispatchThread"
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
