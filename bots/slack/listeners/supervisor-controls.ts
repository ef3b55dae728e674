import type { App, BlockAction, ButtonAction, ViewSubmitAction } from "@slack/bolt";
import { SupervisorActions } from "../../../prisma/repositories/supervisor-actions.ts";
import { notifyCustomer } from "../decide-request.ts";
import { escapeMrkdwn } from "../escape-mrkdwn.ts";
import { renderCancelModal } from "../render-modals.ts";
import { ACTIONS, MODALS } from "../slack-views.ts";
import { authorizeOnRequest } from "../staff-authority.ts";
import { readCardRef, readModalText, requireText, writeCardRef } from "./card-modal.ts";
import { callSlackLater, replyTarget, type SlackListenerDeps, tellUser } from "./listener-deps.ts";

const CANCELLABLE = ["approved", "staffing", "staffed"];

/**
 * "Re-broadcast now" and "Cancel request" on an approved card, for the approvers of the
 * request's agency; each change is audited with the clicker's Slack user id.
 */
export function registerSupervisorControls(app: App, deps: SlackListenerDeps): void {
  const actions = new SupervisorActions(deps.prisma);

  app.action<BlockAction<ButtonAction>>(ACTIONS.rebroadcast, async ({ ack, body, action, client }) => {
    await ack();
    const right = await authorizeOnRequest(deps, action.value ?? "", body.user.id, "rebroadcast");
    if (right.kind === "refused") {
      tellUser(deps.logger, client, { ...replyTarget(body), text: right.text });
      return;
    }
    const at = deps.now();
    const outcome = await actions.recordRebroadcast({ requestId: right.request.id, by: body.user.id, at });
    switch (outcome.kind) {
      case "queued":
        await deps.queues.rebroadcastNow(right.request.id, outcome.wave, String(at.getTime()));
        await deps.queues.postRequestNotice(
          right.request.id,
          `rebroadcast-${at.getTime()}`,
          `<@${body.user.id}> sent the next wave of offers now (wave ${outcome.wave + 1}) for ${outcome.openPositions} open position${outcome.openPositions === 1 ? "" : "s"}.`,
        );
        return;
      case "not_staffing":
        tellUser(deps.logger, client, {
          ...replyTarget(body),
          text: `Request #${outcome.number} is ${outcome.status.replace(/_/g, " ")}, so no offers go out. Nothing was changed.`,
        });
        return;
      case "no_open_position":
        tellUser(deps.logger, client, {
          ...replyTarget(body),
          text: `Every position of request #${outcome.number} is filled. Nothing was changed.`,
        });
        return;
      case "not_found":
        tellUser(deps.logger, client, { ...replyTarget(body), text: "This card's request no longer exists. Nothing was changed." });
    }
  });

  app.action<BlockAction<ButtonAction>>(ACTIONS.cancel, async ({ ack, body, action, client }) => {
    await ack();
    const right = await authorizeOnRequest(deps, action.value ?? "", body.user.id, "cancel");
    if (right.kind === "refused") {
      tellUser(deps.logger, client, { ...replyTarget(body), text: right.text });
      return;
    }
    const { request } = right;
    if (!CANCELLABLE.includes(request.status)) {
      await deps.queues.syncRequestCard(request.id, `stale-${deps.now().getTime()}`);
      tellUser(deps.logger, client, {
        ...replyTarget(body),
        text: `Request #${request.number} is ${request.status.replace(/_/g, " ")} and can't be cancelled here. Nothing was changed.`,
      });
      return;
    }
    const ref = writeCardRef({ requestId: request.id, channel: body.channel?.id ?? null });
    callSlackLater(deps.logger, "views.open", () =>
      client.views.open({ trigger_id: body.trigger_id, view: renderCancelModal(ref, request.number) }),
    );
  });

  app.view<ViewSubmitAction>(MODALS.cancel, async ({ ack, body, view, client }) => {
    const reason = readModalText(view);
    if (reason.length === 0) {
      await ack(requireText("Give the customer a reason."));
      return;
    }
    await ack();
    const ref = readCardRef(view);
    const answer = (text: string) =>
      tellUser(deps.logger, client, { channel: ref.channel ?? body.user.id, user: body.user.id, text });
    const right = await authorizeOnRequest(deps, ref.requestId, body.user.id, "cancel");
    if (right.kind === "refused") {
      answer(right.text);
      return;
    }
    const outcome = await actions.cancelForAgency({ requestId: ref.requestId, by: body.user.id, reason, at: deps.now() });
    switch (outcome.kind) {
      case "cancelled":
        await notifyCustomer(deps, ref.requestId, "agency-cancel", (t, n) => t.cancelledByAgency(n, reason));
        // Posted under the key the request-cancelled job uses, so the thread says who cancelled
        // and why, and the job's "cancelled by the customer" line (same key) is not posted again.
        await deps.queues.postRequestNotice(
          ref.requestId,
          "cancelled",
          `<@${body.user.id}> cancelled #${outcome.number} for the agency (no fee). Reason: ${escapeMrkdwn(reason, 500)}. Assigned officers are being released.`,
        );
        // Offers withdrawn, positions closed, officers released and told, the card refreshed.
        await deps.queues.enqueueRequestCancelled(outcome.number);
        return;
      case "not_cancellable":
        answer(`Request #${outcome.number} is ${outcome.status.replace(/_/g, " ")} and can't be cancelled here. Nothing was changed.`);
        return;
      case "not_found":
        answer("This card's request no longer exists. Nothing was changed.");
    }
  });
}
