import type { types } from "@slack/bolt";
import { truncateText } from "./escape-mrkdwn.ts";
import { MODAL_INPUT, MODALS } from "./slack-views.ts";

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
