import { z } from "zod";
import { MINUTES_PER_DAY } from "../time/index.ts";
import { IsoInstantSchema } from "./iso-instant-schema.ts";
import { addQuoteRequestChecks, buildQuoteRequestShape } from "./quote-request-schema.ts";

/** Fields the cancellation contract adds to a quote request. */
function buildCancellationShape() {
  return {
    /** When the assignment was approved; null (default) = not approved yet, nothing to pay. */
    approvedAt: IsoInstantSchema.nullable().default(null),
    cancelledAt: IsoInstantSchema,
    /**
     * Minutes each position worked before the cancellation, ≥ 0; default 0. Bounded by a day
     * (not in policy.md) because one position is at most a 24-hour shift.
     */
    minutesWorked: z.number().min(0).max(MINUTES_PER_DAY).default(0),
  };
}

/** A cancellation request schema checking the agency id against `knownAgencyIds` (omitted = any). */
export function createCancellationRequestSchema(knownAgencyIds?: Iterable<string>) {
  const known = knownAgencyIds === undefined ? null : new Set(knownAgencyIds);
  return addQuoteRequestChecks(
    z.object({
      ...buildQuoteRequestShape((id) => known === null || known.has(id)),
      ...buildCancellationShape(),
    }),
  );
}

/** Cancellation request without an agency-list check. */
export const CancellationRequestSchema = createCancellationRequestSchema();
/** A validated cancellation request (defaults applied). */
export type CancellationRequest = z.output<typeof CancellationRequestSchema>;
export type CancellationRequestInput = z.input<typeof CancellationRequestSchema>;
