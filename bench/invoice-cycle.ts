import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import { getAgency } from "../agencies/load-agencies.ts";
import { quoteRequest } from "../core/pricing/index.ts";
import { listPositionRanks, QuoteRequestSchema } from "../core/requests/index.ts";
import { createPrismaClient, type Prisma, type PrismaClient } from "../prisma/client.ts";
import { closeBillingCycles } from "../prisma/repositories/invoices/index.ts";
import { seedDatabase } from "../prisma/seed.ts";
import { migrateDatabase } from "../prisma/tools/migrate.ts";
import { planBenchEnvironment } from "./bench-environment.ts";

const REQUESTS = 10_000;
const ACCOUNTS = 250;
const MINUTE_MS = 60_000;
/** November's end in Tucson: the close bills shifts that ended before it (late ones go on December's). */
const PERIOD_END_MS = Date.parse("2026-12-01T00:00:00-07:00");

/** Figures of the month-end cycle close; times in ms. */
export interface InvoiceCycleBenchResult {
  requests: number;
  accounts: number;
  invoicesDrafted: number;
  cycleMs: number;
  invoicesPerSecond: number;
  requestsBilledPerSecond: number;
  /** November's requests someone worked (the rest had only no-shows, or end in December). */
  requestsWorked: number;
  /** Requests on a live invoice after the close: must equal `requestsWorked`, each once. */
  requestsBilled: number;
  /** The sum of the invoices equals the sum of their lines. */
  totalsAgree: boolean;
  /** Invoices a second close drafted: must be 0 (idempotent per account and period). */
  secondCloseDrafted: number;
}

/**
 * A month-end close for Tucson: 10,000 requests completed in November 2026 by 250 monthly
 * accounts (1–3 officers each, some no-shows, some hold-overs, some vehicles), closed on Dec 1
 * at 00:30 local, the way the repeatable job does it. A fresh database, dropped afterwards.
 */
export async function benchInvoiceCycle(): Promise<InvoiceCycleBenchResult> {
  const environment = planBenchEnvironment("invoices");
  await migrateDatabase(environment.databaseUrl);
  const prisma = createPrismaClient(environment.databaseUrl, { max: 10 });
  try {
    await seedDatabase(prisma);
    const agency = getAgency("tucson-az-pd");
    if (!agency) throw new Error("no tucson-az-pd agency");
    const requestsWorked = await seedMonth(prisma, agency);

    const startedAt = performance.now();
    const result = await closeBillingCycles(prisma, agency, new Date("2026-12-01T00:30:00-07:00"));
    const cycleMs = performance.now() - startedAt;
    const second = await closeBillingCycles(prisma, agency, new Date("2026-12-01T01:30:00-07:00"));

    const requestsBilled = await prisma.invoiceItem.count({ where: { voided: false } });
    const [sums] = await prisma.$queryRaw<{ invoices: bigint; items: bigint }[]>`
      SELECT (SELECT COALESCE(SUM("totalCents"), 0) FROM "Invoice") AS invoices,
             (SELECT COALESCE(SUM("totalCents"), 0) FROM "InvoiceItem") AS items`;
    return {
      requests: REQUESTS,
      accounts: ACCOUNTS,
      invoicesDrafted: result.drafted.length,
      cycleMs: Math.round(cycleMs),
      invoicesPerSecond: Math.round((result.drafted.length / cycleMs) * 1000),
      requestsBilledPerSecond: Math.round((requestsBilled / cycleMs) * 1000),
      requestsWorked,
      requestsBilled,
      totalsAgree: sums !== undefined && sums.invoices === sums.items && sums.invoices > 0n,
      secondCloseDrafted: second.drafted.length,
    };
  } finally {
    await prisma.$disconnect();
    await environment.dropDatabase();
  }
}

