export {
  type CancellationRequest,
  type CancellationRequestInput,
  CancellationRequestSchema,
  createCancellationRequestSchema,
} from "./cancellation-request-schema.ts";
export {
  checkWorkedAgainstAgency,
  createInvoiceRequestSchema,
  type InvoiceRequest,
  type InvoiceRequestInput,
  InvoiceRequestSchema,
  listPositionRanks,
  type WorkedPosition,
  WorkedPositionSchema,
  type WorkedProblem,
} from "./invoice-request-schema.ts";
export { IsoInstantSchema } from "./iso-instant-schema.ts";
export { measureLeadTimeMs } from "./lead-time.ts";
export {
  type Address,
  AddressSchema,
  createQuoteRequestSchema,
  MAX_OFFICERS,
  MAX_REQUEST_HOURS,
  MAX_VEHICLE_MILES,
  type QuoteRequest,
  type QuoteRequestInput,
  QuoteRequestSchema,
  type RequestFlags,
  RequestFlagsSchema,
} from "./quote-request-schema.ts";
export { measureWorkedInterval, type WorkedInterval, type WorkedTimes } from "./worked-interval.ts";
