import type { App, BlockAction, ButtonAction, ViewSubmitAction } from "@slack/bolt";
import { checkDecisionRight, notifyCustomer } from "../decide-request.ts";
import { renderAskModal } from "../render-modals.ts";
import { ACTIONS, MODALS } from "../slack-views.ts";
import { readCardRef, readModalText, requireText, writeCardRef } from "./card-modal.ts";
import { callSlackLater, replyTarget, type SlackListenerDeps, tellUser } from "./listener-deps.ts";

/** "Ask customer" on the approval card: a question from a modal, sent to the customer. */
export function registerAskCustomer(app: App, deps: SlackListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTIONS.ask, async ({ ack, body, action, client }) => {
    await ack();
    const requestId = action.value ?? "";
    const right = await checkDecisionRight(deps, requestId, body.user.id, "ask");
    if (right.kind === "refused") {
      tellUser(deps.logger, client, { ...replyTarget(body), text: right.text });
      return;
    }
    const ref = writeCardRef({ requestId, channel: body.channel?.id ?? null });
    callSlackLater(deps.logger, "views.open", () => client.views.open({ trigger_id: body.trigger_id, view: renderAskModal(ref, right.number) }));
  });

  app.view<ViewSubmitAction>(MODALS.ask, async ({ ack, body, view, client }) => {
    const question = readModalText(view);
    if (question.length === 0) {
      await ack(requireText("Write the question for the customer."));
      return;
    }
    await ack();
    const ref = readCardRef(view);
    const right = await checkDecisionRight(deps, ref.requestId, body.user.id, "ask");
    if (right.kind === "refused") {
      tellUser(deps.logger, client, { channel: ref.channel ?? body.user.id, user: body.user.id, text: right.text });
      return;
    }
    const key = `ask-${view.id}`;
    const sent = await notifyCustomer(deps, ref.requestId, key, (t, n) => t.question(n, question));
    await deps.queues.postRequestNotice(
      ref.requestId,
      key,
      sent
        ? `<@${body.user.id}> asked the customer: "${question.replace(/[<>&]/g, "")}". Their answer will appear in this thread.`
        : `<@${body.user.id}> wanted to ask the customer a question, but the request has no conversation to send it to.`,
    );
  });
}
