import { formatPhone } from "../../core/intake/index.ts";
import type { PrismaClient } from "../../prisma/client.ts";

/** The web chat customer's own contact for updates, as stored on their Customer row. */
export interface StoredUpdatesContact {
  phone: string | null;
  email: string | null;
}

/**
 * Saves what the customer typed on the quote card, before the turn that submits the request, so
 * the approval card (a job that may run at once) already shows it. The Customer row is keyed by
 * the web chat id, as the submission's own upsert is; the latest answer replaces the earlier one.
 */
export async function saveUpdatesContact(
  prisma: PrismaClient,
  key: { agencyId: string; participant: string; language: string },
  contact: { phone: string } | { email: string },
): Promise<void> {
  const data = "phone" in contact ? { phone: contact.phone, email: null } : { phone: null, email: contact.email };
  await prisma.customer.upsert({
    where: { agencyId_contact: { agencyId: key.agencyId, contact: key.participant } },
    create: { agencyId: key.agencyId, contact: key.participant, language: key.language, ...data },
    update: data,
  });
}

export async function loadUpdatesContact(
  prisma: PrismaClient,
  key: { agencyId: string; participant: string },
): Promise<StoredUpdatesContact> {
  const row = await prisma.customer.findUnique({
    where: { agencyId_contact: { agencyId: key.agencyId, contact: key.participant } },
    select: { phone: true, email: true },
  });
  return { phone: row?.phone ?? null, email: row?.email ?? null };
}

/** "520-555-0199" or the email: how the card shows a stored contact back to the customer. */
export function describeUpdatesContact(contact: StoredUpdatesContact): string | null {
  return contact.phone ? formatPhone(contact.phone) : contact.email;
}