/** The month's finished requests, inserted in bulk (the close is what is measured, not this). */
async function seedMonth(prisma: PrismaClient, agency: NonNullable<ReturnType<typeof getAgency>>): Promise<number> {
  const officers = await prisma.officer.findMany({ where: { agencyId: agency.id }, select: { id: true, rank: true } });
  const customers = Array.from({ length: ACCOUNTS }, (_, i) => ({
    id: randomUUID(),
    agencyId: agency.id,
    contact: `+1520600${String(i).padStart(4, "0")}`,
    name: `Account ${i + 1}`,
    billingCycle: "monthly" as const,
  }));
  await prisma.customer.createMany({ data: customers });
  const requests = [];
  const quotes = [];
  const positions: Prisma.PositionCreateManyInput[] = [];
  const assignments: Prisma.AssignmentCreateManyInput[] = [];
  let worked = 0;
  for (let i = 0; i < REQUESTS; i += 1) {
    const day = 1 + (i % 30);
    const startMs = Date.parse(`2026-11-${String(day).padStart(2, "0")}T${String(6 + (i % 12)).padStart(2, "0")}:00:00-07:00`);
    const hours = 3 + (i % 6);
    const officerCount = 1 + (i % 3);
    const input = QuoteRequestSchema.parse({
      agency: agency.id,
      requestedAt: new Date(startMs - 10 * 24 * 60 * MINUTE_MS).toISOString(),
      start: new Date(startMs).toISOString(),
      end: new Date(startMs + hours * 60 * MINUTE_MS).toISOString(),
      officers: officerCount,
      vehicles: i % 4 === 0 ? 1 : 0,
      eventType: "store security",
      address: { line1: `${100 + i} E Congress St`, city: "Tucson", state: "AZ" },
      flags: { armedPrivateSecurity: false, civilLegalService: false, bodyguardOrBouncer: false, alcoholPrincipalBusiness: false },
    });
    const quote = quoteRequest(input, agency);
    const id = randomUUID();
    const start = new Date(startMs);
    const end = new Date(startMs + hours * 60 * MINUTE_MS);
    requests.push({
      id,
      agencyId: agency.id,
      customerId: customers[i % ACCOUNTS]?.id ?? null,
      status: "completed" as const,
      start,
      end,
      officers: officerCount,
      vehicles: input.vehicles,
      requestedAt: new Date(input.requestedAt ?? start),
      approvedAt: new Date(input.requestedAt ?? start),
    });
    quotes.push({ requestId: id, totalCents: quote.totalCents, decision: quote.screening.decision, quote: quote as unknown as object, requestData: input as unknown as object });
    const ranks = listPositionRanks(officerCount, agency);
    const endMs = startMs + hours * 60 * MINUTE_MS;
    if (endMs < PERIOD_END_MS && ranks.some((_, index) => (i + index) % 17 !== 0)) worked += 1;
    ranks.forEach((rank, index) => {
      const positionId = randomUUID();
      positions.push({ id: positionId, requestId: id, index: index + 1, rank, status: "filled" as const });
      const officer = officers[(i * 3 + index) % officers.length];
      if (!officer) return;
      const noShow = (i + index) % 17 === 0;
      const holdOverMinutes = (i + index) % 5 === 0 ? 40 : 0;
      assignments.push({
        positionId,
        officerId: officer.id,
        start,
        end,
        status: noShow ? ("no_show" as const) : ("checked_out" as const),
        checkedInAt: noShow ? null : new Date(startMs + ((i + index) % 7) * MINUTE_MS),
        checkedOutAt: noShow ? null : new Date(end.getTime() + holdOverMinutes * MINUTE_MS),
      });
    });
  }
  const CHUNK = 2_000;
  for (let i = 0; i < requests.length; i += CHUNK) await prisma.request.createMany({ data: requests.slice(i, i + CHUNK) });
  for (let i = 0; i < quotes.length; i += CHUNK) await prisma.quoteSnapshot.createMany({ data: quotes.slice(i, i + CHUNK) });
  for (let i = 0; i < positions.length; i += CHUNK) await prisma.position.createMany({ data: positions.slice(i, i + CHUNK) });
  for (let i = 0; i < assignments.length; i += CHUNK) await prisma.assignment.createMany({ data: assignments.slice(i, i + CHUNK) });
  return worked;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  benchInvoiceCycle().then(
    (result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
