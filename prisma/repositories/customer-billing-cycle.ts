import type { PrismaClient } from "../client.ts";

/** How a customer is billed: an invoice per request (the default), or one per week or month. */
export const BILLING_CYCLES = ["per_request", "weekly", "monthly"] as const;
export type BillingCycleSetting = (typeof BILLING_CYCLES)[number];

export type BillingCycleChange =
  | { kind: "changed"; customer: { id: string; name: string | null }; from: BillingCycleSetting; to: BillingCycleSetting }
  | { kind: "unchanged"; customer: { id: string; name: string | null }; cycle: BillingCycleSetting }
  | { kind: "not_found" };

/**
 * Puts one customer of one agency (found by contact: E.164 phone or web chat id) on a billing
 * cycle, with an AuditEvent (system, "customer.billing_cycle_changed", from and to) in the same
 * transaction. The next cycle close bills their completed requests of the period the cycle
 * names; requests already invoiced stay as they are. Setting the cycle it has writes nothing.
 */
export async function setCustomerBillingCycle(
  prisma: PrismaClient,
  input: { agencyId: string; contact: string; cycle: BillingCycleSetting; actorId: string | null; at: Date },
): Promise<BillingCycleChange> {
  return prisma.$transaction(async (tx) => {
    const found = await tx.customer.findUnique({
      where: { agencyId_contact: { agencyId: input.agencyId, contact: input.contact } },
      select: { id: true, name: true, billingCycle: true },
    });
    if (!found) return { kind: "not_found" } as const;
    const customer = { id: found.id, name: found.name };
    if (found.billingCycle === input.cycle) return { kind: "unchanged", customer, cycle: input.cycle } as const;
    // Conditional on the cycle read: a concurrent change makes this one count nothing rather than overwrite silently.
    const updated = await tx.customer.updateMany({ where: { id: found.id, billingCycle: found.billingCycle }, data: { billingCycle: input.cycle } });
    if (updated.count === 0) throw new Error("the customer's billing cycle changed meanwhile; run the command again");
    await tx.auditEvent.create({
      data: {
        agencyId: input.agencyId,
        actorKind: "system",
        actorId: input.actorId,
        action: "customer.billing_cycle_changed",
        entityType: "Customer",
        entityId: found.id,
        data: { from: found.billingCycle, to: input.cycle },
        at: input.at,
      },
    });
    return { kind: "changed", customer, from: found.billingCycle, to: input.cycle } as const;
  });
}
