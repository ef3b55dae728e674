import type { DispatchSettings, Rank } from "../agencies/index.ts";
import type { TimeSpan } from "../dispatch/index.ts";
import type { QuoteLine } from "../pricing/index.ts";

/**
 * What every report is shaped from, loaded by prisma/repositories/reports for one agency: plain
 * rows, times in epoch milliseconds. The loader reads from 90 days before the period (the
 * fairness windows, the 7-day cap) to its end, so each report filters to what it shows.
 */
export interface ReportFacts {
  agency: { id: string; name: string; timeZone: string; dispatch: DispatchSettings };
  /** The reported span [startMs, endMs) and its name in file names ("2026-11"). */
  period: { startMs: number; endMs: number; label: string };
  officers: readonly OfficerFact[];
  customers: readonly CustomerFact[];
  requests: readonly RequestFact[];
  shifts: readonly ShiftFact[];
  offers: readonly OfferFact[];
  invoiceItems: readonly InvoiceItemFact[];
  overrides: readonly OverrideFact[];
}

export interface OfficerFact {
  id: string;
  firstName: string;
  lastName: string;
  badgeNumber: string;
  rank: Rank;
  active: boolean;
  /** Regular duty from the roster: counted by the 24 h cap, as dispatch counts it. */
  regularDuty: readonly TimeSpan[];
}

export interface CustomerFact {
  id: string;
  name: string | null;
  organization: string | null;
  contact: string;
}

export interface RequestFact {
  id: string;
  number: number;
  customerId: string | null;
  status: string;
  start: number;
  end: number;
  vehicles: number;
  /** Every position, cancelled ones too: invoices list billed minutes in the quote's order of the rest. */
  positions: readonly { id: string; index: number; rank: Rank; status: string }[];
}

/** One assignment: an officer holding (or having held) a position. */
export interface ShiftFact {
  id: string;
  officerId: string;
  requestId: string;
  positionId: string;
  status: "assigned" | "checked_in" | "checked_out" | "dropped" | "no_show" | "cancelled";
  start: number;
  end: number;
  checkedInAt: number | null;
  checkedOutAt: number | null;
  /** When the officer took it (their YES, or a supervisor's assignment). */
  createdAt: number;
}

export interface OfferFact {
  officerId: string;
  requestId: string;
  wave: number;
  status: string;
  sentAt: number;
}

/** One request billed on a live (not void) invoice. */
export interface InvoiceItemFact {
  requestId: string;
  kind: "worked_hours" | "cancellation_fee";
  invoiceNumber: string;
  invoiceStatus: "draft" | "issued" | "paid";
  /** When the invoice was drafted: the month a fee was billed in. */
  invoicedAt: number;
  lines: readonly QuoteLine[];
  /** Whole minutes per position in the quote's order (worked hours only). */
  billedMinutes: readonly number[];
  totalCents: number;
}

/** A supervisor's assignment of an officer dispatch would not have offered the shift to. */
export interface OverrideFact {
  assignmentId: string;
  officerId: string;
  requestId: string;
  /** Slack user id of the supervisor. */
  by: string;
  at: number;
  reason: string;
  /** Dispatch's reason the officer was not eligible (core/dispatch IneligibleReason). */
  ineligible: string;
}

/** Statuses of a shift an officer is (or was) on: counted by the caps and worked hours. */
export const LIVE_SHIFT_STATUSES: readonly ShiftFact["status"][] = ["assigned", "checked_in", "checked_out"];

/** "Lastname, Firstname". */
export function officerName(officer: Pick<OfficerFact, "firstName" | "lastName">): string {
  return `${officer.lastName}, ${officer.firstName}`;
}

/** Whether `ms` lies in [startMs, endMs). */
export function inPeriod(ms: number, period: { startMs: number; endMs: number }): boolean {
  return ms >= period.startMs && ms < period.endMs;
}
