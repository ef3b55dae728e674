import type { Reply } from "../messages/index.ts";
import { lookUpCancellation, renderCancelLookup } from "./customer-requests.ts";
import { describeStatus } from "./describe-status.ts";
import type { IntakeContext, IntakeEffect } from "./intake-context.ts";
import { type IntakeState, type ProofAction, RECENT_TURNS } from "./intake-state.ts";
import { getTexts } from "./texts.ts";

/** A turn's outcome (the shape of step.ts's StepResult, which imports this file). */
interface ProofResult {
  state: IntakeState;
  replies: Reply[];
  effects: IntakeEffect[];
}

/**
 * Whether the sender of this turn is known to hold the number the conversation is keyed on. An
 * SMS sender is (spoofing one is hard, and as before the line trusts it); a web chat session is
 * its own participant; a voice caller ID is not proof until the call has entered a texted code.
 */
export function isCallerProven(context: IntakeContext): boolean {
  return context.channel !== "voice" || context.callerVerified === true;
}

/**
 * Whether reading or cancelling bookings must wait for proof. A number with no booking has
 * nothing to protect, and texting codes to numbers unknown to the agency would only help abuse.
 */
export function needsCallerProof(context: IntakeContext): boolean {
  return !isCallerProven(context) && context.requests.length > 0;
}

/** Asks for proof instead of acting: the edge texts the code and collects it on the keypad. */
export function askForProof(state: IntakeState, prefix: string[], action: ProofAction): ProofResult {
  state.awaitingProof = action;
  const t = getTexts(state.language ?? "en");
  return { state, replies: toReplies([...prefix, t.proofNeeded]), effects: [] };
}

/**
 * The caller entered the right code: the action that waited for it is carried out, as the turn
 * that asked would have done for a proven caller. No inbound message goes with it (the code is
 * never stored), so this is not a step; the context must say the caller is proven.
 */
export function resumeAfterProof(previous: IntakeState, context: IntakeContext): ProofResult {
  if (!isCallerProven(context)) throw new Error("resumeAfterProof: the caller is not proven");
  const state: IntakeState = structuredClone(previous);
  const language = state.language ?? "en";
  const t = getTexts(language);
  const pending = state.awaitingProof;
  state.awaitingProof = null;
  let texts: string[];
  if (pending === null) {
    texts = [t.proofAccepted];
  } else if (pending.action === "status") {
    texts = [describeStatus(context, language)];
  } else {
    const lookup = lookUpCancellation(pending.requestNumber, context);
    if (lookup.kind === "found") {
      state.cancel = { requestNumber: lookup.view.number, feeCents: lookup.feeCents };
      state.question = "cancelConfirmation";
    }
    texts = [renderCancelLookup(lookup, language)];
  }
  const replies = toReplies(texts);
  state.lastActivityAt = context.now.toISOString();
  state.recentTurns = [...(state.recentTurns ?? []), ...replies.map((r) => ({ role: "bot" as const, text: r.text }))].slice(
    -RECENT_TURNS,
  );
  return { state, replies, effects: [] };
}

/**
 * Forgets a cancellation awaiting YES when the caller is not proven: a later call from a spoofed
 * number must not be able to say the YES that an earlier, proven call was asked for.
 */
export function dropUnprovenCancel(state: IntakeState, context: IntakeContext): void {
  if (isCallerProven(context) || state.cancel === null) return;
  state.cancel = null;
  if (state.question === "cancelConfirmation") state.question = null;
}

function toReplies(texts: string[]): Reply[] {
  return texts.filter((text) => text.length > 0).map((text) => ({ text }));
}
