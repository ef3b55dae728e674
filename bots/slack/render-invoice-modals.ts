import type { types, ViewOutput } from "@slack/bolt";
import { truncateText } from "./escape-mrkdwn.ts";
import { PRIVATE_METADATA_MAX, TITLE_MAX } from "./render-modals.ts";

/** Callback ids of the invoice modals: a contract with Slack. */
export const INVOICE_MODALS = {
  void: "invoice_void_modal",
  markPaid: "invoice_mark_paid_modal",
} as const;

/** Block and action ids of the invoice modals' inputs (each input's action id is its block's). */
export const INVOICE_INPUT = {
  reason: "invoice_void_reason",
  redraft: "invoice_redraft",
  reference: "invoice_payment_reference",
} as const;

/** The value of the one checkbox that asks for a corrected invoice. */
const REDRAFT_VALUE = "redraft";
// A reason and a reference are kept, not texted: room enough, short of a wall of text.
const REASON_MAX = 500;
const REFERENCE_MAX = 100;

/** What an invoice modal remembers (its private_metadata): the invoice and where to answer. */
export interface InvoiceRef {
  invoiceId: string;
  /** Channel of the clicked message, for an ephemeral answer; null when opened elsewhere. */
  channel: string | null;
}

export const writeInvoiceRef = (ref: InvoiceRef): string => {
  const text = JSON.stringify(ref);
  // Ids only: longer would be a broken invariant, and Slack would reject the view.
  if (text.length > PRIVATE_METADATA_MAX) throw new Error("invoice private_metadata over Slack's limit");
  return text;
};

export function readInvoiceRef(view: ViewOutput): InvoiceRef | null {
  try {
    const ref = JSON.parse(view.private_metadata) as Partial<InvoiceRef>;
    return typeof ref.invoiceId === "string" ? { invoiceId: ref.invoiceId, channel: ref.channel ?? null } : null;
  } catch {
    return null;
  }
}

/** Asks why an invoice is voided and whether a corrected draft should replace it. */
export function renderVoidInvoiceModal(privateMetadata: string, number: string): types.ModalView {
  return {
    type: "modal",
    callback_id: INVOICE_MODALS.void,
    private_metadata: privateMetadata,
    title: plainText(truncateText(`Void ${number}`, TITLE_MAX)),
    submit: plainText("Void invoice"),
    close: plainText("Cancel"),
    blocks: [
      {
        type: "input",
        block_id: INVOICE_INPUT.reason,
        label: plainText("Reason"),
        hint: plainText(`Kept on invoice ${number} and in the audit trail; amounts are never edited.`),
        element: { type: "plain_text_input", action_id: INVOICE_INPUT.reason, multiline: true, max_length: REASON_MAX },
      },
      {
        type: "input",
        block_id: INVOICE_INPUT.redraft,
        optional: true,
        label: plainText("Correction"),
        element: {
          type: "checkboxes",
          action_id: INVOICE_INPUT.redraft,
          options: [
            {
              text: plainText("Draft a corrected invoice"),
              value: REDRAFT_VALUE,
              description: plainText("Prices the requests again from the recorded hours, as a new draft with a new number."),
            },
          ],
        },
      },
    ],
  };
}

/** Asks for the payment's reference (check number, transfer id) when marking an invoice paid. */
export function renderMarkPaidModal(privateMetadata: string, number: string): types.ModalView {
  return {
    type: "modal",
    callback_id: INVOICE_MODALS.markPaid,
    private_metadata: privateMetadata,
    title: plainText(truncateText(`Paid: ${number}`, TITLE_MAX)),
    submit: plainText("Mark paid"),
    close: plainText("Cancel"),
    blocks: [
      {
        type: "input",
        block_id: INVOICE_INPUT.reference,
        label: plainText("Payment reference"),
        hint: plainText("A check number, transfer or receipt id: how the payment can be found again."),
        element: { type: "plain_text_input", action_id: INVOICE_INPUT.reference, max_length: REFERENCE_MAX },
      },
    ],
  };
}

/** The void modal's answers: the trimmed reason, and whether a corrected draft was asked for. */
export function readVoidAnswers(view: ViewOutput): { reason: string; redraft: boolean } {
  const values = view.state.values;
  const reason = values[INVOICE_INPUT.reason]?.[INVOICE_INPUT.reason]?.value?.trim() ?? "";
  const selected = values[INVOICE_INPUT.redraft]?.[INVOICE_INPUT.redraft]?.selected_options ?? [];
  return { reason, redraft: selected.some((option) => option.value === REDRAFT_VALUE) };
}

/** The mark-paid modal's trimmed payment reference. */
export function readPaymentReference(view: ViewOutput): string {
  return view.state.values[INVOICE_INPUT.reference]?.[INVOICE_INPUT.reference]?.value?.trim() ?? "";
}

/** The answer that keeps a modal open with `message` under the input `block`. */
export function requireInput(block: string, message: string) {
  return { response_action: "errors" as const, errors: { [block]: message } };
}

function plainText(text: string): types.PlainTextElement {
  return { type: "plain_text", text, emoji: true };
}
