import { z } from "zod";
import { CategorySchema, LanguageSchema } from "../agencies/index.ts";
import { MS_PER_HOUR, parseIsoInstant } from "../time/index.ts";
import { IsoInstantSchema } from "./iso-instant-schema.ts";

/** Longest request: end − start at most 24 hours (policy.md). */
export const MAX_REQUEST_HOURS = 24;
/** Most positions one request may ask for. */
export const MAX_OFFICERS = 100;
/**
 * Most moving miles per vehicle. Not in policy.md: a sanity bound (24 h at over 400 mph) that
 * keeps mileage amounts far inside safe integers.
 */
export const MAX_VEHICLE_MILES = 10_000;

/** Street address of the job. Unknown extra keys are dropped. */
export const AddressSchema = z.object({
  line1: z.string().trim().min(1),
  line2: z.string().trim().optional(),
  city: z.string().trim().min(1),
  state: z.string().trim().min(1),
  postalCode: z.string().trim().optional(),
});
export type Address = z.infer<typeof AddressSchema>;

/** Facts about the job that prohibited-work rules look at; each defaults to false. */
export const RequestFlagsSchema = z
  .object({
    armedPrivateSecurity: z.boolean().default(false),
    civilLegalService: z.boolean().default(false),
    bodyguardOrBouncer: z.boolean().default(false),
    alcoholPrincipalBusiness: z.boolean().default(false),
  })
  .prefault({});
export type RequestFlags = z.infer<typeof RequestFlagsSchema>;

/** Fields of a quote request (policy.md "Quote contract"), before cross-field checks. */
export function buildQuoteRequestShape(isKnownAgency: (id: string) => boolean) {
  return {
    /** Agency id, e.g. "tucson-az-pd". */
    agency: z.string().min(1).refine(isKnownAgency, "unknown agency"),
    /** When the customer confirmed the request; absent = no lead-time rules. */
    requestedAt: IsoInstantSchema.optional(),
    start: IsoInstantSchema,
    end: IsoInstantSchema,
    /** Number of positions, 1..100. */
    officers: z.int().min(1).max(MAX_OFFICERS),
    /** Rate column; default "regular". */
    category: CategorySchema.default("regular"),
    /** Police vehicles for static use, 0..officers; default 0. */
    vehicles: z.int().min(0).max(MAX_OFFICERS).default(0),
    /** Moving miles per vehicle, ≥ 0; default 0. */
    vehicleMiles: z.number().min(0).max(MAX_VEHICLE_MILES).default(0),
    eventType: z.string().trim().max(500).optional(),
    address: AddressSchema.optional(),
    flags: RequestFlagsSchema,
    /** Language of screening messages; default "en". */
    language: LanguageSchema.default("en"),
  };
}

type Payload = { issues: readonly { path?: readonly PropertyKey[] | undefined }[] };

/**
 * Whether the value is an object and none of `fields` has failed so far: cross-field checks run
 * on the valid parts, so one pass reports as many problems as possible.
 */
export function hasValid(...fields: string[]) {
  return (payload: Payload) =>
    payload.issues.every((issue) => {
      const head = issue.path?.[0];
      return head !== undefined && !fields.includes(String(head));
    });
}

/**
 * Adds the cross-field checks every request schema shares: end after start, at most 24 hours,
 * vehicles ≤ officers. Each check reports on the field a person would fix.
 */
export function addQuoteRequestChecks<
  T extends z.ZodType<{ start: string; end: string; officers: number; vehicles: number }>,
>(schema: T): T {
  return schema
    .refine(
      (request) => {
        const startMs = parseIsoInstant(request.start);
        const endMs = parseIsoInstant(request.end);
        return startMs === null || endMs === null || endMs > startMs;
      },
      { message: "must be after start", path: ["end"], when: hasValid("start", "end") },
    )
    .refine(
      (request) => {
        const startMs = parseIsoInstant(request.start);
        const endMs = parseIsoInstant(request.end);
        return startMs === null || endMs === null || endMs - startMs <= MAX_REQUEST_HOURS * MS_PER_HOUR;
      },
      {
        message: `must be at most ${MAX_REQUEST_HOURS} hours after start`,
        path: ["end"],
        when: hasValid("start", "end"),
      },
    )
    .refine((request) => request.vehicles <= request.officers, {
      message: "must not exceed officers",
      path: ["vehicles"],
      when: hasValid("vehicles", "officers"),
    });
}

/**
 * A quote request schema that also checks the agency id against `knownAgencyIds` (omitted =
 * any non-empty id). Unknown top-level keys are dropped.
 */
export function createQuoteRequestSchema(knownAgencyIds?: Iterable<string>) {
  const known = knownAgencyIds === undefined ? null : new Set(knownAgencyIds);
  return addQuoteRequestChecks(z.object(buildQuoteRequestShape((id) => known === null || known.has(id))));
}

/** Quote request without an agency-list check; see createQuoteRequestSchema. */
export const QuoteRequestSchema = createQuoteRequestSchema();
/** A validated quote request (defaults applied). */
export type QuoteRequest = z.output<typeof QuoteRequestSchema>;
/** What a caller may send (defaults not yet applied). */
export type QuoteRequestInput = z.input<typeof QuoteRequestSchema>;
