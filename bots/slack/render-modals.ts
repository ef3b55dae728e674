import type { types } from "@slack/bolt";
import { truncateText } from "./escape-mrkdwn.ts";
import { HAND_BACK_INPUT, MODAL_INPUT, MODALS } from "./slack-views.ts";

// Slack's limits: a modal title is at most 24 characters, private_metadata at most 3000.
export const TITLE_MAX = 24;
export const PRIVATE_METADATA_MAX = 3000;
// The text is sent to the customer by SMS, so it is kept to a few messages.
const INPUT_MAX = 500;

type ModalView = types.ModalView;
type PlainText = types.PlainTextElement;

/** Asks a supervisor why the request is denied; the reason is texted to the customer. */
export function renderDenyModal(privateMetadata: string, requestNumber: number): ModalView {
  return renderTextInputModal({
    callbackId: MODALS.deny,
    privateMetadata,
    title: `Deny request #${requestNumber}`,
    submit: "Deny",
    label: "Reason (sent to the customer)",
    hint: `The customer of request #${requestNumber} gets this reason by message.`,
  });
}

/** Asks a supervisor for a question that is texted to the customer before deciding. */
export function renderAskModal(privateMetadata: string, requestNumber: number): ModalView {
  return renderTextInputModal({
    callbackId: MODALS.ask,
    privateMetadata,
    title: `Ask about #${requestNumber}`,
    submit: "Send",
    label: "Question for the customer",
    hint: `The customer of request #${requestNumber} gets this question by message; their answer comes back here.`,
  });
}

/** Asks a supervisor why the agency cancels; the reason is texted to the customer (no fee). */
export function renderCancelModal(privateMetadata: string, requestNumber: number): ModalView {
  return renderTextInputModal({
    callbackId: MODALS.cancel,
    privateMetadata,
    title: `Cancel request #${requestNumber}`,
    submit: "Cancel request",
    label: "Reason (sent to the customer)",
    hint: `Request #${requestNumber} is cancelled for the agency with no fee; its customer gets this reason and its officers are released.`,
  });
}

function renderTextInputModal(options: {
  callbackId: string;
  privateMetadata: string;
  title: string;
  submit: string;
  label: string;
  hint: string;
}): ModalView {
  // Slack would reject the view; the metadata is ours (ids), so this is a broken invariant.
  if (options.privateMetadata.length > PRIVATE_METADATA_MAX) {
    throw new Error(
      `private_metadata is ${options.privateMetadata.length} characters, Slack allows ${PRIVATE_METADATA_MAX}`,
    );
  }
  return {
    type: "modal",
    callback_id: options.callbackId,
    private_metadata: options.privateMetadata,
    title: plainText(truncateText(options.title, TITLE_MAX)),
    submit: plainText(options.submit),
    close: plainText("Cancel"),
    blocks: [
      {
        type: "input",
        block_id: MODAL_INPUT.block,
        label: plainText(options.label),
        hint: plainText(options.hint),
        element: {
          type: "plain_text_input",
          action_id: MODAL_INPUT.action,
          multiline: true,
          max_length: INPUT_MAX,
        },
      },
    ],
  };
}

export function plainText(text: string): PlainText {
  return { type: "plain_text", text, emoji: true };
}

/**
 * Hand back with a note and draft corrections, all optional: the note is texted to the customer
 * before the bot's words; each field filled replaces what the draft holds (read like a customer's
 * answer), and the bot then asks for whatever is still missing.
 */
export function renderHandBackModal(privateMetadata: string, draft: string): ModalView {
  if (privateMetadata.length > PRIVATE_METADATA_MAX) {
    throw new Error(`private_metadata is ${privateMetadata.length} characters, Slack allows ${PRIVATE_METADATA_MAX}`);
  }
  const field = (blockId: string, label: string, placeholder: string, multiline = false) => ({
    type: "input" as const,
    block_id: blockId,
    optional: true,
    label: plainText(label),
    element: {
      type: "plain_text_input" as const,
      action_id: blockId,
      multiline,
      max_length: multiline ? INPUT_MAX : 100,
      placeholder: plainText(placeholder),
    },
  });
  return {
    type: "modal",
    callback_id: MODALS.handBack,
    private_metadata: privateMetadata,
    title: plainText("Hand back to the bot"),
    submit: plainText("Hand back"),
    close: plainText("Cancel"),
    blocks: [
      {
        type: "section",
        text: plainText(draft ? `The bot has: ${truncateText(draft, 2000)}` : "The bot has no draft yet."),
      },
      field(HAND_BACK_INPUT.note, "Note to the customer", "Sent before the bot picks up", true),
      field(HAND_BACK_INPUT.date, "Correct the date", "e.g. Dec 19"),
      field(HAND_BACK_INPUT.times, "Correct the times", "e.g. 7pm to midnight"),
      field(HAND_BACK_INPUT.address, "Correct the address", "e.g. 1500 N Stone Ave"),
      field(HAND_BACK_INPUT.officers, "Correct the officer count", "e.g. 3"),
    ],
  };
}
