import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { ACTIONS } from "../slack-views.ts";
import { authorizeOnConversation } from "../staff-authority.ts";
import { replyTarget, type SlackListenerDeps, tellUser } from "./listener-deps.ts";

/** Take over / Hand back on a dispatcher thread, by staff of the conversation's agency only. */
export function registerDispatchActions(app: App, deps: SlackListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTIONS.takeOver, async ({ ack, body, action, client }) => {
    await ack();
    const conversationId = action.value ?? "";
    const right = await authorizeOnConversation(deps, conversationId, body.user.id, "take_over");
    if (right.kind === "refused") {
      tellUser(deps.logger, client, { ...replyTarget(body), text: right.text });
      return;
    }
    const at = deps.now();
    const outcome = await deps.dispatch.takeOver(conversationId, body.user.id, at);
    switch (outcome.kind) {
      case "taken":
        await deps.queues.syncDispatchThread(
          conversationId,
          `take-${at.getTime()}`,
          "refresh",
          `<@${body.user.id}> took over. Replies in this thread now go to the customer; the bot is silent until *Hand back*.`,
        );
        return;
      case "already_held":
        tellUser(deps.logger, client, {
          ...replyTarget(body),
          text: `${outcome.holderId ? `<@${outcome.holderId}>` : "Another dispatcher"} already holds this conversation. Nothing was changed.`,
        });
        return;
      case "not_found":
        tellUser(deps.logger, client, { ...replyTarget(body), text: "This conversation no longer exists." });
    }
  });

  app.action<BlockAction<ButtonAction>>(ACTIONS.handBack, async ({ ack, body, action, client }) => {
    await ack();
    const conversationId = action.value ?? "";
    const right = await authorizeOnConversation(deps, conversationId, body.user.id, "hand_back");
    if (right.kind === "refused") {
      tellUser(deps.logger, client, { ...replyTarget(body), text: right.text });
      return;
    }
    const at = deps.now();
    const outcome = await deps.dispatch.handBack(conversationId, body.user.id, at);
    switch (outcome.kind) {
      case "handed_back":
        await deps.queues.deliverToCustomer(outcome.conversationId, outcome.channel, `hand-back-${at.getTime()}`);
        await deps.queues.syncDispatchThread(
          conversationId,
          `hand-back-${at.getTime()}`,
          "refresh",
          `<@${body.user.id}> handed the conversation back to the bot.`,
        );
        return;
      case "not_held":
        tellUser(deps.logger, client, {
          ...replyTarget(body),
          text: "The bot already has this conversation. Nothing was changed.",
        });
        return;
      case "not_found":
        tellUser(deps.logger, client, { ...replyTarget(body), text: "This conversation no longer exists." });
    }
  });
}
