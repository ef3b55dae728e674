import type { PrismaClient } from "../../prisma/client.ts";
import type { OfficerShiftRepository } from "../../prisma/repositories/officer-shift-repository.ts";
import type { Rank } from "../../core/agencies/index.ts";

export interface OfficerSmsDeps {
  prisma: PrismaClient;
  shifts: OfficerShiftRepository;
  /** Re-offers a request's open positions (after a DROP). */
  rebroadcast(requestId: string): Promise<void>;
  /** Post orders, reminders and the no-show check once a request is fully staffed. */
  onStaffed(requestId: string): Promise<void>;
  /** A staffing update in the thread of the request's approval card (once per key). */
  notifyStaff(requestId: string, key: string, text: string): Promise<void>;
  /** Sends texts recorded for other officers (the "has been filled" notices), once per key. */
  notifyOfficers(conversationIds: string[], key: string): Promise<void>;
  /**
   * Closes a forgotten check-out of the request at `closeAt` (its end plus the agency's grace);
   * idempotent per request and instant, so every accept and check-in may ask for it.
   */
  scheduleCheckOutClose(requestId: string, closeAt: Date): Promise<void>;
  /** Drafts the invoice of a request the last check-out completed (idempotent per request). */
  invoiceCompleted(requestId: string): Promise<void>;
}

/** The officer a command came from, as replies and staff notices name them. */
export interface OfficerRef {
  id: string;
  rank: Rank;
  firstName: string;
  lastName: string;
  badgeNumber: string;
}
