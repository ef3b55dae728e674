import { DateTime } from "luxon";
import type { ReportFacts } from "./report-facts.ts";
import { inPeriod } from "./report-facts.ts";

/** One local month of city vehicle cost recovery: what invoices billed for police vehicles. */
export interface VehicleRecoveryRow {
  /** "2026-11": the month the invoices were drafted in (agency time). */
  month: string;
  /** Invoices with any vehicle or mileage charge. */
  invoices: number;
  /** Vehicle-minutes billed (vehicles × billable minutes). */
  vehicleMinutes: number;
  vehicleCents: number;
  miles: number;
  mileageCents: number;
  /** Vehicle and mileage fees: what is due to the city. */
  dueCents: number;
  /** The part of `dueCents` on invoices already paid by the customer. */
  paidCents: number;
}

/**
 * City vehicle cost recovery: the vehicle and mileage fees on live invoices drafted in the period,
 * per local month (Mesquite's city is owed them; every agency gets the same report).
 */
export function buildVehicleRecovery(facts: ReportFacts): VehicleRecoveryRow[] {
  const rows = new Map<string, VehicleRecoveryRow>();
  for (const item of facts.invoiceItems) {
    if (!inPeriod(item.invoicedAt, facts.period)) continue;
    const vehicleLines = item.lines.filter((l) => l.kind === "vehicle" || l.kind === "mileage");
    if (item.kind !== "worked_hours" || vehicleLines.length === 0) continue;
    const month = DateTime.fromMillis(item.invoicedAt, { zone: facts.agency.timeZone }).toFormat("yyyy-MM");
    const row = rows.get(month) ?? { month, invoices: 0, vehicleMinutes: 0, vehicleCents: 0, miles: 0, mileageCents: 0, dueCents: 0, paidCents: 0 };
    rows.set(month, row);
    row.invoices += 1;
    for (const line of vehicleLines) {
      if (line.kind === "vehicle") {
        row.vehicleMinutes += line.minutes;
        row.vehicleCents += line.amountCents;
      } else if (line.kind === "mileage") {
        row.miles += line.miles;
        row.mileageCents += line.amountCents;
      }
      row.dueCents += line.amountCents;
      if (item.invoiceStatus === "paid") row.paidCents += line.amountCents;
    }
  }
  return [...rows.values()].sort((a, b) => a.month.localeCompare(b.month));
}
