import type { App, BlockAction, ButtonAction, ViewSubmitAction } from "@slack/bolt";
import { checkDecisionRight, notifyCustomer } from "../decide-request.ts";
import { renderAskModal } from "../render-modals.ts";
import { ACTIONS, MODAL_INPUT, MODALS } from "../slack-views.ts";
import { replyTarget, type SlackListenerDeps } from "./listener-deps.ts";

interface AskRef {
  requestId: string;
  channel: string | null;
}

/** "Ask customer" on the approval card: a question from a modal, sent to the customer. */
export function registerAskCustomer(app: App, deps: SlackListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTIONS.ask, async ({ ack, body, action, client }) => {
    await ack();
    const requestId = action.value ?? "";
    const right = await checkDecisionRight(deps, requestId, body.user.id, "ask");
    if (right.kind === "refused") {
      await client.chat.postEphemeral({ ...replyTarget(body), text: right.text });
      return;
    }
    const ref: AskRef = { requestId, channel: body.channel?.id ?? null };
    await client.views.open({ trigger_id: body.trigger_id, view: renderAskModal(JSON.stringify(ref), right.number) });
  });

  app.view<ViewSubmitAction>(MODALS.ask, async ({ ack, body, view, client }) => {
    const question = view.state.values[MODAL_INPUT.block]?.[MODAL_INPUT.action]?.value?.trim() ?? "";
    if (question.length === 0) {
      await ack({ response_action: "errors", errors: { [MODAL_INPUT.block]: "Write the question for the customer." } });
      return;
    }
    await ack();
    const ref = JSON.parse(view.private_metadata) as AskRef;
    const right = await checkDecisionRight(deps, ref.requestId, body.user.id, "ask");
    if (right.kind === "refused") {
      await client.chat.postEphemeral({ channel: ref.channel ?? body.user.id, user: body.user.id, text: right.text });
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
