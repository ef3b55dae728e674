export { type CycleCloseResult, closeAccountPeriod, closeBillingCycles } from "./billing-cycles.ts";
export { type DraftOutcome, draftRequestInvoice } from "./draft-request-invoice.ts";
export { type InvoiceActionOutcome, issueInvoice, markInvoicePaid, voidInvoice } from "./invoice-actions.ts";
