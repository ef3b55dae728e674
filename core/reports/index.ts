export { buildCustomerBilling, type CustomerBillingRow } from "./customer-billing.ts";
export { buildFatigueCompliance, type ExceededCap, type FatigueRow } from "./fatigue-compliance.ts";
export { buildOfferFairness, computeGini, describeDistribution, type Distribution, FAIRNESS_WINDOWS_DAYS, type FairnessRow, type OfferFairness } from "./offer-fairness.ts";
export { buildOfficerHours, type OfficerHoursRow } from "./officer-hours.ts";
export { buildReliability, type ReliabilityRow } from "./officer-reliability.ts";
export { formatReportCsv, isReportKind, REPORT_COLUMNS, REPORT_KINDS, type ReportKind } from "./report-csv.ts";
export {
  type CustomerFact,
  type InvoiceItemFact,
  inPeriod,
  LIVE_SHIFT_STATUSES,
  type OfferFact,
  type OfficerFact,
  officerName,
  type OverrideFact,
  type ReportFacts,
  type RequestFact,
  type ShiftFact,
} from "./report-facts.ts";
export { type BilledPosition, shareByWeight, splitBilledLabor } from "./split-billed-labor.ts";
export { buildVehicleRecovery, type VehicleRecoveryRow } from "./vehicle-recovery.ts";
export { formatHours, occupiedSpan, workedMinutes, workedSpan } from "./worked-time.ts";
