import type { Activity, CloudAdapter, TurnContext } from "botbuilder";
import { UnrecoverableError } from "bullmq";
import type { PrismaClient } from "../../prisma/client.ts";
import type { Language } from "../../core/agencies/index.ts";
import { renderWebMessage } from "./render-web-message.ts";
import type { ServiceUrlPolicy } from "./service-url-allowlist.ts";

/** A recorded message as an activity; null = not shown (it was said already), recorded as sent. */
export type RenderWebMessage = (body: string, isLast: boolean) => Partial<Activity> | null;

/** Proactive news (approval, staffing, a dispatcher's words) in web chat's words, in the conversation's language. */
const renderProactive =
  (language: Language): RenderWebMessage =>
  (body, isLast) =>
    renderWebMessage(body, isLast, { language, agencyName: null, phone: null, quoteAwaiting: false, knownContact: null });

/**
 * Sends a web conversation's recorded messages in order through a turn context, each claimed
 * first (recorded → sending) so the inline reply and a queued proactive delivery never send the
 * same message twice.
 */
export async function sendRecordedWebMessages(
  prisma: PrismaClient,
  conversationId: string,
  context: Pick<TurnContext, "sendActivity">,
  render: RenderWebMessage = renderProactive("en"),
): Promise<number> {
  const pending = await prisma.message.findMany({
    where: { conversationId, direction: "outbound", channel: "web", status: "recorded" },
    orderBy: { createdAt: "asc" },
  });
  let sent = 0;
  for (const [index, message] of pending.entries()) {
    const claimed = await prisma.message.updateMany({
      where: { id: message.id, status: "recorded" },
      data: { status: "sending", statusUpdatedAt: new Date(), attempts: { increment: 1 } },
    });
    if (claimed.count === 0) continue;
    const activity = render(message.body, index === pending.length - 1);
    if (activity === null) {
      await prisma.message.update({ where: { id: message.id }, data: { status: "sent", statusUpdatedAt: new Date() } });
      continue;
    }
    try {
      const response = await context.sendActivity(activity);
      await prisma.message.update({
        where: { id: message.id },
        data: { status: "sent", statusUpdatedAt: new Date(), providerId: response?.id ? `web-out-${conversationId}-${response.id}` : null },
      });
      sent += 1;
    } catch (error) {
      await prisma.message.update({ where: { id: message.id }, data: { status: "recorded" } });
      throw error;
    }
  }
  return sent;
}

/** Proactive delivery (dispatcher replies, approval and staffing news) through the stored reference. */
export class WebDelivery {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    /** A stored reference is re-checked: it may predate a change of configuration. */
    private readonly origins: ServiceUrlPolicy,
  ) {}

  async deliver(conversationId: string): Promise<number> {
    const conversation = await this.prisma.conversation.findUnique({ where: { id: conversationId } });
    if (!conversation?.reference) return 0;
    const serviceUrl = (conversation.reference as { serviceUrl?: unknown }).serviceUrl;
    if (typeof serviceUrl !== "string" || !this.origins(serviceUrl)) {
      throw new UnrecoverableError("the conversation's serviceUrl is not a Bot Framework channel; nothing sent");
    }
    let sent = 0;
    await this.adapter.continueConversationAsync(this.appId, conversation.reference as object, async (context) => {
      const language: Language = conversation.language === "es" ? "es" : "en";
      sent = await sendRecordedWebMessages(this.prisma, conversationId, context, renderProactive(language));
    });
    return sent;
  }
}
