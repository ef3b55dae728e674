import type { Intent } from "../understanding/index.ts";
import { applyExtraction } from "./apply-extraction.ts";
import type { IntakeContext, IntakeInput } from "./intake-context.ts";
import { type IntakeState, RECENT_TURNS } from "./intake-state.ts";
import { fillScreeningFromJob, findNextQuestion } from "./next-question.ts";

/**
 * Commands are for the bot: while a dispatcher holds the conversation they are the dispatcher's
 * to answer, and acting on them silently (a cancellation, a restart) would surprise everyone.
 */
const COMMANDS: ReadonlySet<Intent> = new Set(["opt_out", "opt_in", "help", "agent", "status", "restart", "cancel_booking", "customer_link"]);

/** Phases whose slots are a draft still being collected; a submitted or refused one is left alone. */
const DRAFTING: ReadonlySet<IntakeState["phase"]> = new Set(["collecting", "confirming", "escalated", "expired"]);

/**
 * A customer message read while a dispatcher holds the conversation: what it says about the
 * request goes into the draft, silently, so the bot knows it after the hand back ("Dec 19, 7pm to
 * midnight at 1500 N Stone Ave" is not asked again). Nothing is asked, summarised, submitted or
 * cancelled. The customer is talking with a person, so their latest word wins over an earlier
 * answer (there is nobody to ask "change it?"); a summary awaiting YES is dropped when the draft
 * moved, so a later YES cannot confirm a quote the customer never saw.
 */
export function absorbWhileHeld(previous: IntakeState, input: IntakeInput, context: IntakeContext): IntakeState {
  const state: IntakeState = structuredClone(previous);
  const { extraction } = input;
  state.lastActivityAt = context.now.toISOString();
  state.recentTurns = [...(state.recentTurns ?? []), { role: "customer" as const, text: input.text }].slice(-RECENT_TURNS);
  if (state.language === null && extraction.language) state.language = extraction.language;
  if (state.optedOut || !DRAFTING.has(state.phase) || (extraction.intent !== null && COMMANDS.has(extraction.intent))) return state;

  // "whatToChange": every slot the message states is written, as after a summary.
  const { changes } = applyExtraction(state.slots, extraction, "whatToChange");
  if (changes.length === 0) return state;
  fillScreeningFromJob(state.slots);
  state.misunderstood = 0;
  state.proposal = null;
  if (state.pending !== null) {
    state.pending = null;
    if (state.phase === "confirming") state.phase = "collecting";
  }
  // The question asked before the dispatcher came in may be answered now.
  if (state.question !== "cancelConfirmation") state.question = findNextQuestion(state.slots, context.agency);
  return state;
}
