import type { App, BlockAction, ButtonAction, ViewSubmitAction } from "@slack/bolt";
import { checkDecisionRight, decideRequest } from "../decide-request.ts";
import { renderDenyModal } from "../render-modals.ts";
import { ACTIONS, MODALS } from "../slack-views.ts";
import { readCardRef, readModalText, requireText, writeCardRef } from "./card-modal.ts";
import { callSlackLater, replyTarget, type SlackListenerDeps, tellUser } from "./listener-deps.ts";

/** Approve and deny on the approval card; a denial's reason comes from a modal. */
export function registerApprovalActions(app: App, deps: SlackListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTIONS.approve, async ({ ack, body, action, client }) => {
    await ack();
    const reply = await decideRequest(deps, {
      requestId: action.value ?? "",
      userId: body.user.id,
      decision: "approved",
      reason: null,
      at: deps.now(),
    });
    if (reply.text) tellUser(deps.logger, client, { ...replyTarget(body), text: reply.text });
  });

  app.action<BlockAction<ButtonAction>>(ACTIONS.deny, async ({ ack, body, action, client }) => {
    await ack();
    const requestId = action.value ?? "";
    const right = await checkDecisionRight(deps, requestId, body.user.id, "denied");
    if (right.kind === "refused") {
      if (right.stale) await deps.queues.syncRequestCard(requestId, `stale-${deps.now().getTime()}`);
      tellUser(deps.logger, client, { ...replyTarget(body), text: right.text });
      return;
    }
    const ref = writeCardRef({ requestId, channel: body.channel?.id ?? null });
    callSlackLater(deps.logger, "views.open", () => client.views.open({ trigger_id: body.trigger_id, view: renderDenyModal(ref, right.number) }));
  });

  app.view<ViewSubmitAction>(MODALS.deny, async ({ ack, body, view, client }) => {
    const reason = readModalText(view);
    if (reason.length === 0) {
      await ack(requireText("Give the customer a reason."));
      return;
    }
    await ack();
    const ref = readCardRef(view);
    const reply = await decideRequest(deps, {
      requestId: ref.requestId,
      userId: body.user.id,
      decision: "denied",
      reason,
      at: deps.now(),
    });
    if (reply.text) {
      tellUser(deps.logger, client, { channel: ref.channel ?? body.user.id, user: body.user.id, text: reply.text });
    }
  });
}
