import type { Rank } from "../../core/agencies/index.ts";
import type { QuoteLine } from "../../core/pricing/index.ts";
import type { PrismaClient } from "../client.ts";

/** Invoice statuses a customer may see: a draft is the agency's work in progress, never shown. */
export const CUSTOMER_INVOICE_STATUSES = ["issued", "paid", "void"] as const;
export type CustomerInvoiceStatus = (typeof CUSTOMER_INVOICE_STATUSES)[number];

export interface PageOfficer {
  rank: Rank;
  lastName: string;
  /** Assignment status: assigned, checked_in, checked_out or no_show (dropped and cancelled ones are left out). */
  attendance: "assigned" | "checked_in" | "checked_out" | "no_show";
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
}

export interface PageFieldNote {
  at: Date;
  officer: { rank: Rank; lastName: string };
  body: string;
  /** Media stored with the note (MMS photos): shown as images when `contentType` is an image. */
  media: { url: string; contentType: string }[];
}

export interface PageRequest {
  number: number;
  status: string;
  start: Date;
  end: Date;
  /** Request.address as stored (describePlace reads it). */
  address: unknown;
  eventType: string | null;
  postOrders: string | null;
  siteContactName: string | null;
  officers: PageOfficer[];
  notes: PageFieldNote[];
}

export interface PageInvoiceSummary {
  number: string;
  status: CustomerInvoiceStatus;
  totalCents: number;
  issuedAt: Date | null;
  paidAt: Date | null;
  voidedAt: Date | null;
}

export interface PageInvoice extends PageInvoiceSummary {
  /** request, cancellation or cycle (an account's week or month). */
  kind: string;
  paymentReference: string | null;
  /** Cycle invoices: the period [periodStart, periodEnd). */
  periodStart: Date | null;
  periodEnd: Date | null;
  /** Each billed request with its shift and place (Request.address as stored). */
  items: { requestNumber: number; start: Date; end: Date; address: unknown; lines: QuoteLine[]; totalCents: number }[];
}

export interface PageCustomer {
  id: string;
  agencyId: string;
  name: string | null;
  organization: string | null;
  language: string;
}

export interface CustomerPage {
  customer: PageCustomer;
  /** Newest shift first. */
  requests: PageRequest[];
  /** Newest first. */
  invoices: PageInvoiceSummary[];
}

const SHOWN_ATTENDANCE = new Set(["assigned", "checked_in", "checked_out", "no_show"]);
/** Requests a customer is shown: not a draft never submitted. Bounded so a long account stays one page. */
const MAX_REQUESTS = 100;

function readMedia(value: unknown): { url: string; contentType: string }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const { url, contentType } = (item ?? {}) as { url?: unknown; contentType?: unknown };
    return typeof url === "string" && /^https?:\/\//i.test(url)
      ? [{ url, contentType: typeof contentType === "string" ? contentType : "" }]
      : [];
  });
}

/**
 * What one customer's page shows, read for exactly that customer of exactly that agency (the
 * signed link names both): every query is scoped by both, so nothing of another customer can
 * appear, whatever the link's other parts say.
 */
export class CustomerPageRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async findCustomer(agencyId: string, customerId: string): Promise<PageCustomer | null> {
    return this.prisma.customer.findFirst({
      where: { id: customerId, agencyId },
      select: { id: true, agencyId: true, name: true, organization: true, language: true },
    });
  }

  async loadPage(agencyId: string, customerId: string): Promise<CustomerPage | null> {
    const customer = await this.findCustomer(agencyId, customerId);
    if (!customer) return null;
    const [requests, invoices] = await Promise.all([
      this.prisma.request.findMany({
        where: { agencyId, customerId, status: { not: "draft" } },
        orderBy: { start: "desc" },
        take: MAX_REQUESTS,
        include: {
          positions: {
            orderBy: { index: "asc" },
            include: {
              assignments: {
                orderBy: { createdAt: "asc" },
                include: {
                  officer: { select: { rank: true, lastName: true } },
                  fieldNotes: { orderBy: { createdAt: "asc" } },
                },
              },
            },
          },
        },
      }),
      this.prisma.invoice.findMany({
        where: { agencyId, customerId, status: { in: [...CUSTOMER_INVOICE_STATUSES] } },
        orderBy: { createdAt: "desc" },
        select: { number: true, status: true, totalCents: true, issuedAt: true, paidAt: true, voidedAt: true },
      }),
    ]);
    return {
      customer,
      requests: requests.map((row) => {
        const assignments = row.positions.flatMap((p) => p.assignments);
        return {
          number: row.number,
          status: row.status,
          start: row.start,
          end: row.end,
          address: row.address,
          eventType: row.eventType,
          postOrders: row.postOrders,
          siteContactName: row.siteContactName,
          officers: assignments
            .filter((a) => SHOWN_ATTENDANCE.has(a.status))
            .map((a) => ({
              rank: a.officer.rank,
              lastName: a.officer.lastName,
              attendance: a.status as PageOfficer["attendance"],
              checkedInAt: a.checkedInAt,
              checkedOutAt: a.checkedOutAt,
            })),
          notes: assignments
            .flatMap((a) =>
              a.fieldNotes.map((note) => ({
                at: note.createdAt,
                officer: { rank: a.officer.rank, lastName: a.officer.lastName },
                body: note.body,
                media: readMedia(note.media),
              })),
            )
            .sort((a, b) => a.at.getTime() - b.at.getTime()),
        };
      }),
      invoices: invoices.map((row) => ({ ...row, status: row.status as CustomerInvoiceStatus })),
    };
  }

  /** One of the customer's invoices by number; null for a draft, another customer's or agency's, or none. */
  async loadInvoice(agencyId: string, customerId: string, number: string): Promise<PageInvoice | null> {
    const row = await this.prisma.invoice.findFirst({
      where: { number, agencyId, customerId, status: { in: [...CUSTOMER_INVOICE_STATUSES] } },
      include: {
        items: { orderBy: { createdAt: "asc" }, include: { request: { select: { number: true, start: true, end: true, address: true } } } },
      },
    });
    if (!row) return null;
    return {
      number: row.number,
      status: row.status as CustomerInvoiceStatus,
      totalCents: row.totalCents,
      issuedAt: row.issuedAt,
      paidAt: row.paidAt,
      voidedAt: row.voidedAt,
      kind: row.kind,
      paymentReference: row.paymentReference,
      periodStart: row.periodStart,
      periodEnd: row.periodEnd,
      items: row.items.map((item) => ({
        requestNumber: item.request.number,
        start: item.request.start,
        end: item.request.end,
        address: item.request.address,
        lines: item.lines as unknown as QuoteLine[],
        totalCents: item.totalCents,
      })),
    };
  }
}
