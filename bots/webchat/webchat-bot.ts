import { type Activity, ActivityHandler, TurnContext } from "botbuilder";
import type { Logger } from "../../config/logger.ts";
import type { AgencyConfig } from "../../core/agencies/index.ts";
import type { InboundMessage } from "../../core/messages/index.ts";
import type { PrismaClient } from "../../prisma/client.ts";
import { handleCustomerTurn, type TurnDeps } from "../handle-turn.ts";
import { readCardAction, renderQuoteCard } from "./render-activity.ts";
import { sendRecordedWebMessages } from "./web-delivery.ts";

export interface WebChatBotDeps {
  turn: TurnDeps;
  prisma: PrismaClient;
  logger: Logger;
  getAgency(id: string): AgencyConfig | undefined;
  /** Used when a client (e.g. the Bot Framework Emulator) names no agency. */
  defaultAgencyId: string;
}

const GREETING = (agency: AgencyConfig) =>
  `Hi! This is ${agency.name}'s off-duty officer desk. Tell me what you need: the date and time, the address and how many officers. Type AGENT any time to reach a dispatcher.`;

/** The agency a web chat belongs to: named by the chat page (channelData), else the default. */
function readAgencyId(activity: Partial<Activity>, fallback: string): string {
  const named = (activity.channelData as { agencyId?: unknown } | undefined)?.agencyId;
  return typeof named === "string" && named.length > 0 ? named : fallback;
}

/**
 * Web chat on the same intake as SMS: each message is stored, stepped through the core, and the
 * recorded replies are sent back in the turn (the quote summary as a card with Confirm/Change).
 */
export class WebChatBot extends ActivityHandler {
  constructor(private readonly deps: WebChatBotDeps) {
    super();
    this.onMessage(async (context, next) => {
      await this.answer(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const agency = deps.getAgency(readAgencyId(context.activity, deps.defaultAgencyId));
      const newcomers = (context.activity.membersAdded ?? []).filter((m) => m.id !== context.activity.recipient?.id);
      if (agency && newcomers.length > 0) await context.sendActivity(GREETING(agency));
      await next();
    });
  }

  private async answer(context: TurnContext): Promise<void> {
    const { activity } = context;
    const agencyId = readAgencyId(activity, this.deps.defaultAgencyId);
    const text = readCardAction(activity.value) ?? (activity.text ?? "").trim();
    const message: InboundMessage = {
      channel: "web",
      agencyId,
      from: activity.conversation.id,
      to: agencyId,
      text,
      providerId: activity.id ? `web-${activity.conversation.id}-${activity.id}` : null,
      media: [],
      receivedAt: new Date(),
    };
    const result = await handleCustomerTurn(message, this.deps.turn);
    if (result.kind === "unknown_agency") {
      await context.sendActivity("This chat is not connected to a police department. Please use the chat on your agency's page.");
      return;
    }
    if (result.kind === "duplicate") return;
    // Stored for proactive messages later (a dispatcher's reply, approval and staffing news).
    const reference = JSON.parse(JSON.stringify(TurnContext.getConversationReference(activity)));
    await this.deps.prisma.conversation.update({ where: { id: result.conversationId }, data: { reference } });
    const confirming = result.kind === "replied" && result.state.phase === "confirming" && result.state.pending !== null;
    const language = result.kind === "replied" ? (result.state.language ?? "en") : "en";
    await sendRecordedWebMessages(this.deps.prisma, result.conversationId, context, (body, isLast) =>
      confirming && isLast ? renderQuoteCard(body, language) : { type: "message", text: body },
    );
  }
}
