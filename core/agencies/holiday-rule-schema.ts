import { z } from "zod";

/**
 * A holiday as a calendar rule, read in the agency's time zone. Weekdays are ISO numbers
 * (1 = Monday … 7 = Sunday), months 1–12.
 *
 * - fixed: the same date every year (Dec 24). Feb 29 only occurs in leap years.
 * - nth_weekday: the n-th given weekday of a month (Thanksgiving: 4th Thursday of November).
 *   A year without that n-th weekday (n = 5) has no such holiday.
 * - last_weekday: the last given weekday of a month (Memorial Day: last Monday of May).
 * - easter: Western (Gregorian) Easter Sunday.
 * - offset: another rule's date moved by `days` (day after Thanksgiving: Thanksgiving + 1).
 */
export type HolidayRule =
  | { kind: "fixed"; month: number; day: number }
  | { kind: "nth_weekday"; month: number; weekday: number; n: number }
  | { kind: "last_weekday"; month: number; weekday: number }
  | { kind: "easter" }
  | { kind: "offset"; of: HolidayRule; days: number };

const MonthSchema = z.int().min(1).max(12);
const WeekdaySchema = z.int().min(1).max(7);
const MAX_DAY_BY_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const FixedRuleSchema = z
  .strictObject({ kind: z.literal("fixed"), month: MonthSchema, day: z.int().min(1).max(31) })
  .refine((rule) => rule.day <= (MAX_DAY_BY_MONTH[rule.month - 1] ?? 0), {
    message: "day does not exist in that month",
    path: ["day"],
  });

export const HolidayRuleSchema: z.ZodType<HolidayRule> = z.lazy(() =>
  z.discriminatedUnion("kind", [
    FixedRuleSchema,
    z.strictObject({
      kind: z.literal("nth_weekday"),
      month: MonthSchema,
      weekday: WeekdaySchema,
      n: z.int().min(1).max(5),
    }),
    z.strictObject({ kind: z.literal("last_weekday"), month: MonthSchema, weekday: WeekdaySchema }),
    z.strictObject({ kind: z.literal("easter") }),
    // Offsets are bounded to a month so a year's holidays can be found by looking one year either side.
    z.strictObject({ kind: z.literal("offset"), of: HolidayRuleSchema, days: z.int().min(-31).max(31) }),
  ]),
);

/** A named holiday of an agency, e.g. { name: "Christmas Eve", rule: { kind: "fixed", month: 12, day: 24 } }. */
export const HolidaySchema = z.strictObject({
  name: z.string().trim().min(1),
  rule: HolidayRuleSchema,
});
export type Holiday = z.infer<typeof HolidaySchema>;
