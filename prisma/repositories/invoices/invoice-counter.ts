import type { AgencyConfig } from "../../../core/agencies/index.ts";
import { formatInvoiceNumber, invoicePrefixOf, localYear } from "../../../core/invoicing/index.ts";
import type { Prisma } from "../../client.ts";

export interface InvoiceNumber {
  year: number;
  sequence: number;
  number: string;
}

/**
 * The agency's next invoice number for the local year of `at`. One upsert both creates the year's
 * counter and takes its row lock, so two drafts at once wait on each other; taken inside the
 * transaction that inserts the invoice, a rollback gives the number back and no gap is left.
 */
export async function takeInvoiceNumber(
  tx: Prisma.TransactionClient,
  agency: Pick<AgencyConfig, "id" | "billing" | "timeZone">,
  at: Date,
): Promise<InvoiceNumber> {
  const year = localYear(agency.timeZone, at.getTime());
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "InvoiceCounter" ("agencyId", "year", "last") VALUES (${agency.id}, ${year}, 1)
    ON CONFLICT ("agencyId", "year") DO UPDATE SET "last" = "InvoiceCounter"."last" + 1
    RETURNING "last"`;
  const sequence = Number(rows[0]?.last);
  if (!Number.isInteger(sequence) || sequence < 1) throw new Error(`invoice counter for ${agency.id} ${year} returned nothing`);
  return { year, sequence, number: formatInvoiceNumber(invoicePrefixOf(agency), year, sequence) };
}
