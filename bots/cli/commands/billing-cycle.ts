import { assertNever } from "../../../core/shared/index.ts";
import type { PrismaClient } from "../../../prisma/client.ts";
import { BILLING_CYCLES, type BillingCycleSetting, setCustomerBillingCycle } from "../../../prisma/repositories/customer-billing-cycle.ts";
import type { CliCommand, CliIo } from "../command.ts";
import { connectFromEnvironment, runOnDatabase } from "../connect-database.ts";
import { parseStringOptions, readAgencyOption } from "../read-options.ts";

const USAGE = "billing-cycle --agency ID --customer CONTACT --cycle per_request|weekly|monthly";
const PHONE = /^\+[1-9]\d{7,14}$/;

/**
 * `billing-cycle`: puts a customer on an account (weekly or monthly invoices at the cycle close)
 * or back to an invoice per request, in the database DATABASE_URL names, with an audit event.
 */
export const billingCycleCommand: CliCommand = {
  name: "billing-cycle",
  summary: "Set how a customer is billed: per_request, weekly or monthly (writes DATABASE_URL)",
  usage: USAGE,
  run: async (args, io) => runBillingCycle(args, io, await connectFromEnvironment()),
};

/** The command with its database and clock given: tests pass theirs, the CLI connects from the environment. */
export async function runBillingCycle(argv: string[], io: CliIo, connect: () => PrismaClient, now: () => Date = () => new Date()): Promise<number> {
  return runOnDatabase(readArguments(argv), io, connect, async (prisma, read) => {
    const change = await setCustomerBillingCycle(prisma, { ...read, actorId: "cli", at: now() });
    switch (change.kind) {
      case "not_found":
        io.stderr.write(`--customer: no customer ${read.contact} at ${read.agencyId} (the contact is their phone in E.164, e.g. +15205550123, or their web chat id)\n`);
        return 1;
      case "unchanged":
        io.stdout.write(`${describeCustomer(change.customer, read.contact)} is already billed ${change.cycle}; nothing changed.\n`);
        return 0;
      case "changed":
        io.stdout.write(`${describeCustomer(change.customer, read.contact)}: billing cycle ${change.from} -> ${change.to}.\n`);
        return 0;
      default:
        return assertNever(change, "billing cycle change");
    }
  });
}

const describeCustomer = (customer: { name: string | null }, contact: string) => (customer.name ? `${customer.name} (${contact})` : contact);

type ReadArguments =
  | { kind: "valid"; agencyId: string; contact: string; cycle: BillingCycleSetting }
  | { kind: "invalid"; problems: string[] };

/** Every problem with the arguments, one line each, or the agency, contact and cycle they name. */
function readArguments(argv: string[]): ReadArguments {
  const parsed = parseStringOptions(argv, ["agency", "customer", "cycle"], USAGE);
  if (parsed.kind === "invalid") return parsed;
  const { values } = parsed;
  const problems: string[] = [];
  const agency = readAgencyOption(values.agency, problems);
  const contact = values.customer?.trim();
  if (contact === undefined) problems.push("--customer: is required (their phone in E.164 or their web chat id)");
  else if (contact === "") problems.push("--customer: must not be empty");
  // A phone is stored in E.164: "+1 520…" or "+1-520…" would never match, so say so rather than "not found".
  else if (contact.startsWith("+") && !PHONE.test(contact)) problems.push(`--customer: a phone must be in E.164 form, e.g. +15205550123, got ${JSON.stringify(contact)}`);
  const cycle = values.cycle;
  const isCycle = (value: string): value is BillingCycleSetting => (BILLING_CYCLES as readonly string[]).includes(value);
  if (cycle === undefined) problems.push(`--cycle: is required (${BILLING_CYCLES.join(", ")})`);
  else if (!isCycle(cycle)) problems.push(`--cycle: must be one of ${BILLING_CYCLES.join(", ")}, got ${JSON.stringify(cycle)}`);
  if (problems.length > 0 || !agency || !contact || cycle === undefined || !isCycle(cycle)) return { kind: "invalid", problems };
  return { kind: "valid", agencyId: agency.id, contact, cycle };
}
