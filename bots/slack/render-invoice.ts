import { rankTitle } from "../../core/agencies/index.ts";
import { formatCents } from "../../core/intake/index.ts";
import {
  canTakeInvoiceAction,
  describeInvoiceLine,
  formatMinutes,
  type InvoiceAction,
  type InvoiceStatusName,
} from "../../core/invoicing/index.ts";
import { assertNever } from "../../core/shared/index.ts";
import type { InvoiceDetail, InvoiceItemDetail } from "../../prisma/repositories/invoice-listing.ts";
import { escapeMrkdwn, mentionUser, truncateText } from "./escape-mrkdwn.ts";
import { fitLines, formatSlackTime } from "./render-request-card.ts";

/** Action ids of an invoice's buttons (value: the invoice id): a contract with Slack and the demo. */
export const INVOICE_ACTIONS = {
  issue: "invoice_issue",
  void: "invoice_void",
  markPaid: "invoice_mark_paid",
} as const;

// Slack allows 50 blocks a message: a cycle invoice of many requests shows the first ones.
const MAX_REQUEST_SECTIONS = 40;
const HEADER_TEXT_MAX = 150;
const NAME_MAX = 100;
const REASON_MAX = 500;

const STATUS_NAMES: Record<InvoiceStatusName, string> = {
  draft: ":memo: Draft",
  issued: ":outbox_tray: Issued",
  paid: ":white_check_mark: Paid",
  void: ":no_entry_sign: Void",
};

/** "Draft", "Paid": the status in a list, without the emoji. */
export function describeInvoiceStatus(status: InvoiceStatusName): string {
  return STATUS_NAMES[status].replace(/^:[a-z_]+: /, "");
}

/** "Jane Doe, Acme Events" (escaped), or how they reached us when they gave no name. */
export function describeInvoiceCustomer(customer: InvoiceDetail["customer"]): string {
  if (customer === null) return "no customer on file";
  const named = [customer.name, customer.organization].filter((part) => part !== null && part !== "");
  return escapeMrkdwn(named.length > 0 ? named.join(", ") : customer.contact, 2 * NAME_MAX);
}

/**
 * An invoice as supervisors see it in Slack: number, customer, status, each request's lines and
 * billed minutes per position, the total, who changed it and when, and only the buttons its
 * status allows (none once paid or void: those are final).
 */
export function renderInvoiceMessage(invoice: InvoiceDetail, timeZone: string): { text: string; blocks: object[] } {
  const customer = describeInvoiceCustomer(invoice.customer);
  const total = formatCents(invoice.totalCents);
  const blocks: object[] = [
    { type: "header", text: plainText(truncateText(`Invoice ${invoice.number}`, HEADER_TEXT_MAX)) },
    {
      type: "section",
      fields: [
        mrkdwn(`*Customer*\n${customer}`),
        mrkdwn(`*Status*\n${STATUS_NAMES[invoice.status]}`),
        mrkdwn(`*Total*\n${total}`),
        mrkdwn(`*Bills*\n${describeBilled(invoice)}`),
      ],
    },
  ];
  for (const item of invoice.items.slice(0, MAX_REQUEST_SECTIONS)) {
    blocks.push({ type: "section", text: mrkdwn(fitLines(describeItem(item))) });
  }
  const hidden = invoice.items.length - MAX_REQUEST_SECTIONS;
  if (hidden > 0) blocks.push({ type: "context", elements: [mrkdwn(`…and ${hidden} more requests (see the CSV export).`)] });
  blocks.push({ type: "section", text: mrkdwn(`*Total: ${total}*`) });
  const history = describeHistory(invoice, timeZone);
  if (history.length > 0) blocks.push({ type: "context", elements: [mrkdwn(fitLines(history))] });
  const buttons = renderButtons(invoice);
  if (buttons !== null) blocks.push(buttons);
  const status = describeInvoiceStatus(invoice.status).toLowerCase();
  return { text: `Invoice ${invoice.number} (${status}) for ${customer}: ${total}`, blocks };
}

