import type { Language } from "../agencies/index.ts";
import type { ConversationTurn } from "../understanding/index.ts";
import type { SlotWrite } from "./apply-extraction.ts";
import { createEmptySlots, type SlotName, type Slots } from "./slots.ts";

/** Where the conversation stands; the converse CLI and the database show the same names. */
export type IntakePhase = "collecting" | "confirming" | "submitted" | "refused" | "escalated" | "expired";

/** The question the bot asked last (a slot, or one of the yes/no steps), so a short answer ("3", "yes") can be read in context. */
export type Question =
  | SlotName
  | "screening"
  | "confirmation"
  | "dropVehicles"
  | "cancelConfirmation"
  | "whatToChange"
  | "confirmChange";

/**
 * What a voice caller asked for that needs proof of the number first (caller ID can be spoofed):
 * hearing their bookings, or cancelling one (by number, or null for "my booking").
 */
export type ProofAction = { action: "status" } | { action: "cancel"; requestNumber: number | null };

/** A proposed change to a booked request; `question` is the text the customer was sent, asked again once. */
export interface PendingAmendment {
  /** Id of the stored amendment the YES or NO decides. */
  id: string;
  requestNumber: number;
  question: string;
  /** Whether an unrelated message already got the question again; later ones go through the intake. */
  reprompted: boolean;
}

/** Serializable state of one customer conversation (stored as JSON on the conversation row). */
export interface IntakeState {
  version: 1;
  phase: IntakePhase;
  language: Language | null;
  slots: Slots;
  question: Question | null;
  /** Misunderstood answers in a row; three escalate to a dispatcher. */
  misunderstood: number;
  /** The summary awaiting YES: a YES confirms exactly this request and total, nothing else. */
  pending: { fingerprint: string; totalCents: number } | null;
  /** Answers that would replace earlier ones, awaiting the customer's yes; then `question` resumes. */
  proposal: { writes: SlotWrite[]; resume: Question | null } | null;
  /** The request cancelled last in this conversation, so a "thanks" after it gets a closing line. */
  cancelledNumber: number | null;
  /** A cancellation awaiting its second YES. */
  cancel: { requestNumber: number; feeCents: number } | null;
  /**
   * Set by the turn that asked a voice caller to prove the number, and cleared by the next one:
   * the edge texts a code, and once it is entered carries the action out (resumeAfterProof).
   */
  awaitingProof: ProofAction | null;
  /**
   * A supervisor's change to a booked request, re-quoted and texted to the customer, awaiting
   * their YES or NO (written by the edge when the change is proposed; see amendment.ts).
   */
  amendment: PendingAmendment | null;
  optedOut: boolean;
  /** Number of the last request this conversation submitted. */
  submittedNumber: number | null;
  /** ISO instant of the last customer message; drafts expire 24 h after it. */
  lastActivityAt: string | null;
  greeted: boolean;
  /** The last few messages both ways (at most RECENT_TURNS), for an extractor that reads context. */
  recentTurns: ConversationTurn[];
}

/** How many recent messages the state keeps for context. */
export const RECENT_TURNS = 6;

export function createIntakeState(): IntakeState {
  return {
    version: 1,
    phase: "collecting",
    language: null,
    slots: createEmptySlots(),
    question: null,
    misunderstood: 0,
    pending: null,
    proposal: null,
    cancelledNumber: null,
    cancel: null,
    awaitingProof: null,
    amendment: null,
    optedOut: false,
    submittedNumber: null,
    lastActivityAt: null,
    greeted: false,
    recentTurns: [],
  };
}

/** Whether the customer has told us anything about a request yet. */
export function hasDraft(state: IntakeState): boolean {
  const { flags, ...rest } = state.slots;
  return Object.values(rest).some((v) => v !== null) || Object.values(flags).some((v) => v !== null);
}
