import { stringify } from "csv-stringify/sync";
import { DateTime } from "luxon";
import { formatDollars } from "../invoicing/index.ts";
import { assertNever } from "../shared/index.ts";
import { buildCustomerBilling } from "./customer-billing.ts";
import { buildFatigueCompliance } from "./fatigue-compliance.ts";
import { buildOfferFairness } from "./offer-fairness.ts";
import { buildOfficerHours } from "./officer-hours.ts";
import { buildReliability } from "./officer-reliability.ts";
import type { ReportFacts } from "./report-facts.ts";
import { buildVehicleRecovery } from "./vehicle-recovery.ts";
import { formatHours } from "./worked-time.ts";

/** The reports staff can ask for, by the word they type (`report <kind>`). */
export const REPORT_KINDS = ["officers", "customers", "fatigue", "reliability", "fairness", "vehicles"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export function isReportKind(word: string): word is ReportKind {
  return (REPORT_KINDS as readonly string[]).includes(word);
}

type Cells = Record<string, string>;

/** A report as CSV text (header row first, CRLF lines as csv-stringify writes them). */
export function formatReportCsv(kind: ReportKind, facts: ReportFacts): string {
  const records = toReportRecords(kind, facts);
  const columns = REPORT_COLUMNS[kind];
  return stringify(records, { header: true, columns: [...columns], record_delimiter: "windows" });
}

/** Each report's columns, in order; the header row is these names. */
export const REPORT_COLUMNS: Record<ReportKind, readonly string[]> = {
  officers: ["badge", "officer", "rank", "shifts_worked", "hours_worked", "hours_billed", "billed_labor_usd", "billed_labor_cents"],
  customers: [
    "customer_name", "customer_organization", "customer_contact", "requests", "completed", "cancelled", "hours_worked",
    "labor_cents", "vehicle_cents", "mileage_cents", "admin_fee_cents", "cancellation_fee_cents", "billed_usd", "billed_cents", "paid_cents",
  ],
  fatigue: [
    "shift_start", "shift_end", "badge", "officer", "hours_in_24h", "cap_24h", "hours_in_7d", "cap_7d", "shortest_rest_hours",
    "min_rest_hours", "exceeded", "override_reason", "override_ineligible", "override_by", "override_at",
  ],
  reliability: ["badge", "officer", "shifts_taken", "no_shows", "drops", "late_refills", "refills_taken"],
  fairness: ["badge", "officer", "hours_30d", "offers_30d", "hours_90d", "offers_90d"],
  vehicles: ["month", "invoices", "vehicle_hours", "vehicle_cents", "miles", "mileage_cents", "due_to_city_usd", "due_to_city_cents", "paid_cents"],
};

function toReportRecords(kind: ReportKind, facts: ReportFacts): Cells[] {
  const when = (ms: number) => DateTime.fromMillis(ms, { zone: facts.agency.timeZone }).toFormat("yyyy-MM-dd HH:mm");
  const { dispatch } = facts.agency;
  switch (kind) {
    case "officers":
      return buildOfficerHours(facts).map((r) => ({
        badge: r.badgeNumber,
        officer: r.name,
        rank: r.rank,
        shifts_worked: String(r.shiftsWorked),
        hours_worked: formatHours(r.workedMinutes),
        hours_billed: formatHours(r.billedMinutes),
        billed_labor_usd: formatDollars(r.billedLaborCents),
        billed_labor_cents: String(r.billedLaborCents),
      }));
    case "customers":
      return buildCustomerBilling(facts).map((r) => ({
        customer_name: r.name,
        customer_organization: r.organization,
        customer_contact: r.contact,
        requests: String(r.requests),
        completed: String(r.completed),
        cancelled: String(r.cancelled),
        hours_worked: formatHours(r.workedMinutes),
        labor_cents: String(r.laborCents),
        vehicle_cents: String(r.vehicleCents),
        mileage_cents: String(r.mileageCents),
        admin_fee_cents: String(r.adminFeeCents),
        cancellation_fee_cents: String(r.cancellationFeeCents),
        billed_usd: formatDollars(r.billedCents),
        billed_cents: String(r.billedCents),
        paid_cents: String(r.paidCents),
      }));
    case "fatigue":
      return buildFatigueCompliance(facts).map((r) => ({
        shift_start: when(r.start),
        shift_end: when(r.end),
        badge: r.badgeNumber,
        officer: r.officer,
        hours_in_24h: formatHours(r.heaviest24hMinutes),
        cap_24h: String(dispatch.maxHoursPer24h),
        hours_in_7d: formatHours(r.heaviest7dMinutes),
        cap_7d: String(dispatch.maxHoursPer7d),
        shortest_rest_hours: r.shortestRestMinutes === null ? "" : formatHours(r.shortestRestMinutes),
        min_rest_hours: String(dispatch.minRestHours),
        exceeded: r.exceeded.join(";"),
        override_reason: r.override?.reason ?? "",
        override_ineligible: r.override?.ineligible ?? "",
        override_by: r.override?.by ?? "",
        override_at: r.override ? when(r.override.at) : "",
      }));
    case "reliability":
      return buildReliability(facts).map((r) => ({
        badge: r.badgeNumber,
        officer: r.name,
        shifts_taken: String(r.shiftsTaken),
        no_shows: String(r.noShows),
        drops: String(r.drops),
        late_refills: String(r.lateRefills),
        refills_taken: String(r.refillsTaken),
      }));
    case "fairness":
      return buildOfferFairness(facts).rows.map((r) => ({
        badge: r.badgeNumber,
        officer: r.name,
        hours_30d: formatHours(r.minutes30d),
        offers_30d: String(r.offers30d),
        hours_90d: formatHours(r.minutes90d),
        offers_90d: String(r.offers90d),
      }));
    case "vehicles":
      return buildVehicleRecovery(facts).map((r) => ({
        month: r.month,
        invoices: String(r.invoices),
        vehicle_hours: formatHours(r.vehicleMinutes),
        vehicle_cents: String(r.vehicleCents),
        miles: String(r.miles),
        mileage_cents: String(r.mileageCents),
        due_to_city_usd: formatDollars(r.dueCents),
        due_to_city_cents: String(r.dueCents),
        paid_cents: String(r.paidCents),
      }));
    default:
      return assertNever(kind);
  }
}
