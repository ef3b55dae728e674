import { DateTime } from "luxon";
import { getAgency } from "../agencies/load-agencies.ts";
import { monthPeriod } from "../core/invoicing/index.ts";
import { createSeededRandom } from "./activity/seeded-random.ts";
import { planActivity } from "./activity/plan-activity.ts";
import type { Prisma, PrismaClient } from "./client.ts";
import { draftRequestInvoice } from "./repositories/invoices/index.ts";

/** The audit action marking an agency's month as generated: seeding it again adds nothing. */
export const ACTIVITY_SEEDED_ACTION = "activity.seeded";
const DRAFTS_AT_ONCE = 6;

export type SeedActivityOutcome =
  | { kind: "seeded"; requests: number; assignments: number; offers: number; invoices: number; overrides: number }
  | { kind: "already_seeded" }
  /** No such agency file, no month as YYYY-MM, or no active officer to staff anything. */
  | { kind: "skipped"; reason: string };

const CUSTOMERS = [
  ["Dana Builder", "Builder Hardware"],
  ["Luis Ortega", "First Baptist Church"],
  ["Priya Shah", "Eastfield Mall"],
  ["Tom Becker", "Becker Construction"],
  ["Angela Ruiz", "North High School"],
  ["Mark Chen", "City Concert Hall"],
  ["Keisha Ward", "Ward Logistics"],
  ["Omar Haddad", "Sunrise Apartments"],
] as const;

/**
 * Generates a realistic month of activity for one agency (prisma/activity/plan-activity.ts) from
 * its seeded roster: the same `seed` gives the same month. Idempotent per agency and month: a
 * month already generated is left alone. Rows go in with createMany; completed requests are
 * invoiced through the invoicing repository (draftRequestInvoice), about 60% issued and half of
 * those paid. `now` (default: the clock) decides what is past: later shifts stay staffed.
 */
export async function seedActivity(
  prisma: PrismaClient,
  options: { agencyId: string; month: string; seed: number | string; now?: Date },
): Promise<SeedActivityOutcome> {
  const agency = getAgency(options.agencyId);
  if (!agency) return { kind: "skipped", reason: `unknown agency ${options.agencyId}` };
  if (!monthPeriod(options.month, agency.timeZone)) return { kind: "skipped", reason: `not a month: ${options.month}` };
  const marker = `${agency.id}:${options.month}`;
  const seeded = await prisma.auditEvent.findFirst({ where: { action: ACTIVITY_SEEDED_ACTION, entityType: "Agency", entityId: marker } });
  if (seeded) return { kind: "already_seeded" };
  const officers = await prisma.officer.findMany({ where: { agencyId: agency.id, active: true }, orderBy: { badgeNumber: "asc" } });
  if (officers.length === 0) return { kind: "skipped", reason: `${agency.id} has no active officer` };
  const now = options.now ?? new Date();
  const random = createSeededRandom(`${options.seed}:${marker}`);
  const customerIds = await upsertCustomers(prisma, agency.id, agency.phoneNumbers[0] ?? "+15550100000");
  const plan = planActivity({ agency, month: options.month, officers, customerIds, random, now });

  await prisma.$transaction(async (tx) => {
    for (const officer of officers) {
      const added = plan.regularDuty.get(officer.id) ?? [];
      const kept = keepOutsideMonth(officer.regularDuty, added);
      await tx.officer.update({ where: { id: officer.id }, data: { regularDuty: [...kept, ...added] } });
    }
    await tx.request.createMany({ data: plan.requests });
    await tx.quoteSnapshot.createMany({ data: plan.quotes });
    await tx.position.createMany({ data: plan.positions });
    await tx.offer.createMany({ data: plan.offers });
    await tx.assignment.createMany({ data: plan.assignments });
    await tx.auditEvent.createMany({ data: plan.audits });
  });

  const drafted: { id: string; at: Date }[] = [];
  // A few at a time: each draft is several round trips, and only the invoice counter serializes them.
  for (let i = 0; i < plan.toInvoice.length; i += DRAFTS_AT_ONCE) {
    const batch = plan.toInvoice.slice(i, i + DRAFTS_AT_ONCE).map(async ({ requestId, at }) => {
      const when = new Date(Math.min(at.getTime(), now.getTime()));
      const outcome = await draftRequestInvoice(prisma, agency, requestId, when);
      return outcome.kind === "drafted" ? { id: outcome.invoice.id, at: when } : null;
    });
    // Promise.all keeps the plan's order, so which invoices get issued and paid stays the seed's.
    for (const done of await Promise.all(batch)) if (done) drafted.push(done);
  }
  const issued = drafted.filter(() => random.chance(0.6));
  const paid = issued.filter(() => random.chance(0.5));
  const by = agency.slack.supervisors[0] ?? "U0SUPERVISOR";
  if (issued.length > 0) {
    await prisma.$executeRaw`UPDATE "Invoice" SET "status" = 'issued', "issuedAt" = LEAST("createdAt" + interval '1 day', ${now}), "issuedBy" = ${by}
      WHERE "id" = ANY(${issued.map((i) => i.id)}::uuid[])`;
  }
  if (paid.length > 0) {
    await prisma.$executeRaw`UPDATE "Invoice" SET "status" = 'paid', "paidAt" = LEAST("createdAt" + interval '12 days', ${now}), "paidBy" = ${by},
      "paymentReference" = 'CHK ' || "sequence" WHERE "id" = ANY(${paid.map((i) => i.id)}::uuid[])`;
  }
  await prisma.auditEvent.create({
    data: {
      agencyId: agency.id,
      actorKind: "system",
      action: ACTIVITY_SEEDED_ACTION,
      entityType: "Agency",
      entityId: marker,
      data: { month: options.month, seed: String(options.seed), requests: plan.requests.length },
      at: now,
    },
  });
  return {
    kind: "seeded",
    requests: plan.requests.length,
    assignments: plan.assignments.length,
    offers: plan.offers.length,
    invoices: drafted.length,
    overrides: plan.audits.length,
  };
}

