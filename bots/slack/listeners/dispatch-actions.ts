import type { App, BlockAction, ButtonAction, ViewOutput, ViewSubmitAction } from "@slack/bolt";
import { type HandBackInput, readDispatcherEdits } from "../../../core/intake/index.ts";
import type { HandBackOutcome } from "../../../prisma/repositories/dispatch-repository.ts";
import { renderHandBackModal } from "../render-modals.ts";
import { ACTIONS, HAND_BACK_INPUT, MODALS } from "../slack-views.ts";
import { authorizeOnConversation } from "../staff-authority.ts";
import { callSlackLater, replyTarget, type SlackListenerDeps, tellUser } from "./listener-deps.ts";

/** What the hand-back modal remembers (its private_metadata). */
interface HandBackRef {
  conversationId: string;
  /** Channel of the click, for ephemeral answers; null when unknown (the user's DM then). */
  channel: string | null;
}

const FIELD_LABELS = { date: "date", times: "times", address: "address", officers: "officer count" } as const;

/**
 * Take over / Hand back on a dispatcher thread, by staff of the conversation's agency only.
 * Hand back is one click; "Hand back with a note…" opens a modal for a note to the customer and
 * corrections to the draft (date, times, address, officer count), read by the customer's parser.
 */
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
        // Only the holder sees the way to hand back with a note: the thread root keeps one button.
        tellUser(deps.logger, client, {
          ...replyTarget(body),
          text: "You hold this conversation. What the customer tells you is kept in the bot's draft.",
          blocks: [
            {
              type: "section",
              text: { type: "mrkdwn", text: "You hold this conversation. What the customer tells you is kept in the bot's draft." },
              accessory: {
                type: "button",
                action_id: ACTIONS.handBackWithNote,
                value: conversationId,
                text: { type: "plain_text", text: "Hand back with a note…" },
              },
            },
          ],
        });
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
    const tell = (text: string) => tellUser(deps.logger, client, { ...replyTarget(body), text });
    await finishHandBack(deps, outcome, { conversationId, userId: body.user.id, at, withNote: false }, tell);
  });

  app.action<BlockAction<ButtonAction>>(ACTIONS.handBackWithNote, async ({ ack, body, action, client }) => {
    await ack();
    const conversationId = action.value ?? "";
    const right = await authorizeOnConversation(deps, conversationId, body.user.id, "hand_back");
    if (right.kind === "refused") {
      tellUser(deps.logger, client, { ...replyTarget(body), text: right.text });
      return;
    }
    const held = await deps.dispatch.describeHeldDraft(conversationId);
    if (held.kind !== "held") {
      tellUser(deps.logger, client, {
        ...replyTarget(body),
        text: held.kind === "not_held" ? "The bot already has this conversation. Nothing was changed." : "This conversation no longer exists.",
      });
      return;
    }
    const ref: HandBackRef = { conversationId, channel: body.channel?.id ?? null };
    const view = renderHandBackModal(JSON.stringify(ref), held.draft);
    callSlackLater(deps.logger, "views.open", () => client.views.open({ trigger_id: body.trigger_id, view }));
  });

  app.view<ViewSubmitAction>(MODALS.handBack, async ({ ack, body, view, client }) => {
    const ref = JSON.parse(view.private_metadata) as HandBackRef;
    const tell = (text: string) =>
      tellUser(deps.logger, client, { channel: ref.channel ?? body.user.id, user: body.user.id, text });
    const right = await authorizeOnConversation(deps, ref.conversationId, body.user.id, "hand_back");
    if (right.kind === "refused") {
      await ack();
      tell(right.text);
      return;
    }
    const at = deps.now();
    const held = await deps.dispatch.describeHeldDraft(ref.conversationId);
    if (held.kind !== "held") {
      await ack();
      tell(held.kind === "not_held" ? "The bot already has this conversation. Nothing was changed." : "This conversation no longer exists.");
      return;
    }
    const edits = readDispatcherEdits(readFields(view), { now: at, timeZone: held.timeZone, language: held.language });
    if (edits.kind === "unread") {
      // Kept open: a correction silently dropped would send the bot on with the wrong draft.
      await ack({
        response_action: "errors",
        errors: Object.fromEntries(
          edits.fields.map((field) => [HAND_BACK_INPUT[field], `Couldn't read this ${FIELD_LABELS[field]}; try e.g. the example.`]),
        ),
      });
      return;
    }
    await ack();
    const handBack: HandBackInput = { note: readValue(view, HAND_BACK_INPUT.note) || null, edits: edits.extraction };
    const outcome = await deps.dispatch.handBack(ref.conversationId, body.user.id, at, handBack);
    const withNote = handBack.note !== null || handBack.edits !== null;
    await finishHandBack(deps, outcome, { conversationId: ref.conversationId, userId: body.user.id, at, withNote }, tell);
  });
}

/** After a hand back: the customer gets the bot's words, the thread root offers Take over again. */
async function finishHandBack(
  deps: SlackListenerDeps,
  outcome: HandBackOutcome,
  input: { conversationId: string; userId: string; at: Date; withNote: boolean },
  tell: (text: string) => void,
): Promise<void> {
  const key = `hand-back-${input.at.getTime()}`;
  switch (outcome.kind) {
    case "handed_back":
      await deps.queues.deliverToCustomer(outcome.conversationId, outcome.channel, key);
      await deps.queues.syncDispatchThread(
        input.conversationId,
        key,
        "refresh",
        `<@${input.userId}> handed the conversation back to the bot${input.withNote ? " with a note or corrections" : ""}.`,
      );
      return;
    case "not_held":
      tell("The bot already has this conversation. Nothing was changed.");
      return;
    case "not_found":
      tell("This conversation no longer exists.");
  }
}

function readValue(view: ViewOutput, blockId: string): string {
  return view.state.values[blockId]?.[blockId]?.value?.trim() ?? "";
}

function readFields(view: ViewOutput) {
  return {
    date: readValue(view, HAND_BACK_INPUT.date),
    times: readValue(view, HAND_BACK_INPUT.times),
    address: readValue(view, HAND_BACK_INPUT.address),
    officers: readValue(view, HAND_BACK_INPUT.officers),
  };
}
