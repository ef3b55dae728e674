import type { Language } from "../agencies/index.ts";

/**
 * The slot the bot just asked about. It decides what a short answer means: "3" is a count only
 * when the bot asked for one, "yes" sets a screening flag only when the bot asked that question.
 */
export const EXPECTED_SLOTS = [
  "date",
  "start",
  "end",
  "time",
  "address",
  "officers",
  "vehicles",
  "vehicleMiles",
  "eventType",
  "armedPrivateSecurity",
  "civilLegalService",
  "bodyguardOrBouncer",
  "alcoholPrincipalBusiness",
  "customerName",
  "organization",
  "postOrders",
  "confirmation",
  "cancel_confirmation",
] as const;
export type ExpectedSlot = (typeof EXPECTED_SLOTS)[number];

/** The screening questions, each answered yes/no into the extraction field of the same name. */
export const SCREENING_SLOTS = [
  "armedPrivateSecurity",
  "civilLegalService",
  "bodyguardOrBouncer",
  "alcoholPrincipalBusiness",
] as const;
export type ScreeningSlot = (typeof SCREENING_SLOTS)[number];

export interface ParseContext {
  /** The instant the message was received; relative dates ("tomorrow") count from it. */
  now: Date;
  /** The agency's IANA time zone; dates are calendar dates there. An unknown zone falls back to UTC. */
  timeZone: string;
  /** The slot the bot asked about last, or null when it asked nothing. */
  expecting: ExpectedSlot | null;
  /** The conversation's language so far: breaks ties in detection; "es" reads 5/7 day-first (5 July). */
  language?: Language;
  /**
   * The conversation so far, for an extractor that reads a message in context (the LLM). The
   * deterministic parser reads only `expecting`; the intake holds every extractor to its rules.
   */
  conversation?: ConversationContext;
}

/** One earlier message of the conversation, oldest first. */
export interface ConversationTurn {
  role: "customer" | "bot";
  text: string;
}

export interface ConversationContext {
  /** Slots the customer has already filled (name → value); absent keys are still missing. */
  draft: Record<string, unknown>;
  /** The bot's last question as the customer saw it, or null. */
  question: string | null;
  /** The last few messages (at most 6), oldest first. */
  recentTurns: ConversationTurn[];
}

export function isScreeningSlot(slot: ExpectedSlot | null): slot is ScreeningSlot {
  return (SCREENING_SLOTS as readonly string[]).includes(slot ?? "");
}
