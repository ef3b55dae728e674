export {
  type AgencyConfig,
  AgencyConfigSchema,
  type RankRule,
  RankRuleSchema,
} from "./agency-config-schema.ts";
export {
  type DispatchSettings,
  type LeadTimeRules,
  type PayPeriodRule,
  type PayrollSettings,
  PhoneNumberSchema,
  type ProhibitedWorkRule,
  type SlackSettings,
  type VehicleRule,
} from "./agency-rules-schema.ts";
export { assignPositions, type Positions } from "./assign-positions.ts";
export { describeRankedOfficer, rankTitle } from "./rank-title.ts";
export { type Holiday, type HolidayRule, HolidayRuleSchema, HolidaySchema } from "./holiday-rule-schema.ts";
export {
  checkStaffAuthority,
  findLookUpAgency,
  findStaffRoles,
  ROLES_FOR_ACTION,
  STAFF_ACTIONS,
  type StaffAction,
  type StaffAuthority,
  type StaffRole,
} from "./staff-authority.ts";
export type { RankRates, RateRow, VehicleRates } from "./rate-card-schema.ts";
export {
  APPROVERS,
  type Approver,
  ApproverSchema,
  CATEGORIES,
  type Category,
  CategorySchema,
  LANGUAGES,
  type Language,
  LanguageSchema,
  PROHIBITED_WORK_CODES,
  type ProhibitedWorkCode,
  RANKS,
  RATE_KINDS,
  type Rank,
  type RateKind,
  RankSchema,
  REQUEST_FLAGS,
  type RequestFlag,
  RequestFlagSchema,
} from "./vocabulary.ts";