function describeBilled(invoice: InvoiceDetail): string {
  const numbers = invoice.items.map((item) => `#${item.requestNumber}`);
  const requests = numbers.length === 1 ? `Request ${numbers[0]}` : `${numbers.length} requests`;
  switch (invoice.kind) {
    case "cancellation":
      return `${requests}, cancellation fee`;
    case "cycle":
      return `${requests}, billing cycle`;
    default:
      return `${requests}, hours worked`;
  }
}

/** "*Request #1042* — hours worked", its lines, the minutes billed per position. */
function describeItem(item: InvoiceItemDetail): string[] {
  const what = item.kind === "cancellation_fee" ? "cancellation fee" : "hours worked";
  const lines = [`*Request #${item.requestNumber}* — ${what} — ${formatCents(item.totalCents)}`];
  for (const line of item.lines) {
    const text = describeInvoiceLine(line, "en");
    lines.push(`• ${text.description}: ${text.quantity} × ${formatCents(text.unitCents)}/${text.unit} = ${formatCents(text.amountCents)}`);
  }
  if (item.billedMinutes.length > 0) {
    const positions = item.billedMinutes.map(
      (position, index) => `${position.rank === null ? `Position ${index + 1}` : rankTitle(position.rank)} ${formatMinutes(position.minutes)}`,
    );
    lines.push(`_Billed per position:_ ${positions.join(" · ")}`);
  }
  return lines;
}

/** Who issued, was paid, voided, and when, in the agency's zone; and what it corrects. */
function describeHistory(invoice: InvoiceDetail, timeZone: string): string[] {
  const when = (at: Date | null) => (at === null ? "" : ` on ${formatSlackTime(at, timeZone)}`);
  const lines: string[] = [];
  if (invoice.correctsNumber !== null) lines.push(`Corrects void invoice ${escapeMrkdwn(invoice.correctsNumber, 40)}.`);
  if (invoice.issuedBy !== null) lines.push(`Issued by ${mentionUser(invoice.issuedBy)}${when(invoice.issuedAt)}`);
  if (invoice.paidBy !== null) {
    const reference = invoice.paymentReference ? ` — reference ${escapeMrkdwn(invoice.paymentReference, NAME_MAX)}` : "";
    lines.push(`Marked paid by ${mentionUser(invoice.paidBy)}${when(invoice.paidAt)}${reference}`);
  }
  if (invoice.voidedBy !== null) {
    const reason = invoice.voidReason ? `: ${escapeMrkdwn(invoice.voidReason, REASON_MAX)}` : "";
    lines.push(`Voided by ${mentionUser(invoice.voidedBy)}${when(invoice.voidedAt)}${reason}`);
  }
  return lines;
}

const BUTTON_ORDER: readonly InvoiceAction[] = ["issue", "mark_paid", "void"];

function renderButtons(invoice: InvoiceDetail): object | null {
  const allowed = BUTTON_ORDER.filter((action) => canTakeInvoiceAction(action, invoice.status));
  if (allowed.length === 0) return null;
  return { type: "actions", block_id: "invoice_actions", elements: allowed.map((action) => renderButton(action, invoice.id)) };
}

function renderButton(action: InvoiceAction, invoiceId: string): object {
  switch (action) {
    case "issue":
      return { type: "button", action_id: INVOICE_ACTIONS.issue, text: plainText("Issue"), value: invoiceId, style: "primary" };
    case "mark_paid":
      return { type: "button", action_id: INVOICE_ACTIONS.markPaid, text: plainText("Mark paid"), value: invoiceId, style: "primary" };
    case "void":
      return { type: "button", action_id: INVOICE_ACTIONS.void, text: plainText("Void"), value: invoiceId, style: "danger" };
    default:
      return assertNever(action);
  }
}

function plainText(text: string): { type: "plain_text"; text: string; emoji: true } {
  return { type: "plain_text", text, emoji: true };
}

function mrkdwn(text: string): { type: "mrkdwn"; text: string } {
  return { type: "mrkdwn", text };
}
