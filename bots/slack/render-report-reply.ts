import {
  buildCustomerBilling,
  buildFatigueCompliance,
  buildOfferFairness,
  buildOfficerHours,
  buildReliability,
  buildVehicleRecovery,
  type ExceededCap,
  formatHours,
  type ReportFacts,
  type ReportKind,
} from "../../core/reports/index.ts";
import { formatCents } from "../../core/intake/index.ts";
import { formatLocalInstant } from "../../core/officers/index.ts";
import { assertNever } from "../../core/shared/index.ts";
import { escapeMrkdwn } from "./escape-mrkdwn.ts";

// A slash-command reply is one message: the top few rows, the full table is the CSV.
const TOP = 5;
const NAME_MAX = 60;

export const REPORT_USAGE =
  "Usage: `/detail report <officers|customers|fatigue|reliability|fairness|vehicles> [YYYY-MM]` (default: last month).";

/** A few lines a supervisor can read in Slack; the CSV uploaded beside it has every row. */
export function renderReportSummary(kind: ReportKind, facts: ReportFacts): string {
  const heading = `*${escapeMrkdwn(facts.agency.name, NAME_MAX)} — ${TITLES[kind]}, ${facts.period.label}*`;
  return [heading, ...summarize(kind, facts)].join("\n");
}

const TITLES: Record<ReportKind, string> = {
  officers: "hours and earnings by officer",
  customers: "hours and billing by customer",
  fatigue: "fatigue compliance",
  reliability: "no-shows, drops and late refills",
  fairness: "offer fairness",
  vehicles: "city vehicle cost recovery",
};

const name = (text: string) => escapeMrkdwn(text, NAME_MAX);

function summarize(kind: ReportKind, facts: ReportFacts): string[] {
  switch (kind) {
    case "officers": {
      const rows = buildOfficerHours(facts);
      const minutes = rows.reduce((sum, r) => sum + r.workedMinutes, 0);
      const cents = rows.reduce((sum, r) => sum + r.billedLaborCents, 0);
      return [
        `${rows.filter((r) => r.workedMinutes > 0).length} officers worked ${formatHours(minutes)} h; labor billed ${formatCents(cents)}.`,
        ...rows.slice(0, TOP).map((r) => `• ${name(r.name)} (${r.badgeNumber}): ${formatHours(r.workedMinutes)} h, ${r.shiftsWorked} shifts, ${formatCents(r.billedLaborCents)}`),
      ];
    }
    case "customers": {
      const rows = buildCustomerBilling(facts);
      const billed = rows.reduce((sum, r) => sum + r.billedCents, 0);
      const paid = rows.reduce((sum, r) => sum + r.paidCents, 0);
      return [
        `${rows.length} customers billed ${formatCents(billed)} (${formatCents(paid)} paid).`,
        ...rows.slice(0, TOP).map((r) => `• ${name(r.organization || r.name || r.contact)}: ${r.requests} requests, ${formatHours(r.workedMinutes)} h, ${formatCents(r.billedCents)}`),
      ];
    }
    case "fatigue": {
      const rows = buildFatigueCompliance(facts);
      const over = rows.filter((r) => r.exceeded.length > 0);
      const overrides = rows.filter((r) => r.override !== null);
      const { dispatch } = facts.agency;
      return [
        `Caps: ${dispatch.maxHoursPer24h} h in 24 h, ${dispatch.maxHoursPer7d} h in 7 days, ${dispatch.minRestHours} h rest.`,
        `${over.length} shift${over.length === 1 ? "" : "s"} over a cap (${countBy(over.flatMap((r) => r.exceeded))}); ${overrides.length} supervisor override${overrides.length === 1 ? "" : "s"}.`,
        ...overrides
          .slice(0, TOP)
          .map(
            (r) =>
              `• Override: ${name(r.officer)}, ${formatLocalInstant(r.start, facts.agency.timeZone)} — ${r.override?.ineligible ?? ""}: “${name(r.override?.reason ?? "")}”`,
          ),
      ];
    }
    case "reliability": {
      const rows = buildReliability(facts);
      const total = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((sum, r) => sum + pick(r), 0);
      return [
        `${total((r) => r.noShows)} no-shows, ${total((r) => r.drops)} drops, ${total((r) => r.lateRefills)} refilled after the start.`,
        ...rows
          .filter((r) => r.noShows + r.drops > 0)
          .slice(0, TOP)
          .map((r) => `• ${name(r.name)}: ${r.noShows} no-show, ${r.drops} dropped, ${r.lateRefills} late refill`),
      ];
    }
    case "fairness": {
      const { distribution30d: d30, distribution90d: d90 } = buildOfferFairness(facts);
      const line = (label: string, d: typeof d30) =>
        `${label}: ${d.officers} officers, min ${formatHours(d.minMinutes)} h, median ${formatHours(d.medianMinutes)} h, max ${formatHours(d.maxMinutes)} h, Gini ${d.gini.toFixed(2)}`;
      return [line("Last 30 days", d30), line("Last 90 days", d90), "0 = hours spread evenly; towards 1 = a few officers get them all."];
    }
    case "vehicles": {
      const rows = buildVehicleRecovery(facts);
      if (rows.length === 0) return ["No vehicle or mileage fees were billed."];
      return rows.map((r) => `• ${r.month}: ${formatCents(r.dueCents)} due to the city (${formatHours(r.vehicleMinutes)} vehicle-hours, ${r.miles} miles, ${r.invoices} invoices; ${formatCents(r.paidCents)} paid)`);
    }
    default:
      return assertNever(kind);
  }
}

const CAP_WORDS: Record<ExceededCap, string> = { cap_24h: "over the 24 h cap", cap_7d: "over the 7-day cap", rest: "short rest" };

/** "4 over the 24 h cap, 6 short rest". */
function countBy(caps: readonly ExceededCap[]): string {
  const counts = new Map<ExceededCap, number>();
  for (const cap of caps) counts.set(cap, (counts.get(cap) ?? 0) + 1);
  return counts.size === 0 ? "none" : [...counts].map(([cap, n]) => `${n} ${CAP_WORDS[cap]}`).join(", ");
}
