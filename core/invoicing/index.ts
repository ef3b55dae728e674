export { type BillingCycleName, type BillingPeriod, lastClosedPeriod, localYear, periodContaining } from "./billing-period.ts";
export { dueDateOf } from "./due-date.ts";
export { describeInvoiceLine, formatMinutes, type InvoiceLineText } from "./describe-invoice-line.ts";
export { formatInvoiceNumber, invoicePrefixOf, parseInvoiceNumber } from "./invoice-number.ts";
export { canTakeInvoiceAction, type InvoiceAction, type InvoiceStatusName, statusAfter } from "./invoice-status.ts";
export { buildWorkedRecords, type HeldPosition } from "./worked-records.ts";
export { datesPeriod, type ListingPeriod, monthOf, monthPeriod, startOfLocalDate } from "./listing-period.ts";
export { formatDollars, formatInvoiceCsv, INVOICE_CSV_COLUMNS, type InvoiceCsvRow, type InvoiceCsvSource, toInvoiceCsvRows } from "./invoice-csv-rows.ts";
