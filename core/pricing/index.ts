export { computeBillableMinutes } from "./billable-interval.ts";
export {
  type CancellationCase,
  type CancellationFee,
  classifyCancellation,
  computeCancellationFee,
} from "./cancellation-fee.ts";
export { computeEasterSunday } from "./easter.ts";
export { type CalendarDate, listHolidays, resolveHolidayDate } from "./holiday-dates.ts";
export { countHolidayMinutes, getHolidayIntervals, type InstantInterval } from "./holiday-intervals.ts";
export { isEmergencyLeadTime } from "./lead-time-rules.ts";
export { type Quote, quoteRequest } from "./quote.ts";
export type { AdminFeeLine, LaborLine, MileageLine, QuoteLine, VehicleLine } from "./quote-lines.ts";
export { chooseRateKind, getRateCents, type RateCents } from "./rate-table.ts";
export { priceWorkedHours, type WorkedHoursInvoice } from "./worked-hours-invoice.ts";
export { priceWorkedLaborLines, type WorkedSpan } from "./worked-labor-lines.ts";
