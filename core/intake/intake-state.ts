import type { Language } from "../agencies/index.ts";
import { createEmptySlots, type SlotName, type Slots } from "./slots.ts";

/** Where the conversation stands; the converse CLI and the database show the same names. */
export type IntakePhase = "collecting" | "confirming" | "submitted" | "refused" | "escalated" | "expired";

/** The question the bot asked last (a slot, or one of the yes/no steps), so a short answer ("3", "yes") can be read in context. */
export type Question = SlotName | "confirmation" | "dropVehicles" | "cancelConfirmation" | "whatToChange";

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
  /** A cancellation awaiting its second YES. */
  cancel: { requestNumber: number; feeCents: number } | null;
  optedOut: boolean;
  /** Number of the last request this conversation submitted. */
  submittedNumber: number | null;
  /** ISO instant of the last customer message; drafts expire 24 h after it. */
  lastActivityAt: string | null;
  greeted: boolean;
}

export function createIntakeState(): IntakeState {
  return {
    version: 1,
    phase: "collecting",
    language: null,
    slots: createEmptySlots(),
    question: null,
    misunderstood: 0,
    pending: null,
    cancel: null,
    optedOut: false,
    submittedNumber: null,
    lastActivityAt: null,
    greeted: false,
  };
}

/** Whether the customer has told us anything about a request yet. */
export function hasDraft(state: IntakeState): boolean {
  const { flags, ...rest } = state.slots;
  return Object.values(rest).some((v) => v !== null) || Object.values(flags).some((v) => v !== null);
}
