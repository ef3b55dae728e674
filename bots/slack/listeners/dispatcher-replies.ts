import type { App } from "@slack/bolt";
import { authorizeStaffAction } from "../staff-authority.ts";
import { type SlackListenerDeps, tellUser } from "./listener-deps.ts";

interface ThreadMessage {
  channel: string;
  user?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  subtype?: string;
  bot_id?: string;
}

/**
 * A dispatcher's reply in a conversation's thread goes to the customer while a dispatcher holds
 * it; otherwise the dispatcher is told (only they see it) to take over first. Anyone else in the
 * channel (not staff of the conversation's agency) is told their reply was not sent.
 */
export function registerDispatcherReplies(app: App, deps: SlackListenerDeps): void {
  app.event("message", async ({ event, client }) => {
    const message = event as unknown as ThreadMessage;
    // Our own posts (relayed customer messages, notes) and edits are not replies.
    if (message.subtype || message.bot_id || !message.user || !message.thread_ts || message.thread_ts === message.ts) return;
    const conversation = await deps.dispatch.findByThread(message.thread_ts);
    const agency = conversation ? deps.getAgency(conversation.agencyId) : undefined;
    if (!conversation || !agency || agency.slack.dispatchChannel !== message.channel) return;
    const text = (message.text ?? "").trim();
    if (text.length === 0) return;
    const right = authorizeStaffAction(agency, message.user, "reply");
    if (right.kind === "refused") {
      tellUser(deps.logger, client, { channel: message.channel, user: message.user, thread_ts: message.thread_ts, text: right.text });
      return;
    }
    const outcome = await deps.dispatch.recordReply({
      conversationId: conversation.id,
      dispatcherId: message.user,
      text,
      slackTs: message.ts,
    });
    if (outcome.kind === "recorded") {
      await deps.queues.deliverToCustomer(outcome.conversationId, outcome.channel, `dispatcher-${message.ts}`);
    } else if (outcome.kind === "not_held") {
      tellUser(deps.logger, client, {
        channel: message.channel,
        user: message.user,
        thread_ts: message.thread_ts,
        text: "Not sent: press *Take over* first, then reply here to reach the customer.",
      });
    }
  });
}
