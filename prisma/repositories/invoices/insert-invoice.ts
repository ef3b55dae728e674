import type { AgencyConfig } from "../../../core/agencies/index.ts";
import { Prisma, type PrismaClient } from "../../client.ts";
import { takeInvoiceNumber } from "./invoice-counter.ts";
import type { PricedItem } from "./price-invoice-item.ts";

export interface NewInvoice {
  kind: "request" | "cancellation" | "cycle";
  customerId: string | null;
  items: readonly PricedItem[];
  period?: { startMs: number; endMs: number; key: string };
  correctsId?: string;
}

export type InsertOutcome = { kind: "inserted"; invoice: { id: string; number: string; totalCents: number } } | { kind: "conflict" };

/**
 * Numbers and stores a draft in one transaction. A conflict (the request is already on a live
 * invoice, or the account's period already has one: partial unique indexes) rolls the number
 * back with the rest and is reported, so a repeated or concurrent draft is a no-op.
 */
export async function insertDraftInvoice(
  prisma: PrismaClient,
  agency: AgencyConfig,
  invoice: NewInvoice,
  at: Date,
): Promise<InsertOutcome> {
  const totalCents = invoice.items.reduce((sum, item) => sum + item.totalCents, 0);
  try {
    const created = await prisma.$transaction(async (tx) => {
      const number = await takeInvoiceNumber(tx, agency, at);
      const row = await tx.invoice.create({
        data: {
          agencyId: agency.id,
          number: number.number,
          year: number.year,
          sequence: number.sequence,
          customerId: invoice.customerId,
          kind: invoice.kind,
          totalCents,
          ...(invoice.period
            ? { periodStart: new Date(invoice.period.startMs), periodEnd: new Date(invoice.period.endMs), cycleKey: invoice.period.key }
            : {}),
          ...(invoice.correctsId ? { correctsId: invoice.correctsId } : {}),
          createdAt: at,
        },
        select: { id: true, number: true, totalCents: true },
      });
      await tx.invoiceItem.createMany({
        data: invoice.items.map((item) => ({
          invoiceId: row.id,
          requestId: item.requestId,
          kind: item.kind,
          input: item.input as unknown as Prisma.InputJsonValue,
          lines: item.lines as unknown as Prisma.InputJsonValue,
          billedMinutes: item.billedMinutes,
          totalCents: item.totalCents,
        })),
      });
      await tx.auditEvent.create({
        data: {
          agencyId: agency.id,
          actorKind: "system",
          action: "invoice.drafted",
          entityType: "Invoice",
          entityId: row.id,
          data: {
            number: row.number,
            totalCents,
            requests: invoice.items.map((item) => item.requestId),
            ...(invoice.correctsId ? { correctsId: invoice.correctsId } : {}),
          },
          at,
        },
      });
      return row;
    });
    return { kind: "inserted", invoice: created };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { kind: "conflict" };
    throw error;
  }
}
