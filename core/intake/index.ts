export { applyExtraction, type SlotChange } from "./apply-extraction.ts";
export { buildQuoteRequest, type CustomerDetails, describeDraft } from "./build-request.ts";
export { formatCents, formatShift } from "./format.ts";
export { formatPhone } from "./read-site-contact.ts";
export { absorbWhileHeld } from "./absorb-while-held.ts";
export { describeStatus, findNextBooking } from "./describe-status.ts";
export { describeKnownDraft } from "./describe-known-draft.ts";
export {
  type DispatcherEditField,
  type DispatcherEditFields,
  type DispatcherEdits,
  readDispatcherEdits,
} from "./read-dispatcher-edits.ts";
export {
  type CustomerRequestView,
  type HandBackInput,
  type RequestOfficerView,
  type IntakeContext,
  type IntakeEffect,
  type IntakeInput,
  REQUEST_NUMBER_PLACEHOLDER,
} from "./intake-context.ts";
export { describeConversationContext } from "./conversation-context.ts";
export {
  createIntakeState,
  hasDraft,
  type IntakePhase,
  type IntakeState,
  type PendingAmendment,
  type ProofAction,
  type Question,
  RECENT_TURNS,
} from "./intake-state.ts";
export { answerAmendment } from "./amendment.ts";
export { isCallerProven, needsCallerProof, resumeAfterProof } from "./caller-proof.ts";
export {
  CODE_DIGITS,
  CODE_TTL_MS,
  type CodeChallenge,
  type CodeEntryOutcome,
  type CodeIssueDecision,
  decideCodeIssue,
  isCodeShaped,
  judgeCodeEntry,
  MAX_CODE_ATTEMPTS,
  MAX_CODES_PER_HOUR,
} from "./caller-code.ts";
export { findNextQuestion } from "./next-question.ts";
export { createEmptySlots, type Slots } from "./slots.ts";
export { DRAFT_TTL_MS, MAX_MISUNDERSTOOD, RESUME_AFTER_MS, resumeAfterDispatcher, type StepResult, stepIntake } from "./step.ts";
export type { ConversationRecord, InboundRecord, IntakeStore, TurnCommit, TurnStart } from "./intake-store.ts";
export { toExpectedSlot } from "./expected-slot.ts";
export { fillRequestNumber } from "./fill-request-number.ts";
export { getTexts, type IntakeTexts } from "./texts.ts";
