import { z } from "zod";
import { CentsAmountSchema } from "./rate-card-schema.ts";
import { ApproverSchema, ProhibitedWorkCodeSchema, RankSchema, RequestFlagSchema } from "./vocabulary.ts";

/**
 * Lead-time rules (lead time = start − requestedAt). Thresholds are strict: a rule applies when
 * the lead time is below the threshold.
 */
export const LeadTimeRulesSchema = z.strictObject({
  /** Below this many minutes the request needs an extra sign-off (`late_request`); null = no rule. */
  lateRequest: z.strictObject({ belowMinutes: z.int().min(1), approver: ApproverSchema }).nullable(),
  /** Below this many minutes every minute may be billed at the emergency rate; null = no emergency rate. */
  emergencyBelowMinutes: z.int().min(1).nullable(),
});
export type LeadTimeRules = z.infer<typeof LeadTimeRulesSchema>;

/** What a set request flag means for this agency: a reject, or a sign-off by someone. */
export const ProhibitedWorkRuleSchema = z.discriminatedUnion("decision", [
  z.strictObject({
    flag: RequestFlagSchema,
    code: ProhibitedWorkCodeSchema,
    decision: z.literal("reject"),
    approver: z.null().default(null),
  }),
  z.strictObject({
    flag: RequestFlagSchema,
    code: ProhibitedWorkCodeSchema,
    decision: z.literal("needs_approval"),
    approver: ApproverSchema,
  }),
]);
export type ProhibitedWorkRule = z.infer<typeof ProhibitedWorkRuleSchema>;

/** Rules on police vehicles (requests with vehicles > 0). */
export const VehicleRuleSchema = z.discriminatedUnion("code", [
  /** Any vehicle needs a sign-off (Mesquite: a supervisor). */
  z.strictObject({ code: z.literal("vehicle_requires_approval"), approver: ApproverSchema }),
  /** Vehicles only inside this city: a request with an address elsewhere is rejected. */
  z.strictObject({ code: z.literal("vehicle_outside_city"), city: z.string().trim().min(1) }),
]);
export type VehicleRule = z.infer<typeof VehicleRuleSchema>;

/** Dispatch settings (example defaults from policy.md). */
export const DispatchSettingsSchema = z.strictObject({
  /** Most hours of work in any rolling 24 hours; default 16. */
  maxHoursPer24h: z.number().positive().max(24).default(16),
  /** Most off-duty hours in any rolling 7 days; default 64. */
  maxHoursPer7d: z.number().positive().max(168).default(64),
  /** Fewest hours between the end of one off-duty shift and the start of the next; default 8. */
  minRestHours: z.number().min(0).max(48).default(8),
  /** Officers offered a shift per wave; default 10. */
  waveSize: z.int().min(1).max(1000).default(10),
  /** Minutes between waves; default 15. */
  waveIntervalMinutes: z.int().min(1).max(1440).default(15),
  /**
   * Whether the chief's designee may let a community service officer fill a traffic-control
   * position nobody took (Tucson); default false.
   */
  communityServiceOfficerForTrafficControl: z.boolean().default(false),
  /** Minutes before a shift's start from which an officer may check in (until its end); default 60. */
  checkInOpensMinutesBefore: z.int().min(0).max(24 * 60).default(60),
  /** A forgotten check-out is closed at the scheduled end plus this many minutes, and flagged; default 30. */
  checkOutGraceMinutes: z.int().min(0).max(24 * 60).default(30),
  /** Minutes an offer stays open (never past the shift's start); default 120. */
  offerExpiryMinutes: z.int().min(1).max(7 * 24 * 60).default(120),
  /** Hours before the start after which DROP no longer releases a shift: it goes to the supervisor; default 12. */
  callOffDeadlineHours: z.number().min(0).max(14 * 24).default(12),
});
export type DispatchSettings = z.infer<typeof DispatchSettingsSchema>;

const SlackChannelIdSchema = z
  .string()
  .regex(/^[CG][A-Z0-9]{2,}$/, "must be a Slack channel id such as C0ROCKAPPR");
const SlackUserIdSchema = z
  .string()
  .regex(/^[UW][A-Z0-9]{2,}$/, "must be a Slack user id such as U0ROCKSUP1");

/** Where the agency's staff work in Slack. */
export const SlackSettingsSchema = z.strictObject({
  /** Channel receiving approval cards. */
  approvalsChannel: SlackChannelIdSchema,
  /** Channel receiving dispatch progress. */
  dispatchChannel: SlackChannelIdSchema,
  /** Users who may approve as `supervisor`. */
  supervisors: z.array(SlackUserIdSchema).min(1),
  /** Users who may approve as `chief` (the chief of police or their designees). */
  chiefDesignees: z.array(SlackUserIdSchema).min(1),
  /**
   * Users who may take over customer conversations, reply to customers in dispatch threads and
   * hand back (supervisors and chief's designees may too); default none.
   */
  dispatchers: z.array(SlackUserIdSchema).default([]),
});
export type SlackSettings = z.infer<typeof SlackSettingsSchema>;

/** E.164 phone number, e.g. +15125550100. */
export const PhoneNumberSchema = z
  .string()
  .regex(/^\+[1-9]\d{7,14}$/, "must be an E.164 number such as +15125550100");

/**
 * Invoicing (the "After the job" issue): numbers read `<invoicePrefix>-<year>-<000123>`; without a
 * prefix, the first three letters of the agency id, upper-cased (tucson-az-pd → TUC).
 */
export const BillingSettingsSchema = z.strictObject({
  invoicePrefix: z
    .string()
    .regex(/^[A-Z]{2,6}$/, "must be 2 to 6 capital letters, e.g. TUC")
    .optional(),
  /** Days from issue to the due date printed on an invoice; default 30. */
  paymentTermsDays: z.int().min(0).max(365).default(30),
  /** Who the customer pays, printed on invoices; default the agency's name. */
  payTo: z.string().trim().min(1).max(200).optional(),
});
export type BillingSettings = z.infer<typeof BillingSettingsSchema>;

const LocalDateSchema = z.iso.date({ message: "must be a date as YYYY-MM-DD" });

/**
 * How the department cuts pay periods, in its own calendar: every week from a weekday, every other
 * week from an anchor date (the first day of one period), or twice a month (1st–15th, 16th–end).
 */
export const PayPeriodSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("weekly"),
    startsOn: z.enum(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]).default("monday"),
  }),
  z.strictObject({ kind: z.literal("biweekly"), anchorDate: LocalDateSchema }),
  z.strictObject({ kind: z.literal("semimonthly") }),
]);
export type PayPeriodRule = z.infer<typeof PayPeriodSchema>;

/**
 * Officer pay (the "For the department" issue): by default an officer is paid the labor lines the
 * customer is billed for their minutes (bill rate, no admin fee, no vehicle); `payRates` sets an
 * hourly rate in cents per rank and rate kind where the department pays differently.
 */
export const PayrollSettingsSchema = z.strictObject({
  payPeriod: PayPeriodSchema.default({ kind: "weekly", startsOn: "monday" }),
  payRates: z
    .partialRecord(RankSchema, z.strictObject({ regular: CentsAmountSchema, holiday: CentsAmountSchema, emergency: CentsAmountSchema }))
    .optional(),
});
export type PayrollSettings = z.infer<typeof PayrollSettingsSchema>;
