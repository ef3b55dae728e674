import { DateTime } from "luxon";
import type { AgencyConfig, Rank } from "../../core/agencies/index.ts";
import type { Quote } from "../../core/pricing/index.ts";
import type { Address } from "../../core/requests/index.ts";
import type { DispatchCustomerView } from "../../bots/slack/render-dispatch-thread.ts";
import type { CustomerProfileView, RequestCardWithCustomer } from "../../bots/slack/render-request-card.ts";
import type {
  OfficerView,
  RequestCardView,
  TodayShiftView,
  TranscriptLine,
} from "../../bots/slack/slack-views.ts";
import type { PrismaClient } from "../client.ts";
import { AGENCY_CANCELLATION_ACTION } from "./supervisor-actions.ts";

const cardInclude = {
  customer: true,
  conversation: { select: { channel: true } },
  quotes: { orderBy: { createdAt: "desc" as const }, take: 1 },
  approvals: { orderBy: { role: "asc" as const } },
  positions: {
    orderBy: { index: "asc" as const },
    select: {
      status: true,
      assignments: {
        where: { status: { in: ["assigned" as const, "checked_in" as const, "checked_out" as const, "no_show" as const] } },
        select: { status: true, officer: { select: { firstName: true, lastName: true, badgeNumber: true, rank: true } } },
      },
    },
  },
};

type CardRow = NonNullable<Awaited<ReturnType<PrismaClient["request"]["findFirst"]>>> & {
  customer: { name: string | null; organization: string | null; contact: string; phone: string | null; email: string | null } | null;
  conversation: { channel: "sms" | "voice" | "web" } | null;
  quotes: { quote: unknown }[];
  approvals: { role: "supervisor" | "chief"; decision: "pending" | "approved" | "denied" | "escalated"; decidedBy: string | null; decidedAt: Date | null; reason: string | null }[];
  positions: {
    status: string;
    assignments: { status: string; officer: { firstName: string; lastName: string; badgeNumber: string; rank: Rank } }[];
  }[];
};

function toCardView(row: CardRow, agency: AgencyConfig, cancelledBy: string | null = null): RequestCardView | null {
  const quote = row.quotes[0]?.quote as Quote | undefined;
  if (!quote) return null;
  const approved = ["approved", "staffing", "staffed", "in_progress", "completed"].includes(row.status);
  return {
    requestId: row.id,
    number: row.number,
    agencyName: agency.name,
    timeZone: agency.timeZone,
    status: row.status,
    customer: {
      name: row.customer?.name ?? null,
      organization: row.customer?.organization ?? null,
      contact: row.customer?.contact ?? null,
      channel: row.conversation?.channel ?? null,
    },
    start: row.start,
    end: row.end,
    requestedAt: row.requestedAt,
    address: (row.address as Address | null) ?? null,
    eventType: row.eventType,
    vehicles: row.vehicles,
    vehicleMiles: row.vehicleMiles,
    quote,
    approvals: row.approvals.map((a) => ({
      role: a.role,
      decision: a.decision,
      decidedBy: a.decidedBy,
      decidedAt: a.decidedAt,
      reason: a.reason,
    })),
    staffing:
      approved && row.positions.length > 0
        ? { filled: row.positions.filter((p) => p.status === "filled").length, total: row.positions.length }
        : null,
    officers: row.positions.flatMap((p) =>
      p.assignments.map((a) => ({
        name: `${a.officer.firstName} ${a.officer.lastName}`,
        badge: a.officer.badgeNumber,
        rank: a.officer.rank,
        status: a.status,
      })),
    ),
    siteContact:
      row.siteContactName || row.siteContactPhone
        ? { name: row.siteContactName || null, phone: row.siteContactPhone || null }
        : null,
    cancelledAt: row.cancelledAt,
    cancelledBy,
  };
}

