import type { App, BlockAction, ButtonAction, ViewSubmitAction } from "@slack/bolt";
import type { AgencyConfig } from "../../../core/agencies/index.ts";
import { canTakeInvoiceAction, type InvoiceAction, type InvoiceStatusName } from "../../../core/invoicing/index.ts";
import {
  type InvoiceActionOutcome,
  issueInvoice,
  markInvoicePaid,
  voidInvoice,
} from "../../../prisma/repositories/invoices/index.ts";
import { INVOICE_ACTIONS } from "../render-invoice.ts";
import {
  INVOICE_INPUT,
  INVOICE_MODALS,
  readInvoiceRef,
  readPaymentReference,
  readVoidAnswers,
  renderMarkPaidModal,
  renderVoidInvoiceModal,
  requireInput,
  writeInvoiceRef,
} from "../render-invoice-modals.ts";
import { authorizeStaffAction, isRowId } from "../staff-authority.ts";
import { callSlackLater, replyTarget, type SlackListenerDeps, tellUser } from "./listener-deps.ts";

const GONE = "This invoice no longer exists. Nothing was changed.";
const STATUS_WORDS: Record<InvoiceStatusName, string> = { draft: "a draft", issued: "issued", paid: "paid", void: "void" };
const ACTION_WORDS: Record<InvoiceAction, string> = { issue: "issued", void: "voided", mark_paid: "marked paid" };

type InvoiceRight =
  | { kind: "allowed"; agency: AgencyConfig; invoice: { id: string; number: string; status: InvoiceStatusName } }
  | { kind: "refused"; text: string };

/**
 * Issue, Void and Mark paid on an invoice's Slack message, for the approvers of the invoice's own
 * agency (staff-authority.ts, action `bill`) whatever channel the click comes from. A refusal is
 * told to the clicker alone and changes nothing; a change refreshes the message.
 */
export function registerInvoiceActions(app: App, deps: SlackListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(INVOICE_ACTIONS.issue, async ({ ack, body, action, client }) => {
    await ack();
    const answer = (text: string) => tellUser(deps.logger, client, { ...replyTarget(body), text });
    const right = await authorizeOnInvoice(deps, action.value ?? "", body.user.id);
    if (right.kind === "refused") return answer(right.text);
    const at = deps.now();
    const outcome = await issueInvoice(deps.prisma, { invoiceId: right.invoice.id, agencyId: right.agency.id, by: body.user.id, at });
    // Issued is when the customer may see it: they are told, with the link to their page.
    if (outcome.kind === "done") await deps.queues.notifyCustomerOfInvoice(outcome.invoice.id);
    await answerOutcome(deps, answer, "issue", right.invoice.id, outcome, at);
  });

  app.action<BlockAction<ButtonAction>>(INVOICE_ACTIONS.void, async ({ ack, body, action, client }) => {
    await ack();
    const right = await openableFor(deps, "void", action.value ?? "", body.user.id);
    if (right.kind === "refused") return tellUser(deps.logger, client, { ...replyTarget(body), text: right.text });
    const ref = writeInvoiceRef({ invoiceId: right.invoice.id, channel: body.channel?.id ?? null });
    callSlackLater(deps.logger, "views.open", () =>
      client.views.open({ trigger_id: body.trigger_id, view: renderVoidInvoiceModal(ref, right.invoice.number) }),
    );
  });

  app.action<BlockAction<ButtonAction>>(INVOICE_ACTIONS.markPaid, async ({ ack, body, action, client }) => {
    await ack();
    const right = await openableFor(deps, "mark_paid", action.value ?? "", body.user.id);
    if (right.kind === "refused") return tellUser(deps.logger, client, { ...replyTarget(body), text: right.text });
    const ref = writeInvoiceRef({ invoiceId: right.invoice.id, channel: body.channel?.id ?? null });
    callSlackLater(deps.logger, "views.open", () =>
      client.views.open({ trigger_id: body.trigger_id, view: renderMarkPaidModal(ref, right.invoice.number) }),
    );
  });

  app.view<ViewSubmitAction>(INVOICE_MODALS.void, async ({ ack, body, view, client }) => {
    const { reason, redraft } = readVoidAnswers(view);
    if (reason.length === 0) {
      await ack(requireInput(INVOICE_INPUT.reason, "Say why the invoice is voided."));
      return;
    }
    await ack();
    await actOnSubmission(deps, client, body.user.id, view, async (right, at, answer) => {
      const outcome = await voidInvoice(deps.prisma, right.agency, { ...staffAction(right, body.user.id, at), reason, redraft });
      await answerOutcome(deps, answer, "void", right.invoice.id, outcome, at);
      if (outcome.kind !== "done" || !redraft) return;
      if (outcome.replacement) {
        await deps.queues.postInvoiceToSlack(outcome.replacement.id, "drafted");
        answer(`Invoice ${outcome.invoice.number} is void; the corrected draft is ${outcome.replacement.number}.`);
      } else {
        answer(`Invoice ${outcome.invoice.number} is void. No corrected draft was made: nothing is left to bill on it.`);
      }
    });
  });

  app.view<ViewSubmitAction>(INVOICE_MODALS.markPaid, async ({ ack, body, view, client }) => {
    const reference = readPaymentReference(view);
    if (reference.length === 0) {
      await ack(requireInput(INVOICE_INPUT.reference, "Give the payment's reference (check number, transfer id)."));
      return;
    }
    await ack();
    await actOnSubmission(deps, client, body.user.id, view, async (right, at, answer) => {
      const outcome = await markInvoicePaid(deps.prisma, { ...staffAction(right, body.user.id, at), reference });
      await answerOutcome(deps, answer, "mark_paid", right.invoice.id, outcome, at);
    });
  });
}

