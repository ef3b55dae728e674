import { z } from "zod";
import { CategorySchema, LanguageSchema } from "../agencies/index.ts";

/**
 * What a customer message is for, besides giving information. `confirm`/`decline` are yes/no answers
 * to a confirmation prompt; `opt_out`/`opt_in` are carrier keywords (STOP/START); `restart` is
 * "start over" / "nueva solicitud"; `customer_link` is LINK / ENLACE (the customer's own page); the others are bot commands. `provide_info` means the message carries at least one slot.
 */
export const INTENTS = [
  "provide_info",
  "greeting",
  "help",
  "agent",
  "status",
  "cancel_booking",
  "opt_out",
  "opt_in",
  "confirm",
  "decline",
  "restart",
  "customer_link",
] as const;
export const IntentSchema = z.enum(INTENTS);
export type Intent = z.infer<typeof IntentSchema>;

/** Local calendar date `YYYY-MM-DD`, read in the agency's time zone. */
const LocalDateSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
/** Local wall-clock time `HH:MM`, 24 h. An end of "00:00" means midnight; crossing it is the state machine's job. */
const LocalTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const ExtractedAddressSchema = z.object({
  line1: z.string().min(1),
  city: z.string().nullable(),
  /** Two-letter USPS code when the customer typed a code or a full state name. */
  state: z.string().nullable(),
});
export type ExtractedAddress = z.infer<typeof ExtractedAddressSchema>;

/**
 * Everything one customer message can say. Every field is nullable and none is optional, because
 * the same schema is the OpenAI structured-output format (strict mode requires every key).
 * null always means "the message does not say"; the deterministic parser and the LLM must never guess.
 *
 * Conventions the intake state machine relies on:
 * - `postOrders: ""` and `organization: ""` mean the customer said there is none.
 * - `correction: true` means the message corrects an earlier answer; it is never `false` from the parser.
 * - `endTime` is only what the customer said; "for 4 hours" is `durationMinutes: 240`, not an end time.
 */
export const ExtractionSchema = z.object({
  intent: IntentSchema.nullable(),
  cancelRequestNumber: z.number().int().min(1).nullable(),
  date: LocalDateSchema.nullable(),
  startTime: LocalTimeSchema.nullable(),
  endTime: LocalTimeSchema.nullable(),
  /** Shift length in minutes when the customer gave a duration instead of (or as well as) an end. */
  durationMinutes: z.number().int().min(1).nullable(),
  officers: z.number().int().min(0).nullable(),
  vehicles: z.number().int().min(0).nullable(),
  /** Miles each vehicle drives (moving use); 0 means static use only. */
  vehicleMiles: z.number().min(0).nullable(),
  address: ExtractedAddressSchema.nullable(),
  /** Short lowercase description of the job, e.g. "road construction traffic control". */
  eventType: z.string().nullable(),
  category: CategorySchema.nullable(),
  armedPrivateSecurity: z.boolean().nullable(),
  civilLegalService: z.boolean().nullable(),
  bodyguardOrBouncer: z.boolean().nullable(),
  alcoholPrincipalBusiness: z.boolean().nullable(),
  customerName: z.string().nullable(),
  organization: z.string().nullable(),
  postOrders: z.string().nullable(),
  language: LanguageSchema.nullable(),
  correction: z.boolean().nullable(),
});
export type Extraction = z.infer<typeof ExtractionSchema>;

/** An extraction that says nothing: the starting point of every parse and of merges. */
export function makeEmptyExtraction(): Extraction {
  return {
    intent: null,
    cancelRequestNumber: null,
    date: null,
    startTime: null,
    endTime: null,
    durationMinutes: null,
    officers: null,
    vehicles: null,
    vehicleMiles: null,
    address: null,
    eventType: null,
    category: null,
    armedPrivateSecurity: null,
    civilLegalService: null,
    bodyguardOrBouncer: null,
    alcoholPrincipalBusiness: null,
    customerName: null,
    organization: null,
    postOrders: null,
    language: null,
    correction: null,
  };
}
