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
      // One statement from one JSON parameter: a month's cycle invoice carries hundreds of items,
      // and the client's per-row JSON handling was most of a month-end close (npm run bench).
      const items = invoice.items.map((item) => ({
        requestId: item.requestId,
        kind: item.kind,
        input: item.input,
        lines: item.lines,
        billedMinutes: item.billedMinutes,
        totalCents: item.totalCents,
      }));
      await tx.$executeRaw`
        INSERT INTO "InvoiceItem" ("id", "invoiceId", "requestId", "kind", "input", "lines", "billedMinutes", "totalCents")
        SELECT gen_random_uuid(), ${row.id}::uuid, x."requestId"::uuid, x."kind", x."input", x."lines", x."billedMinutes", x."totalCents"
        FROM jsonb_to_recordset(${JSON.stringify(items)}::jsonb)
          AS x("requestId" text, "kind" text, "input" jsonb, "lines" jsonb, "billedMinutes" jsonb, "totalCents" int)`;
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
    if (isUniqueViolation(error)) return { kind: "conflict" };
    throw error;
  }
}

/** A unique violation, from the client (P2002) or from a raw statement (P2010 carrying SQLSTATE 23505). */
function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  return error.code === "P2002" || (error.code === "P2010" && (error.meta?.code === "23505" || error.message.includes("23505")));
}