type Allowed = Extract<InvoiceRight, { kind: "allowed" }>;

function staffAction(right: Allowed, userId: string, at: Date) {
  return { invoiceId: right.invoice.id, agencyId: right.agency.id, by: userId, at };
}

/**
 * A submitted invoice modal: the modal was opened for a supervisor, but its submission is checked
 * again like any click; answers go to the channel the modal was opened from.
 */
async function actOnSubmission(
  deps: SlackListenerDeps,
  client: Parameters<typeof tellUser>[1],
  userId: string,
  view: Parameters<typeof readInvoiceRef>[0],
  act: (right: Allowed, at: Date, answer: (text: string) => void) => Promise<void>,
): Promise<void> {
  const ref = readInvoiceRef(view);
  const answer = (text: string) => tellUser(deps.logger, client, { channel: ref?.channel ?? userId, user: userId, text });
  const right = await authorizeOnInvoice(deps, ref?.invoiceId ?? "", userId);
  if (right.kind === "refused") return answer(right.text);
  await act(right, deps.now(), answer);
}

/** The invoice named by a button or modal, if the user may bill for its agency. */
async function authorizeOnInvoice(deps: SlackListenerDeps, invoiceId: string, userId: string): Promise<InvoiceRight> {
  // Button values come from messages anyone can craft; a non-UUID would make Prisma throw.
  const invoice = isRowId(invoiceId)
    ? await deps.prisma.invoice.findUnique({ where: { id: invoiceId }, select: { id: true, number: true, status: true, agencyId: true } })
    : null;
  const agency = invoice ? deps.getAgency(invoice.agencyId) : undefined;
  if (!invoice || !agency) return { kind: "refused", text: GONE };
  const authority = authorizeStaffAction(agency, userId, "bill");
  return authority.kind === "refused" ? authority : { kind: "allowed", agency, invoice };
}

/**
 * Before a modal opens: allowed, and the status still allows the action (a stale message is
 * refreshed rather than asking for a reason that would be refused).
 */
async function openableFor(deps: SlackListenerDeps, action: InvoiceAction, invoiceId: string, userId: string): Promise<InvoiceRight> {
  const right = await authorizeOnInvoice(deps, invoiceId, userId);
  if (right.kind === "refused" || canTakeInvoiceAction(action, right.invoice.status)) return right;
  await deps.queues.postInvoiceToSlack(right.invoice.id, `stale-${deps.now().getTime()}`);
  return { kind: "refused", text: refusedText(action, right.invoice.number, right.invoice.status) };
}

async function answerOutcome(
  deps: SlackListenerDeps,
  answer: (text: string) => void,
  action: InvoiceAction,
  invoiceId: string,
  outcome: InvoiceActionOutcome,
  at: Date,
): Promise<void> {
  switch (outcome.kind) {
    case "done":
      // The message shows the new status, who and when; no other answer is needed.
      await deps.queues.postInvoiceToSlack(outcome.invoice.id, `${ACTION_WORDS[action].replace(/ /g, "-")}-${at.getTime()}`);
      return;
    case "refused":
      // Someone else changed it first: the message catches up with them.
      await deps.queues.postInvoiceToSlack(invoiceId, `stale-${at.getTime()}`);
      answer(refusedText(action, outcome.number, outcome.status));
      return;
    case "not_found":
      answer(GONE);
  }
}

function refusedText(action: InvoiceAction, number: string, status: InvoiceStatusName): string {
  return `Invoice ${number} is ${STATUS_WORDS[status]}, so it can't be ${ACTION_WORDS[action]}. Nothing was changed.`;
}
