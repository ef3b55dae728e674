import type { AgencyConfig } from "../../../core/agencies/index.ts";
import { buildWorkedRecords, type HeldPosition } from "../../../core/invoicing/index.ts";
import { computeCancellationFee, priceWorkedHours, type QuoteLine } from "../../../core/pricing/index.ts";
import {
  type CancellationRequest,
  createCancellationRequestSchema,
  createInvoiceRequestSchema,
  type InvoiceRequest,
} from "../../../core/requests/index.ts";

/** What a request's invoice line is priced from, as loaded (load-requests-to-bill.ts). */
export interface RequestToBill {
  id: string;
  number: number;
  agencyId: string;
  status: string;
  requestedAt: Date | null;
  approvedAt: Date | null;
  cancelledAt: Date | null;
  cancellationFeeCents: number | null;
  /** The quote the customer last confirmed (a re-quote after an amendment replaces the first). */
  quotes: readonly { requestData: unknown }[];
  positions: readonly HeldPosition[];
}

export interface PricedItem {
  requestId: string;
  kind: "worked_hours" | "cancellation_fee";
  input: InvoiceRequest | CancellationRequest;
  lines: QuoteLine[];
  billedMinutes: number[];
  totalCents: number;
}

export type PricingOutcome = { kind: "priced"; item: PricedItem } | { kind: "skipped"; reason: string };

const invoiceSchemas = new WeakMap<AgencyConfig, ReturnType<typeof createInvoiceRequestSchema>>();
const cancellationSchemas = new WeakMap<AgencyConfig, ReturnType<typeof createCancellationRequestSchema>>();

/**
 * Prices what a request owes: a completed one its worked hours (policy.md "Invoice contract"),
 * a cancelled one its cancellation fee. The stored quote request plus the attendance is run
 * through the same schema the `invoice` CLI uses, so a record that would not price is reported
 * as a reason, not billed wrong.
 */
export function priceInvoiceItem(request: RequestToBill, agency: AgencyConfig): PricingOutcome {
  const quoted = request.quotes[0]?.requestData as Record<string, unknown> | undefined;
  if (!quoted) return { kind: "skipped", reason: `request #${request.number} has no confirmed quote` };
  const base = {
    ...quoted,
    agency: agency.id,
    requestedAt: (quoted.requestedAt as string | undefined) ?? request.requestedAt?.toISOString(),
  };
  if (request.status === "completed") return priceWorked(request, agency, base);
  if (request.status === "cancelled") return priceCancellation(request, agency, base);
  return { kind: "skipped", reason: `request #${request.number} is ${request.status}, not completed or cancelled` };
}

function priceWorked(request: RequestToBill, agency: AgencyConfig, base: Record<string, unknown>): PricingOutcome {
  let schema = invoiceSchemas.get(agency);
  if (!schema) {
    schema = createInvoiceRequestSchema(new Map([[agency.id, agency]]));
    invoiceSchemas.set(agency, schema);
  }
  const parsed = schema.safeParse({ ...base, worked: buildWorkedRecords(request.positions) });
  if (!parsed.success) return { kind: "skipped", reason: describeIssues(request.number, parsed.error.issues) };
  const priced = priceWorkedHours(parsed.data, agency);
  if (priced.totalCents === 0) return { kind: "skipped", reason: `request #${request.number}: no position was worked` };
  return {
    kind: "priced",
    item: {
      requestId: request.id,
      kind: "worked_hours",
      input: parsed.data,
      lines: priced.lines,
      billedMinutes: priced.billedMinutesPerPosition,
      totalCents: priced.totalCents,
    },
  };
}

function priceCancellation(request: RequestToBill, agency: AgencyConfig, base: Record<string, unknown>): PricingOutcome {
  const storedFee = request.cancellationFeeCents ?? 0;
  if (storedFee <= 0 || request.cancelledAt === null) {
    return { kind: "skipped", reason: `request #${request.number} was cancelled without a fee` };
  }
  let schema = cancellationSchemas.get(agency);
  if (!schema) {
    schema = createCancellationRequestSchema([agency.id]);
    cancellationSchemas.set(agency, schema);
  }
  const parsed = schema.safeParse({
    ...base,
    approvedAt: request.approvedAt?.toISOString() ?? null,
    cancelledAt: request.cancelledAt.toISOString(),
  });
  if (!parsed.success) return { kind: "skipped", reason: describeIssues(request.number, parsed.error.issues) };
  const fee = computeCancellationFee(parsed.data, agency);
  // The customer was told `storedFee` when they cancelled; a different figure now means the rate
  // card changed since, and what they agreed to is what they pay, so a mismatch is not billed
  // silently either way.
  if (fee.feeCents !== storedFee) {
    return { kind: "skipped", reason: `request #${request.number}: the fee now prices at ${fee.feeCents}, the customer was told ${storedFee}` };
  }
  return {
    kind: "priced",
    item: { requestId: request.id, kind: "cancellation_fee", input: parsed.data, lines: fee.lines, billedMinutes: [], totalCents: fee.feeCents },
  };
}

function describeIssues(number: number, issues: readonly { path: PropertyKey[]; message: string }[]): string {
  const list = issues.map((issue) => `${issue.path.map(String).join(".")}: ${issue.message}`).join("; ");
  return `request #${number} cannot be priced (${list})`;
}
