import { type Activity, ActivityHandler, TurnContext } from "botbuilder";
import type { Logger } from "../../config/logger.ts";
import type { AgencyConfig } from "../../core/agencies/index.ts";
import { formatPhone } from "../../core/intake/index.ts";
import type { InboundMessage } from "../../core/messages/index.ts";
import type { PrismaClient } from "../../prisma/client.ts";
import { handleCustomerTurn, type TurnDeps } from "../handle-turn.ts";
import { readUpdatesContact } from "./read-updates-contact.ts";
import { readCardAction } from "./render-activity.ts";
import { renderWebMessage } from "./render-web-message.ts";
import { renderWebGreeting } from "./render-web-text.ts";
import { describeUpdatesContact, loadUpdatesContact, saveUpdatesContact } from "./updates-contact-store.ts";
import { sendRecordedWebMessages } from "./web-delivery.ts";

export interface WebChatBotDeps {
  turn: TurnDeps;
  prisma: PrismaClient;
  logger: Logger;
  getAgency(id: string): AgencyConfig | undefined;
  /** Used when a client (e.g. the Bot Framework Emulator) names no agency. */
  defaultAgencyId: string;
}

const CONTACT_UNREADABLE = {
  en: (text: string) =>
    `I couldn't read "${text}" as a mobile number or email. Please correct it on the card and press Confirm again, or leave it empty to get updates here only.`,
  es: (text: string) =>
    `No pude leer "${text}" como celular o correo electrónico. Corríjalo en la tarjeta y pulse Confirmar otra vez, o déjelo vacío para recibir avisos solo aquí.`,
};

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
      // The only greeting: the intake's own first-message greeting is dropped when rendered.
      if (agency && newcomers.length > 0) await context.sendActivity(renderWebGreeting(agency.name));
      await next();
    });
  }

  private async answer(context: TurnContext): Promise<void> {
    const { activity } = context;
    const agencyId = readAgencyId(activity, this.deps.defaultAgencyId);
    const action = readCardAction(activity.value);
    const text = action?.text ?? (activity.text ?? "").trim();
    const participant = activity.conversation.id;
    const cardLanguage = (activity.value as { lang?: unknown } | undefined)?.lang === "es" ? "es" : "en";
    if (action && action.contact !== undefined) {
      // The quote card's contact box: a typo is sent back before the turn, so nothing is confirmed
      // with a number the customer did not mean; an empty box means updates here only.
      const contact = readUpdatesContact(action.contact);
      if (contact.kind === "invalid") {
        await context.sendActivity(CONTACT_UNREADABLE[cardLanguage](contact.text));
        return;
      }
      if (contact.kind !== "none" && this.deps.getAgency(agencyId)) {
        const saved = contact.kind === "phone" ? { phone: contact.phone } : { email: contact.email };
        await saveUpdatesContact(this.deps.prisma, { agencyId, participant, language: cardLanguage }, saved);
      }
    }
    const message: InboundMessage = {
      channel: "web",
      agencyId,
      from: participant,
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
    const stored = await loadUpdatesContact(this.deps.prisma, { agencyId, participant });
    const slots = result.kind === "replied" ? result.state.slots : null;
    // The customer as their own site contact already gave a number: offered as the card's default.
    const ownSitePhone =
      slots?.siteContactPhone && slots.siteContactName !== null && slots.siteContactName === slots.customerName
        ? formatPhone(slots.siteContactPhone)
        : null;
    const agencyName = this.deps.getAgency(agencyId)?.name ?? null;
    await sendRecordedWebMessages(this.deps.prisma, result.conversationId, context, (body, isLast) =>
      renderWebMessage(body, isLast, {
        language,
        agencyName,
        phone: stored.phone,
        quoteAwaiting: confirming,
        knownContact: describeUpdatesContact(stored) ?? ownSitePhone,
      }),
    );
  }
}