/** The agency's generated customers, made once (the same businesses come back month after month). */
async function upsertCustomers(prisma: PrismaClient, agencyId: string, agencyPhone: string): Promise<string[]> {
  // Fictional 555-0190… numbers in the agency's area code: above the seeded roster's 555-0150…
  // (an officer's number texting in is an officer, never a customer) and the demo's parties.
  const area = agencyPhone.slice(2, 5);
  const rows: Prisma.CustomerCreateManyInput[] = CUSTOMERS.map(([name, organization], i) => ({
    agencyId,
    contact: `+1${area}55501${String(90 + i).padStart(2, "0")}`,
    name,
    organization,
  }));
  await prisma.customer.createMany({ data: rows, skipDuplicates: true });
  const found = await prisma.customer.findMany({
    where: { agencyId, contact: { in: rows.map((r) => r.contact) } },
    orderBy: { contact: "asc" },
    select: { id: true },
  });
  return found.map((c) => c.id);
}

/** The officer's regular duty outside the generated month, so generating it twice never doubles it. */
function keepOutsideMonth(existing: unknown, added: readonly { start: string; end: string }[]): { start: string; end: string }[] {
  if (!Array.isArray(existing) || added.length === 0) return Array.isArray(existing) ? (existing as { start: string; end: string }[]) : [];
  const from = added[0]?.start ?? "";
  const to = added.at(-1)?.end ?? "";
  return (existing as { start: string; end: string }[]).filter((d) => !(d.start >= from && d.end <= to));
}

/**
 * The sandbox's generated history: the month before `now` (each agency's own calendar) for every
 * agency, seeded once. `npm start` runs it in sandbox mode; the demo can call it the same way.
 */
export async function seedPreviousMonthActivity(
  prisma: PrismaClient,
  agencyIds: readonly string[],
  now: Date,
): Promise<{ agencyId: string; month: string; outcome: SeedActivityOutcome }[]> {
  const results = [];
  for (const agencyId of agencyIds) {
    const agency = getAgency(agencyId);
    if (!agency) continue;
    const month = previousMonth(now, agency.timeZone);
    results.push({ agencyId, month, outcome: await seedActivity(prisma, { agencyId, month, seed: 19, now }) });
  }
  return results;
}

function previousMonth(now: Date, timeZone: string): string {
  return DateTime.fromJSDate(now, { zone: timeZone }).minus({ months: 1 }).toFormat("yyyy-MM");
}
