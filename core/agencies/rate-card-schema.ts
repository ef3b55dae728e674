import { z } from "zod";

/** Integer cents, bounded so that cents × minutes stays far inside safe integers. */
export const CentsAmountSchema = z.int().min(0).max(10_000_000);

/**
 * Hourly rates of one rank in one category, integer cents per hour. `holiday` and `emergency`
 * are required exactly when the agency has holidays / an emergency lead-time rule (checked on
 * the whole agency config).
 */
export const RateRowSchema = z.strictObject({
  regular: CentsAmountSchema,
  holiday: CentsAmountSchema.optional(),
  emergency: CentsAmountSchema.optional(),
});
export type RateRow = z.infer<typeof RateRowSchema>;

/**
 * Rate columns of one rank by request category. Only `regular` is required: an agency whose
 * price does not depend on the category (Rockport, Mesquite) publishes that column alone and
 * every category is priced from it.
 */
export const RankRatesSchema = z.strictObject({
  regular: RateRowSchema,
  major_event: RateRowSchema.optional(),
  critical_need: RateRowSchema.optional(),
});
export type RankRates = z.infer<typeof RankRatesSchema>;

/** Vehicle charges. Static use is billed per vehicle-hour over the billable interval. */
export const VehicleRatesSchema = z.strictObject({
  /** Cents per vehicle-hour of static use. */
  staticCentsPerHour: CentsAmountSchema,
  /** Cents per mile of moving use; null when the agency does not charge mileage (default). */
  mileageCentsPerMile: CentsAmountSchema.nullable().default(null),
  /** Extra minutes added to every position when vehicles > 0 (pick-up and return); default 0. */
  extensionMinutes: z.int().min(0).max(240).default(0),
});
export type VehicleRates = z.infer<typeof VehicleRatesSchema>;