/** Read models for the staff helpdesk (Slack cards, App Home, `/detail`). */
export class StaffViews {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly getAgency: (id: string) => AgencyConfig | undefined,
  ) {}

  async loadRequestCard(requestId: string): Promise<RequestCardWithCustomer | null> {
    const row = await this.prisma.request.findUnique({ where: { id: requestId }, include: cardInclude });
    const agency = row ? this.getAgency(row.agencyId) : undefined;
    const view = row && agency ? toCardView(row as CardRow, agency, await this.findCanceller(row)) : null;
    return view && row ? { ...view, customerProfile: await this.loadCustomerProfile(row as CardRow) } : null;
  }

  async findRequestByNumber(agencyId: string, number: number): Promise<RequestCardWithCustomer | null> {
    const row = await this.prisma.request.findFirst({ where: { agencyId, number }, include: cardInclude });
    const agency = this.getAgency(agencyId);
    const view = row && agency ? toCardView(row as CardRow, agency, await this.findCanceller(row)) : null;
    return view && row ? { ...view, customerProfile: await this.loadCustomerProfile(row as CardRow) } : null;
  }

  /** The contact a web chat customer gave and the customer's other requests (see CustomerProfileView). */
  private async loadCustomerProfile(row: CardRow): Promise<CustomerProfileView> {
    const others = row.customerId
      ? await this.prisma.request.findMany({
          where: { customerId: row.customerId, id: { not: row.id } },
          orderBy: { start: "desc" },
          take: 6,
          select: { number: true, status: true, start: true },
        })
      : [];
    return { phone: row.customer?.phone ?? null, email: row.customer?.email ?? null, otherRequests: others };
  }

  /**
   * Who a conversation's customer is, for the dispatcher thread: name and organization (from the
   * Customer row, else the draft the intake holds), the contact they gave and their requests.
   */
  async loadConversationCustomer(conversationId: string): Promise<DispatchCustomerView | null> {
    const conversation = await this.prisma.conversation.findUnique({ where: { id: conversationId } });
    if (!conversation) return null;
    const customer = await this.prisma.customer.findUnique({
      where: { agencyId_contact: { agencyId: conversation.agencyId, contact: conversation.participant } },
      include: { requests: { orderBy: { start: "desc" }, take: 5, select: { number: true, status: true, start: true } } },
    });
    const slots = (conversation.state as { slots?: { customerName?: unknown; organization?: unknown } } | null)?.slots;
    const text = (value: unknown) => (typeof value === "string" && value.length > 0 ? value : null);
    return {
      name: customer?.name ?? text(slots?.customerName),
      organization: customer?.organization ?? text(slots?.organization),
      phone: customer?.phone ?? null,
      email: customer?.email ?? null,
      requests: customer?.requests ?? [],
    };
  }

  /** Slack user id of the staff member who cancelled a cancelled request; null when the customer did. */
  private async findCanceller(row: { id: string; status: string }): Promise<string | null> {
    if (row.status !== "cancelled") return null;
    const event = await this.prisma.auditEvent.findFirst({
      where: { entityType: "Request", entityId: row.id, action: AGENCY_CANCELLATION_ACTION },
      select: { actorId: true },
    });
    return event?.actorId ?? null;
  }

  async listPending(agencyId: string, limit = 50): Promise<RequestCardView[]> {
    const agency = this.getAgency(agencyId);
    if (!agency) return [];
    const rows = await this.prisma.request.findMany({
      where: { agencyId, status: "pending_approval" },
      orderBy: { start: "asc" },
      take: limit,
      include: cardInclude,
    });
    return rows.flatMap((row) => toCardView(row as CardRow, agency) ?? []);
  }

  /** Staffed shifts overlapping the agency's calendar day of `now`, with each officer's check-in state. */
  async listTodayShifts(agency: AgencyConfig, now: Date): Promise<TodayShiftView[]> {
    const day = DateTime.fromJSDate(now, { zone: agency.timeZone }).startOf("day");
    const rows = await this.prisma.request.findMany({
      where: {
        agencyId: agency.id,
        status: { in: ["staffing", "staffed", "in_progress", "completed"] },
        start: { lt: day.plus({ days: 1 }).toJSDate() },
        end: { gt: day.toJSDate() },
      },
      orderBy: { start: "asc" },
      include: {
        positions: {
          orderBy: { index: "asc" },
          include: {
            assignments: { where: { status: { not: "cancelled" } }, include: { officer: true } },
          },
        },
      },
    });
    return rows.map((row) => ({
      number: row.number,
      start: row.start,
      end: row.end,
      where: (row.address as Address | null)?.line1 ?? agency.city,
      officers: row.positions.flatMap((p) =>
        p.assignments.map((a) => ({
          name: `${a.officer.firstName} ${a.officer.lastName}`,
          badge: a.officer.badgeNumber,
          rank: a.officer.rank,
          status: a.status,
        })),
      ),
    }));
  }

  /** Officers whose name, badge or phone matches; their upcoming assignments. */
  async findOfficers(agencyId: string, query: string, now: Date): Promise<OfficerView[]> {
    const words = query.trim().split(/\s+/).filter(Boolean);
    const digits = query.replace(/\D/g, "");
    const officers = await this.prisma.officer.findMany({
      where: {
        agencyId,
        OR: [
          ...(digits.length >= 4 ? [{ phone: { contains: digits } }, { badgeNumber: digits }] : []),
          {
            AND: words.map((word) => ({
              OR: [
                { firstName: { contains: word, mode: "insensitive" as const } },
                { lastName: { contains: word, mode: "insensitive" as const } },
                { badgeNumber: { equals: word, mode: "insensitive" as const } },
              ],
            })),
          },
        ],
      },
      take: 5,
      orderBy: { lastName: "asc" },
      include: {
        assignments: {
          where: { end: { gt: now }, status: { in: ["assigned", "checked_in"] } },
          orderBy: { start: "asc" },
          take: 5,
          include: { position: { include: { request: { select: { number: true } } } } },
        },
      },
    });
    return officers.map((o) => ({
      id: o.id,
      name: `${o.firstName} ${o.lastName}`,
      badge: o.badgeNumber,
      rank: o.rank,
      phone: o.phone,
      active: o.active,
      upcoming: o.assignments.map((a) => ({ number: a.position.request.number, start: a.start, status: a.status })),
    }));
  }

  /** The last `limit` messages of a conversation, oldest first. */
  async loadTranscript(conversationId: string, limit = 30): Promise<TranscriptLine[]> {
    const rows = await this.prisma.message.findMany({
      where: { conversationId },
      orderBy: { createdAt: "desc" },
      take: limit,
    });
    return rows.reverse().map((m) => ({
      direction: m.direction,
      body: m.body,
      at: m.createdAt,
      mediaUrl: (m.media as { url?: string }[] | null)?.[0]?.url ?? null,
    }));
  }
}
