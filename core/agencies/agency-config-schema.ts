import { IANAZone } from "luxon";
import { z } from "zod";
import {
  BillingSettingsSchema,
  DispatchSettingsSchema,
  PayrollSettingsSchema,
  LeadTimeRulesSchema,
  PhoneNumberSchema,
  ProhibitedWorkRuleSchema,
  SlackSettingsSchema,
  VehicleRuleSchema,
} from "./agency-rules-schema.ts";
import { HolidaySchema } from "./holiday-rule-schema.ts";
import { CentsAmountSchema, RankRatesSchema, VehicleRatesSchema } from "./rate-card-schema.ts";
import { CATEGORIES, LanguageSchema, RankSchema } from "./vocabulary.ts";

/** A rank added to a request once it has at least `minPositions` positions (one position each). */
export const RankRuleSchema = z.strictObject({
  rank: RankSchema.exclude(["officer"]),
  minPositions: z.int().min(2).max(100),
});
export type RankRule = z.infer<typeof RankRuleSchema>;

/**
 * One agency's whole policy as data (`agencies/<id>.json`). Amounts are integer cents, durations
 * integer minutes. Cross-field rules: every listed rank has rates and nothing else does; rank
 * rules name listed ranks; holiday / emergency rates exist wherever the agency has holidays / an
 * emergency rule.
 */
export const AgencyConfigSchema = z
  .strictObject({
    /** Kebab-case id, equal to the file name (rockport-tx-pd). */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be kebab-case, e.g. rockport-tx-pd"),
    name: z.string().trim().min(1),
    city: z.string().trim().min(1),
    /** Two-letter US state code. */
    state: z.string().regex(/^[A-Z]{2}$/, "must be a two-letter state code such as TX"),
    /** IANA zone every calendar rule is read in. */
    timeZone: z.string().refine((zone) => IANAZone.isValidZone(zone), "must be a valid IANA time zone"),
    /** Languages offered to customers; default ["en", "es"]. */
    languages: z.array(LanguageSchema).min(1).default(["en", "es"]),
    /** The agency's customer-facing numbers (E.164). */
    phoneNumbers: z.array(PhoneNumberSchema).min(1),
    slack: SlackSettingsSchema,
    /** The voice line: the on-call dispatcher's number that "agent" or 0 dials; null = voicemail only. */
    voice: z
      .strictObject({ dispatcherPhone: PhoneNumberSchema.nullable().default(null) })
      .prefault({}),
    dispatch: DispatchSettingsSchema.prefault({}),
    billing: BillingSettingsSchema.prefault({}),
    payroll: PayrollSettingsSchema.prefault({}),
    /** Ranks that exist at this agency; must include officer. */
    ranks: z.array(RankSchema).min(1),
    rankRules: z.array(RankRuleSchema).default([]),
    /** Hourly rates in integer cents per rank, category column and rate kind. */
    rates: z.partialRecord(RankSchema, RankRatesSchema),
    vehicle: VehicleRatesSchema,
    /** Minimum billable minutes per position. */
    minimumMinutes: z.int().min(0).max(1440),
    leadTime: LeadTimeRulesSchema,
    /** Whole local days billed at the holiday rate. */
    holidays: z.array(HolidaySchema).default([]),
    /** Admin fee in cents per billable officer-hour; 0 = none (default). */
    adminFeeCentsPerOfficerHour: CentsAmountSchema.default(0),
    /** Cancelling at or after start − this many minutes costs labor, not only the admin fee. */
    cancellationWindowMinutes: z
      .int()
      .min(0)
      .max(30 * 1440),
    prohibitedWork: z.array(ProhibitedWorkRuleSchema).default([]),
    vehicleRules: z.array(VehicleRuleSchema).default([]),
  })
  .superRefine((agency, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: "custom", path, message });
    const ranks = new Set<string>(agency.ranks);
    if (ranks.size !== agency.ranks.length) issue(["ranks"], "ranks must not repeat");
    if (!ranks.has("officer")) issue(["ranks"], "ranks must include officer");
    const ruleRanks = new Set<string>();
    agency.rankRules.forEach((rule, index) => {
      if (!ranks.has(rule.rank)) issue(["rankRules", index, "rank"], `${rule.rank} is not in ranks`);
      if (ruleRanks.has(rule.rank)) issue(["rankRules", index, "rank"], `${rule.rank} has two rules`);
      ruleRanks.add(rule.rank);
    });
    for (const rank of agency.ranks) {
      if (!agency.rates[rank]) issue(["rates", rank], `rates missing for rank ${rank}`);
    }
    if (agency.payroll.payRates) {
      for (const rank of agency.ranks) {
        if (!agency.payroll.payRates[rank]) issue(["payroll", "payRates", rank], `pay rates missing for rank ${rank}`);
      }
    }
    for (const [rank, rankRates] of Object.entries(agency.rates)) {
      if (!ranks.has(rank)) issue(["rates", rank], `${rank} is not in ranks`);
      for (const category of CATEGORIES) {
        const row = rankRates?.[category];
        if (!row) continue;
        if (agency.holidays.length > 0 && row.holiday === undefined) {
          issue(["rates", rank, category, "holiday"], "holiday rate required: the agency has holidays");
        }
        if (agency.leadTime.emergencyBelowMinutes !== null && row.emergency === undefined) {
          issue(
            ["rates", rank, category, "emergency"],
            "emergency rate required: the agency has an emergency rule",
          );
        }
      }
    }
    agency.prohibitedWork.forEach((rule, index) => {
      const firstIndex = agency.prohibitedWork.findIndex((other) => other.flag === rule.flag);
      if (firstIndex !== index) issue(["prohibitedWork", index, "flag"], `${rule.flag} has two rules`);
    });
  });

/** A validated agency configuration (output of AgencyConfigSchema, defaults applied). */
export type AgencyConfig = z.infer<typeof AgencyConfigSchema>;
