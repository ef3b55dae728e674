import type { InvoiceCsvSource, InvoiceStatusName } from "../../core/invoicing/index.ts";
import type { Rank } from "../../core/agencies/index.ts";
import type { QuoteLine } from "../../core/pricing/index.ts";
import type { PrismaClient } from "../client.ts";

/**
 * Invoices as staff read them: one with its lines (the Slack message), and lists of them for a
 * status or a period (`/detail invoices`, the CSV export). Reads only; changes are
 * invoices/invoice-actions.ts.
 */

/** One request billed on an invoice, with the lines priced for it. */
export interface InvoiceItemDetail {
  requestId: string;
  requestNumber: number;
  /** The request's approval card, when it was posted: its thread is where the invoice goes. */
  requestSlackChannel: string | null;
  requestSlackTs: string | null;
  kind: "worked_hours" | "cancellation_fee" | string;
  lines: QuoteLine[];
  /** Minutes billed per position, in the quote's position order, with the position's rank when known. */
  billedMinutes: { rank: Rank | null; minutes: number }[];
  totalCents: number;
}

/** Everything the Slack message of an invoice shows. */
export interface InvoiceDetail {
  id: string;
  number: string;
  agencyId: string;
  status: InvoiceStatusName;
  kind: string;
  totalCents: number;
  customer: { name: string | null; organization: string | null; contact: string } | null;
  periodStart: Date | null;
  periodEnd: Date | null;
  issuedAt: Date | null;
  issuedBy: string | null;
  paidAt: Date | null;
  paidBy: string | null;
  paymentReference: string | null;
  voidedAt: Date | null;
  voidedBy: string | null;
  voidReason: string | null;
  /** The number of the voided invoice this one replaces. */
  correctsNumber: string | null;
  slackChannel: string | null;
  slackTs: string | null;
  items: InvoiceItemDetail[];
}

/** One invoice in a list: what the CSV needs, plus its id. */
export interface InvoiceSummary extends InvoiceCsvSource {
  id: string;
}

/** unpaid = draft or issued (money still expected); period = drafted within [start, end). */
export type InvoiceFilter = { kind: "unpaid" } | { kind: "period"; startMs: number; endMs: number };

const customerSelect = { select: { name: true, organization: true, contact: true } } as const;

export async function loadInvoiceDetail(prisma: PrismaClient, invoiceId: string): Promise<InvoiceDetail | null> {
  const invoice = await prisma.invoice.findUnique({
    where: { id: invoiceId },
    include: {
      customer: customerSelect,
      items: {
        orderBy: { createdAt: "asc" },
        include: { request: { select: { number: true, slackChannel: true, slackMessageTs: true } } },
      },
    },
  });
  if (!invoice) return null;
  const corrects = invoice.correctsId
    ? await prisma.invoice.findUnique({ where: { id: invoice.correctsId }, select: { number: true } })
    : null;
  return {
    id: invoice.id,
    number: invoice.number,
    agencyId: invoice.agencyId,
    status: invoice.status,
    kind: invoice.kind,
    totalCents: invoice.totalCents,
    customer: invoice.customer,
    periodStart: invoice.periodStart,
    periodEnd: invoice.periodEnd,
    issuedAt: invoice.issuedAt,
    issuedBy: invoice.issuedBy,
    paidAt: invoice.paidAt,
    paidBy: invoice.paidBy,
    paymentReference: invoice.paymentReference,
    voidedAt: invoice.voidedAt,
    voidedBy: invoice.voidedBy,
    voidReason: invoice.voidReason,
    correctsNumber: corrects?.number ?? null,
    slackChannel: invoice.slackChannel,
    slackTs: invoice.slackTs,
    items: invoice.items
      .slice()
      .sort((a, b) => a.request.number - b.request.number)
      .map((item) => ({
        requestId: item.requestId,
        requestNumber: item.request.number,
        requestSlackChannel: item.request.slackChannel,
        requestSlackTs: item.request.slackMessageTs,
        kind: item.kind,
        lines: item.lines as unknown as QuoteLine[],
        billedMinutes: readBilledMinutes(item.billedMinutes, item.input),
        totalCents: item.totalCents,
      })),
  };
}

/**
 * billedMinutes is stored in the quote's position order, as is the invoice request's `worked`
 * list it was priced from: pairing them names each position's rank.
 */
function readBilledMinutes(billed: unknown, input: unknown): { rank: Rank | null; minutes: number }[] {
  const minutes = Array.isArray(billed) ? billed.filter((m): m is number => typeof m === "number") : [];
  const worked = (input as { worked?: { rank?: Rank }[] } | null)?.worked;
  return minutes.map((m, index) => ({ rank: Array.isArray(worked) ? (worked[index]?.rank ?? null) : null, minutes: m }));
}

/**
 * The agency's invoices matching `filter`, oldest number first, at most `limit` (default: all).
 * A period selects invoices drafted in it (`createdAt`): an invoice keeps its month whatever
 * happens to it later.
 */
export async function listInvoices(
  prisma: PrismaClient,
  agencyId: string,
  filter: InvoiceFilter,
  limit?: number,
): Promise<InvoiceSummary[]> {
  const where =
    filter.kind === "unpaid"
      ? { agencyId, status: { in: ["draft" as const, "issued" as const] } }
      : { agencyId, createdAt: { gte: new Date(filter.startMs), lt: new Date(filter.endMs) } };
  const invoices = await prisma.invoice.findMany({
    where,
    orderBy: [{ year: "asc" }, { sequence: "asc" }],
    ...(limit === undefined ? {} : { take: limit }),
    include: {
      customer: customerSelect,
      // A void invoice's items are voided too, and still say what it billed.
      items: { select: { request: { select: { number: true, start: true, end: true } } } },
    },
  });
  return invoices.map((invoice) => {
    const requests = invoice.items.map((item) => item.request).sort((a, b) => a.number - b.number);
    const starts = requests.map((r) => r.start.getTime());
    const ends = requests.map((r) => r.end.getTime());
    const cycle = invoice.periodStart !== null && invoice.periodEnd !== null;
    return {
      id: invoice.id,
      number: invoice.number,
      status: invoice.status,
      kind: invoice.kind,
      customer: invoice.customer,
      requestNumbers: [...new Set(requests.map((r) => r.number))],
      periodStart: cycle ? invoice.periodStart : starts.length > 0 ? new Date(Math.min(...starts)) : null,
      periodEnd: cycle ? invoice.periodEnd : ends.length > 0 ? new Date(Math.max(...ends)) : null,
      createdAt: invoice.createdAt,
      issuedAt: invoice.issuedAt,
      paidAt: invoice.paidAt,
      voidedAt: invoice.voidedAt,
      paymentReference: invoice.paymentReference,
      voidReason: invoice.voidReason,
      totalCents: invoice.totalCents,
    };
  });
}

/** How many invoices match `filter` and their sum, for the head of a list cut short. */
export async function summarizeInvoices(
  prisma: PrismaClient,
  agencyId: string,
  filter: InvoiceFilter,
): Promise<{ count: number; totalCents: number }> {
  const result = await prisma.invoice.aggregate({
    where:
      filter.kind === "unpaid"
        ? { agencyId, status: { in: ["draft", "issued"] } }
        : { agencyId, createdAt: { gte: new Date(filter.startMs), lt: new Date(filter.endMs) } },
    _count: { _all: true },
    _sum: { totalCents: true },
  });
  return { count: result._count._all, totalCents: result._sum.totalCents ?? 0 };
}
