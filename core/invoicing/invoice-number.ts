import type { AgencyConfig } from "../agencies/index.ts";

/** The agency's invoice prefix: its own, or the first three letters of its id (tucson-az-pd → TUC). */
export function invoicePrefixOf(agency: Pick<AgencyConfig, "id" | "billing">): string {
  return agency.billing.invoicePrefix ?? agency.id.replace(/[^a-z]/g, "").slice(0, 3).toUpperCase();
}

/** "TUC-2026-000123": six digits keep numbers sortable up to a million invoices a year. */
export function formatInvoiceNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(6, "0")}`;
}

const INVOICE_NUMBER = /^([A-Z]{2,6})-(\d{4})-(\d{6,})$/;

/** Reads an invoice number as a customer or supervisor typed it (any case); null if it is not one. */
export function parseInvoiceNumber(text: string): { prefix: string; year: number; sequence: number } | null {
  const match = INVOICE_NUMBER.exec(text.trim().toUpperCase());
  if (!match) return null;
  return { prefix: match[1] ?? "", year: Number(match[2]), sequence: Number(match[3]) };
}
