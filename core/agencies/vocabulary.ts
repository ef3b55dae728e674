import { z } from "zod";

/** Ranks a position can require, lowest first (the order of quote lines and of `positions`). */
export const RANKS = ["officer", "sergeant", "commander"] as const;
export const RankSchema = z.enum(RANKS);
export type Rank = z.infer<typeof RankSchema>;

/** Request categories; they select a rate column where the agency publishes one (Tucson). */
export const CATEGORIES = ["regular", "major_event", "critical_need"] as const;
export const CategorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof CategorySchema>;

/** Rate kinds, in line order within a rank; on equal rates the later-listed special kind wins. */
export const RATE_KINDS = ["regular", "holiday", "emergency"] as const;
export type RateKind = (typeof RATE_KINDS)[number];

/** Who signs off a `needs_approval` reason; `chief` outranks `supervisor`. */
export const APPROVERS = ["supervisor", "chief"] as const;
export const ApproverSchema = z.enum(APPROVERS);
export type Approver = z.infer<typeof ApproverSchema>;

/** Yes/no facts a customer states about the job (request `flags`), all false by default. */
export const REQUEST_FLAGS = [
  "armedPrivateSecurity",
  "civilLegalService",
  "bodyguardOrBouncer",
  "alcoholPrincipalBusiness",
] as const;
export const RequestFlagSchema = z.enum(REQUEST_FLAGS);
export type RequestFlag = z.infer<typeof RequestFlagSchema>;

/** Reason codes an agency may attach to a prohibited-work flag; each has en/es wording in core/screening. */
export const PROHIBITED_WORK_CODES = [
  "armed_private_security",
  "civil_legal_service",
  "bodyguard_or_bouncer",
  "alcohol_principal_business",
] as const;
export const ProhibitedWorkCodeSchema = z.enum(PROHIBITED_WORK_CODES);
export type ProhibitedWorkCode = z.infer<typeof ProhibitedWorkCodeSchema>;

/** Languages the bot speaks to customers. */
export const LANGUAGES = ["en", "es"] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;
