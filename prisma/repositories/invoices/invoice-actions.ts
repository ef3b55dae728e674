import type { AgencyConfig } from "../../../core/agencies/index.ts";
import { canTakeInvoiceAction, type InvoiceAction, type InvoiceStatusName } from "../../../core/invoicing/index.ts";
import type { Invoice, PrismaClient } from "../../client.ts";
import { closeAccountPeriod } from "./billing-cycles.ts";
import { draftRequestInvoice } from "./draft-request-invoice.ts";

export type InvoiceActionOutcome =
  | { kind: "done"; invoice: Invoice; replacement?: { id: string; number: string } }
  | { kind: "not_found" }
  /** Not allowed from its status (issued twice, paid a draft, voided a paid one): nothing changed. */
  | { kind: "refused"; status: InvoiceStatusName; number: string };

interface StaffAction {
  invoiceId: string;
  /** The agency the staff member acts for: an invoice of another agency is not found. */
  agencyId: string;
  /** Slack user id of the supervisor. */
  by: string;
  at: Date;
}

/** Draft → issued: the customer may now see it and is told. */
export function issueInvoice(prisma: PrismaClient, input: StaffAction): Promise<InvoiceActionOutcome> {
  return transition(prisma, "issue", input, { issuedAt: input.at, issuedBy: input.by }, {});
}

/** Issued → paid, with the customer's payment reference (check number, transfer id). */
export function markInvoicePaid(prisma: PrismaClient, input: StaffAction & { reference: string }): Promise<InvoiceActionOutcome> {
  const reference = input.reference.trim().slice(0, 200);
  return transition(prisma, "mark_paid", input, { paidAt: input.at, paidBy: input.by, paymentReference: reference }, { reference });
}

/**
 * Draft or issued → void; its requests are free to be billed again. With `redraft`, a new draft
 * is priced from the records as they are now and points back at the voided one (`correctsId`):
 * amounts are never edited, a correction is a void plus a new invoice.
 */
export async function voidInvoice(
  prisma: PrismaClient,
  agency: AgencyConfig,
  input: StaffAction & { reason: string; redraft: boolean },
): Promise<InvoiceActionOutcome> {
  const reason = input.reason.trim().slice(0, 500);
  const outcome = await transition(prisma, "void", input, { voidedAt: input.at, voidedBy: input.by, voidReason: reason }, { reason });
  if (outcome.kind !== "done" || !input.redraft) return outcome;
  const replacement = await redraft(prisma, agency, outcome.invoice, input.at);
  return replacement ? { ...outcome, replacement } : outcome;
}

async function redraft(prisma: PrismaClient, agency: AgencyConfig, voided: Invoice, at: Date) {
  if (voided.kind === "cycle") {
    if (!voided.customerId || !voided.cycleKey || !voided.periodStart || !voided.periodEnd) return null;
    const cycle = voided.cycleKey.startsWith("weekly:") ? "weekly" : "monthly";
    const period = { cycle, startMs: voided.periodStart.getTime(), endMs: voided.periodEnd.getTime(), key: voided.cycleKey } as const;
    const outcome = await closeAccountPeriod(prisma, agency, voided.customerId, period, at);
    if (outcome.kind !== "drafted") return null;
    await prisma.invoice.update({ where: { id: outcome.invoice.invoiceId }, data: { correctsId: voided.id } });
    return { id: outcome.invoice.invoiceId, number: outcome.invoice.number };
  }
  const items = await prisma.invoiceItem.findMany({ where: { invoiceId: voided.id }, select: { requestId: true } });
  const requestId = items[0]?.requestId;
  if (!requestId) return null;
  const outcome = await draftRequestInvoice(prisma, agency, requestId, at, { correctsId: voided.id });
  return outcome.kind === "drafted" ? { id: outcome.invoice.id, number: outcome.invoice.number } : null;
}

async function transition(
  prisma: PrismaClient,
  action: InvoiceAction,
  input: StaffAction,
  data: Partial<Invoice>,
  auditData: Record<string, string>,
): Promise<InvoiceActionOutcome> {
  const from = (["draft", "issued", "paid", "void"] as const).filter((status) => canTakeInvoiceAction(action, status));
  const status = action === "issue" ? "issued" : action === "void" ? "void" : "paid";
  return prisma.$transaction(async (tx) => {
    const changed = await tx.invoice.updateMany({
      where: { id: input.invoiceId, agencyId: input.agencyId, status: { in: from } },
      data: { ...data, status },
    });
    const invoice = await tx.invoice.findFirst({ where: { id: input.invoiceId, agencyId: input.agencyId } });
    if (!invoice) return { kind: "not_found" } as const;
    if (changed.count === 0) return { kind: "refused", status: invoice.status, number: invoice.number } as const;
    if (action === "void") await tx.invoiceItem.updateMany({ where: { invoiceId: invoice.id }, data: { voided: true } });
    await tx.auditEvent.create({
      data: {
        agencyId: input.agencyId,
        actorKind: "supervisor",
        actorId: input.by,
        action: `invoice.${status}`,
        entityType: "Invoice",
        entityId: invoice.id,
        data: { number: invoice.number, ...auditData },
        at: input.at,
      },
    });
    return { kind: "done", invoice } as const;
  });
}
