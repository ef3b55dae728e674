import type { Language } from "../agencies/index.ts";
import type { Reply } from "../messages/index.ts";
import { quoteRequest } from "../pricing/index.ts";
import { describeProhibitedWork } from "../screening/index.ts";
import { assertNever } from "../shared/index.ts";
import {
  detectPolicyQuestion,
  type Extraction,
  findJobWords,
  isSmallTalk,
  prepareMessageText,
} from "../understanding/index.ts";
import { answerAmendment } from "./amendment.ts";
import { answerLinkRequest } from "./answer-link-request.ts";
import { answerPolicyQuestion } from "./answer-policy-question.ts";
import { applyExtraction, applyWrite, type SlotChange, type SlotWrite } from "./apply-extraction.ts";
import { buildQuoteRequest } from "./build-request.ts";
import { askForProof, dropUnprovenCancel, isCallerProven, needsCallerProof } from "./caller-proof.ts";
import { lookUpCancellation, renderCancelLookup } from "./customer-requests.ts";
import { describeKnownDraft } from "./describe-known-draft.ts";
import { describeStatus, readStatusNumber } from "./describe-status.ts";
import { formatCents } from "./format.ts";
import {
  type HandBackInput,
  type IntakeContext,
  type IntakeEffect,
  type IntakeInput,
  REQUEST_NUMBER_PLACEHOLDER,
} from "./intake-context.ts";
import { createIntakeState, hasDraft, type IntakeState, RECENT_TURNS } from "./intake-state.ts";
import { fillScreeningFromJob, findNextQuestion, listUnansweredScreening } from "./next-question.ts";
import { describeQuestion } from "./question-text.ts";
import { readScreeningAnswer } from "./read-screening-answer.ts";
import {
  mentionsPhone,
  readSiteContact,
  type SiteContactAnswer,
  splitContactAndInstructions,
} from "./read-site-contact.ts";
import { describeRelativeDate } from "./relative-date.ts";
import { resolveShift } from "./resolve-shift.ts";
import { createEmptySlots } from "./slots.ts";
import { describeChange, describeChanges, describeDraftBriefly, summarizeRequest } from "./summarize.ts";
import { getTexts, type IntakeTexts } from "./texts.ts";

export interface StepResult {
  state: IntakeState;
  replies: Reply[];
  effects: IntakeEffect[];
}

/** A draft idle this long is gone; one idle for RESUME_AFTER gets a "welcome back". */
export const DRAFT_TTL_MS = 24 * 3600_000;
export const RESUME_AFTER_MS = 3600_000;
/** Misunderstood answers in a row before a dispatcher is brought in. */
export const MAX_MISUNDERSTOOD = 3;

const say = (...texts: string[]): Reply[] => texts.filter((t) => t.length > 0).map((text) => ({ text }));

/**
 * One customer message through the intake: keywords first, then the pending yes/no questions,
 * then the slots. Pure: the same state, input and context always give the same result.
 */
export function stepIntake(previous: IntakeState, input: IntakeInput, context: IntakeContext): StepResult {
  const result = decideStep(previous, input, context);
  const turns = [
    ...(previous.recentTurns ?? []),
    { role: "customer" as const, text: input.text },
    ...result.replies.map((reply) => ({ role: "bot" as const, text: reply.text })),
  ];
  result.state.recentTurns = turns.slice(-RECENT_TURNS);
  return result;
}

function decideStep(previous: IntakeState, input: IntakeInput, context: IntakeContext): StepResult {
  const state: IntakeState = structuredClone(previous);
  const { extraction } = input;
  const nowMs = context.now.getTime();
  // A proof asked for lapses with the next turn: the code itself never comes through a turn.
  state.awaitingProof = null;
  dropUnprovenCancel(state, context);
  const proven = isCallerProven(context);
  if (context.forcedLanguage) state.language = context.forcedLanguage;
  else if (extraction.language && (state.language === null || !hasDraft(state))) state.language = extraction.language;
  const language: Language = state.language ?? "en";
  const t = getTexts(language);

  if (extraction.intent === "opt_out") {
    state.optedOut = true;
    // Twilio answers STOP on SMS itself; other channels get our confirmation.
    return { state, replies: context.channel === "sms" ? [] : say(t.optedOutWeb), effects: [{ kind: "opt_out" }] };
  }
  if (extraction.intent === "opt_in") {
    state.optedOut = false;
    return { state, replies: say(t.optedIn), effects: [{ kind: "opt_in" }] };
  }
  if (state.optedOut) return { state, replies: [], effects: [] };

  const prefix: string[] = [];
  const lastMs = state.lastActivityAt ? Date.parse(state.lastActivityAt) : null;
  const drafting = state.phase === "collecting" || state.phase === "confirming" || state.phase === "expired";
  if (drafting && hasDraft(state) && lastMs !== null && nowMs - lastMs > DRAFT_TTL_MS) {
    Object.assign(state, { ...createIntakeState(), language: state.language, greeted: true, optedOut: false });
    prefix.push(t.expired);
  } else if (drafting && hasDraft(state) && lastMs !== null && nowMs - lastMs > RESUME_AFTER_MS) {
    prefix.push(t.welcomeBack(describeDraftBriefly(state.slots, context.agency, language)));
  }
  state.lastActivityAt = context.now.toISOString();

  if (state.phase === "escalated") return { state, replies: [], effects: [] };

  const message = prepareMessageText(input.text);
  const folded = message.folded;
  const policyQuestion = detectPolicyQuestion(folded);
  if (policyQuestion) prefix.push(answerPolicyQuestion(policyQuestion, context.agency, language));

  // "STATUS 1042" asks about one booking; the parser reads no command in it.
  const statusNumber = readStatusNumber(input.text);
  if (extraction.intent === "status" || statusNumber !== null) {
    if (needsCallerProof(context)) return askForProof(state, prefix, { action: "status" });
    return { state, replies: say(...prefix, describeStatus(context, language, statusNumber)), effects: [] };
  }
  if (extraction.intent === "customer_link") {
    const link = answerLinkRequest(context, language);
    return { state, replies: say(...prefix, link.text), effects: link.effects };
  }

  switch (extraction.intent) {
    case "help":
      return { state, replies: say(...prefix, t.help, currentQuestionText(state, context, t)), effects: [] };
    case "agent":
      state.phase = "escalated";
      return { state, replies: say(...prefix, t.escalated), effects: [{ kind: "escalate", reason: "asked_for_agent" }] };
    case "restart":
      Object.assign(state, {
        ...createIntakeState(),
        language: state.language,
        greeted: true,
        submittedNumber: state.submittedNumber,
        recentTurns: state.recentTurns,
      });
      state.question = findNextQuestion(state.slots, context.agency);
      return { state, replies: say(...prefix, t.restarted, currentQuestionText(state, context, t)), effects: [] };
    case "cancel_booking": {
      if (needsCallerProof(context)) {
        return askForProof(state, prefix, { action: "cancel", requestNumber: extraction.cancelRequestNumber });
      }
      const lookup = lookUpCancellation(extraction.cancelRequestNumber, context);
      if (lookup.kind === "found") {
        state.cancel = { requestNumber: lookup.view.number, feeCents: lookup.feeCents };
        state.question = "cancelConfirmation";
      }
      return { state, replies: say(...prefix, renderCancelLookup(lookup, language)), effects: [] };
    }
    default:
      break;
  }

  if (state.cancel && state.question === "cancelConfirmation") {
    const { requestNumber, feeCents } = state.cancel;
    if (extraction.intent === "confirm" || extraction.intent === "decline") {
      state.cancel = null;
      state.question = null;
      const confirmed = extraction.intent === "confirm";
      if (confirmed) state.cancelledNumber = requestNumber;
      if (confirmed && state.phase === "submitted" && state.submittedNumber === requestNumber) {
        // The request this conversation made is gone: "thanks" now gets a closing line, new words a new request.
        Object.assign(state, { phase: "collecting", slots: createEmptySlots(), pending: null, proposal: null });
      }
      const next = state.phase === "collecting" && hasDraft(state) ? resumeQuestion(state, context, t) : "";
      return {
        state,
        replies: say(
          confirmed ? t.cancelDone(String(requestNumber), formatCents(feeCents)) : t.cancelKept(String(requestNumber)),
          next,
        ),
        effects: confirmed
          ? [{ kind: "cancel_request", requestNumber, feeCents, cancelledAt: context.now.toISOString() }]
          : [],
      };
    }
    return misunderstood(state, prefix, t.cancelConfirm(String(requestNumber), formatCents(feeCents)), t);
  }

  // A supervisor's change awaiting YES or NO comes before the draft: it was the last thing asked.
  const amendment = answerAmendment(state, extraction, context, language);
  if (amendment) return { state, replies: say(...prefix, ...amendment.replies), effects: amendment.effects };

  const startsNew = countRequestFields(input) >= 1 && extraction.intent !== "confirm";
  if (!startsNew && isSmallTalk(folded) && (state.phase === "submitted" || !hasDraft(state))) {
    // A booking's number is not read to a caller who may not hold the phone (a later, spoofed call).
    const closing =
      state.cancelledNumber !== null && proven ? t.cancelledClosing(String(state.cancelledNumber)) : t.closing;
    if (state.phase === "submitted" || state.cancelledNumber !== null) return { state, replies: say(...prefix, closing), effects: [] };
  }
  if (state.phase === "submitted" && !startsNew) {
    if (prefix.length > 0) return { state, replies: say(...prefix), effects: [] };
    const line = proven ? t.afterSubmit(String(state.submittedNumber ?? "")) : t.afterSubmitUnproven;
    return { state, replies: say(line), effects: [] };
  }
  if (state.phase === "refused") {
    const probe = applyExtraction(structuredClone(state.slots), extraction, "whatToChange");
    if (probe.changes.length === 0) {
      // "ok thanks" after a refusal: the refusal stands; it is not a misunderstood answer.
      return { state, replies: say(...prefix, t.refusedAgain), effects: [] };
    }
    state.question = "whatToChange";
  }
  if (state.phase === "submitted") {
    Object.assign(state, { slots: createEmptySlots(), pending: null, question: null, misunderstood: 0, proposal: null });
  }
  if (state.phase === "submitted" || state.phase === "refused") state.phase = "collecting";

  if (state.question === "dropVehicles" && (extraction.intent === "confirm" || extraction.intent === "decline")) {
    if (extraction.intent === "decline") {
      state.phase = "refused";
      state.question = null;
      return { state, replies: say(...prefix, t.refusedNoVehicleChoice), effects: [] };
    }
    state.slots.vehicles = 0;
    state.slots.vehicleMiles = 0;
    state.question = null;
    return continueIntake(state, [{ slot: "vehicles", before: null, after: 0 }], prefix, context, language);
  }

  if (state.question === "confirmChange" && state.proposal) {
    const { writes, resume } = state.proposal;
    if (extraction.intent === "confirm" || extraction.intent === "decline") {
      state.proposal = null;
      state.question = resume;
      if (extraction.intent === "confirm") {
        for (const write of writes) applyWrite(state.slots, write);
        return continueIntake(state, writes, prefix, context, language);
      }
      return continueIntake(state, [], [...prefix, t.changeKept], context, language);
    }
    state.proposal = null;
    state.question = resume;
  }

  if (state.question === "siteContact" && extraction.correction !== true) {
    const contact = readSiteContact(input.text);
    if (contact) {
      recordSiteContact(state, contact, context);
      return continueIntake(state, [], prefix, context, language);
    }
  }
  // At the summary a phone number can only be a new site contact ("the site contact is Bob 520-555-0123").
  const atSummary = state.question === "confirmation" || state.question === "whatToChange";
  if (atSummary && mentionsPhone(input.text)) {
    // Only the clause with the number names the contact: "yo al 520-555-0199, estacionar detrás"
    // is ME at that number, not a contact named "yo al , estacionar detrás".
    const contact = splitContactAndInstructions(input.text)?.contact ?? readSiteContact(input.text);
    if ((contact?.kind === "given" || contact?.kind === "me") && contact.phone !== null) {
      recordSiteContact(state, contact, context);
      return continueIntake(state, [], prefix, context, language);
    }
  }
  // Asked together with the instructions: a part with a number or ME is the contact, the rest
  // the instructions. Without either the whole answer is the instructions, read as before.
  if (state.question === "postOrders" && (state.slots.siteContactPhone ?? null) === null && extraction.correction !== true) {
    const split = splitContactAndInstructions(input.text);
    if (split) {
      recordSiteContact(state, split.contact, context);
      state.slots.postOrders = split.instructions;
      return continueIntake(state, [], prefix, context, language);
    }
  }

  const screeningAnswer =
    state.question === "screening" && extraction.correction !== true
      ? readScreeningAnswer(folded, listUnansweredScreening(state.slots, context.agency), extraction)
      : null;
  const read: Extraction = screeningAnswer ? { ...extraction, ...screeningAnswer } : extraction;
  if (state.question === "screening" && !screeningAnswer && (extraction.intent === "confirm")) {
    return { state, replies: say(...prefix, t.screeningWhich), effects: [] };
  }

  const wasConfirming = state.phase === "confirming" && state.pending !== null;
  const { changes, proposed } = applyExtraction(state.slots, read, state.question);
  if (changes.some((change) => change.slot === "postOrders")) defaultSiteContactToCustomer(state, context);

  if (wasConfirming && changes.length === 0 && proposed.length === 0) {
    if (extraction.intent === "confirm") return submit(state, prefix, context, language);
    if (extraction.intent === "decline") {
      state.phase = "collecting";
      state.pending = null;
      state.question = "whatToChange";
      return { state, replies: say(...prefix, t.askWhatToChange), effects: [] };
    }
  }

  if (changes.length === 0 && proposed.length === 0) {
    if (!state.greeted && !hasDraft(state)) {
      state.greeted = true;
      state.question = findNextQuestion(state.slots, context.agency);
      return {
        state,
        replies: say(...prefix, t.greeting(context.agency.name), currentQuestionText(state, context, t)),
        effects: [],
      };
    }
    // Nothing said is not a misunderstanding: a new call's opening (or a photo with no words)
    // hears the open question again, never "Sorry, I didn't catch that".
    if ((prefix.length > 0 && extraction.intent !== "decline") || input.text.trim() === "") {
      return { state, replies: say(...prefix, currentQuestionText(state, context, t)), effects: [] };
    }
    return misunderstood(state, prefix, currentQuestionText(state, context, t), t);
  }
  if (!state.greeted) prefix.unshift(t.greeting(context.agency.name));
  state.greeted = true;
  state.misunderstood = 0;
  if (changes.some((change) => change.slot === "eventType")) {
    state.slots.jobWords = language === "en" ? null : (findJobWords(input.text) ?? state.slots.eventType);
  }
  const echo = describeRelativeDate(message, changes, context.agency, language);
  if (echo) prefix.push(echo);
  // After the summary every change is shown; before it, only answers that replaced an earlier one.
  const shown = wasConfirming || state.question === "whatToChange" ? changes : changes.filter((c) => c.before != null);
  if (proposed.length > 0) return proposeChanges(state, proposed, [...prefix, ...describeShown(shown, context, language)], context, language);
  return continueIntake(state, shown, prefix, context, language);
}

/**
 * Writes the site contact answer. ME is the customer under the name they gave and the number
 * they write from (web chat has none, so its number is asked next); a name alone keeps the
 * question open for the number; NONE means nobody else: the customer where we have their number,
 * else no contact at all (web chat).
 */
function recordSiteContact(state: IntakeState, answer: SiteContactAnswer, context: IntakeContext): void {
  const { slots } = state;
  switch (answer.kind) {
    case "me":
      slots.siteContactName = slots.customerName ?? slots.siteContactName ?? null;
      // Web chat has no number, and a caller may have none on file: then the number is asked next.
      slots.siteContactPhone =
        answer.phone ?? (context.channel === "web" ? (slots.siteContactPhone ?? null) : context.customerPhone);
      return;
    case "none":
      // Nobody else: the customer, where we know their number; on web chat, no contact at all.
      slots.siteContactPhone = "";
      defaultSiteContactToCustomer(state, context, true);
      return;
    case "given":
      if (answer.name !== null) slots.siteContactName = answer.name;
      if (answer.phone !== null) slots.siteContactPhone = answer.phone;
      return;
    default:
      assertNever(answer, "site contact answer");
  }
}

/**
 * Instructions were given without naming a site contact: the customer is it, under their name
 * and the number they write or call from (the summary shows it, so they can say otherwise).
 * Web chat has no number, so there the site contact is asked on its own.
 */
function defaultSiteContactToCustomer(state: IntakeState, context: IntakeContext, replace = false): void {
  const { slots } = state;
  if (!replace && (slots.siteContactPhone ?? null) !== null) return;
  if (context.channel === "web" || !context.customerPhone) return;
  slots.siteContactName = slots.customerName ?? null;
  slots.siteContactPhone = context.customerPhone;
}

/** Answers that would replace earlier ones without the message being about them: ask first. */
function proposeChanges(
  state: IntakeState,
  writes: SlotWrite[],
  prefix: string[],
  context: IntakeContext,
  language: Language,
): StepResult {
  const t = getTexts(language);
  const resume = state.phase === "confirming" ? "confirmation" : (findNextQuestion(state.slots, context.agency) ?? state.question);
  state.proposal = { writes, resume };
  state.question = "confirmChange";
  const change = writes.map((write) => describeChange(write, context.agency, language)).join(language === "es" ? " y " : " and ");
  return { state, replies: say(...prefix, t.confirmChange(change)), effects: [] };
}

function describeShown(changes: SlotChange[], context: IntakeContext, language: Language): string[] {
  return changes.length > 0 ? [getTexts(language).changed(describeChanges(changes, context.agency, language))] : [];
}


/** After the slots changed: ask the next question, or summarise and quote. */
function continueIntake(
  state: IntakeState,
  shownChanges: SlotChange[],
  prefix: string[],
  context: IntakeContext,
  language: Language,
): StepResult {
  const t = getTexts(language);
  const { agency } = context;
  const changed = describeShown(shownChanges, context, language);
  state.pending = null;
  state.phase = "collecting";
  fillScreeningFromJob(state.slots);

  const prohibited = agency.prohibitedWork.filter((rule) => rule.decision === "reject" && state.slots.flags[rule.flag] === true);
  if (prohibited.length > 0) {
    // Refused as soon as any message shows prohibited work: nothing more is asked for a job that can't be booked.
    state.phase = "refused";
    state.question = null;
    const reasons = prohibited.map((rule) => describeProhibitedWork(rule.code, { decision: "reject" }, language));
    return { state, replies: say(...prefix, ...changed, t.refused(reasons.join(" ")), t.refusedAlternatives), effects: [] };
  }

  if (state.slots.officers !== null && (state.slots.officers < 1 || state.slots.officers > 100)) {
    state.slots.officers = null;
    state.question = "officers";
    return { state, replies: say(...prefix, t.officersOutOfRange), effects: [] };
  }
  if (state.slots.officers !== null && state.slots.vehicles !== null && state.slots.vehicles > state.slots.officers) {
    state.slots.vehicles = null;
    state.question = "vehicles";
    return { state, replies: say(...prefix, t.tooManyVehicles), effects: [] };
  }
  const shift = resolveShift(state.slots, agency.timeZone);
  if (shift.kind === "too_long") {
    state.slots.endTime = null;
    state.slots.durationMinutes = null;
    state.question = "end";
    return { state, replies: say(...prefix, ...changed, t.tooLong), effects: [] };
  }
  if (shift.kind === "ok" && Date.parse(shift.start) <= context.now.getTime()) {
    state.slots.date = null;
    state.question = "date";
    return { state, replies: say(...prefix, ...changed, t.dateInPast, t.ask.date), effects: [] };
  }

  const next = findNextQuestion(state.slots, agency);
  if (next) {
    state.question = next;
    return { state, replies: say(...prefix, ...changed, currentQuestionText(state, context, t)), effects: [] };
  }

  // The slots are as resolved above: their shift is not worked out twice.
  const request = buildQuoteRequest(state.slots, agency, context.now, language, shift);
  if (!request) {
    state.question = "date";
    return { state, replies: say(...prefix, t.ask.date), effects: [] };
  }
  const quote = quoteRequest(request, agency);
  if (quote.screening.decision === "reject") {
    const rejects = quote.screening.reasons.filter((r) => r.decision === "reject");
    if (rejects.every((r) => r.code === "vehicle_outside_city")) {
      state.question = "dropVehicles";
      return {
        state,
        replies: say(...prefix, ...changed, t.offerWithoutVehicle(rejects.map((r) => r.message).join(" "))),
        effects: [],
      };
    }
    state.phase = "refused";
    state.question = null;
    return {
      state,
      replies: say(...prefix, ...changed, t.refused(rejects.map((r) => r.message).join(" ")), t.refusedAlternatives),
      effects: [],
    };
  }
  state.phase = "confirming";
  state.question = "confirmation";
  state.pending = { fingerprint: JSON.stringify({ ...request, requestedAt: undefined }), totalCents: quote.totalCents };
  return {
    state,
    replies: say(...prefix, ...changed, summarizeRequest(state.slots, request, quote, agency, language)),
    effects: [],
  };
}

/** YES to the exact summary shown: re-quote at confirmation time and submit only if nothing moved. */
function submit(state: IntakeState, prefix: string[], context: IntakeContext, language: Language): StepResult {
  const t = getTexts(language);
  const request = buildQuoteRequest(state.slots, context.agency, context.now, language);
  const fingerprint = request ? JSON.stringify({ ...request, requestedAt: undefined }) : null;
  const quote = request ? quoteRequest(request, context.agency) : null;
  if (!request || !quote || fingerprint !== state.pending?.fingerprint || quote.totalCents !== state.pending.totalCents) {
    // The price depends on lead time, so a YES much later can meet a different quote: show it again.
    return continueIntake(state, [], prefix, context, language);
  }
  if (quote.screening.decision === "reject") return continueIntake(state, [], prefix, context, language);
  state.phase = "submitted";
  state.question = null;
  state.pending = null;
  return {
    state,
    replies: say(...prefix, t.submitted(REQUEST_NUMBER_PLACEHOLDER)),
    effects: [
      {
        kind: "submit_request",
        request,
        quote,
        customer: {
          name: state.slots.customerName,
          organization: state.slots.organization || null,
          phone: context.customerPhone,
        },
        postOrders: state.slots.postOrders || null,
        siteContact: {
          name: state.slots.siteContactName || null,
          phone: state.slots.siteContactPhone || null,
        },
      },
    ],
  };
}


function misunderstood(state: IntakeState, prefix: string[], question: string, t: IntakeTexts): StepResult {
  state.misunderstood += 1;
  if (state.misunderstood >= MAX_MISUNDERSTOOD) {
    state.phase = "escalated";
    return {
      state,
      replies: say(...prefix, t.escalatedMisunderstood),
      effects: [{ kind: "escalate", reason: "misunderstood" }],
    };
  }
  return { state, replies: say(...prefix, t.notUnderstood(question)), effects: [] };
}

/** Phases whose slots are a draft the bot can go on collecting after a dispatcher. */
const RESUMABLE: ReadonlySet<IntakeState["phase"]> = new Set(["collecting", "confirming", "escalated", "expired"]);

/**
 * A dispatcher hands the conversation back: the bot passes on their note, applies the draft
 * fields they corrected, says what it has and asks for what it still needs (what the customer
 * told the dispatcher was read into the draft meanwhile, see absorbWhileHeld). A summary that
 * was awaiting YES is shown again, since the dispatcher may have changed plans.
 */
export function resumeAfterDispatcher(
  previous: IntakeState,
  context: IntakeContext,
  handBack: HandBackInput = { note: null, edits: null },
): StepResult {
  const state: IntakeState = { ...createIntakeState(), ...structuredClone(previous) };
  const language: Language = state.language ?? "en";
  const t = getTexts(language);
  state.misunderstood = 0;
  state.cancel = null;
  state.proposal = null;
  const prefix = [handBack.note?.trim() ?? "", t.backFromDispatcher];
  const resumable = RESUMABLE.has(state.phase);
  if (resumable && handBack.edits) {
    // The dispatcher's word wins over earlier answers, as a change after the summary would.
    const { changes } = applyExtraction(state.slots, handBack.edits, "whatToChange");
    if (changes.length > 0) state.pending = null;
  }
  let result: StepResult;
  if (resumable && hasDraft(state)) {
    if (state.question === "cancelConfirmation" || state.question === "confirmChange") state.question = null;
    fillScreeningFromJob(state.slots);
    // A complete draft gets the summary, which says it all; otherwise what is known, then the next question.
    const known = findNextQuestion(state.slots, context.agency) ? describeKnownDraft(state.slots, context.agency, language) : "";
    if (known) prefix.push(t.draftKnown(known));
    result = continueIntake(state, [], prefix, context, language);
  } else {
    if (state.phase === "escalated") {
      state.phase = state.submittedNumber !== null ? "submitted" : "collecting";
      state.question = null;
    }
    result = { state, replies: say(...prefix), effects: [] };
  }
  const turns = [...(state.recentTurns ?? []), ...result.replies.map((reply) => ({ role: "bot" as const, text: reply.text }))];
  result.state.recentTurns = turns.slice(-RECENT_TURNS);
  return result;
}

function currentQuestionText(state: IntakeState, context: IntakeContext, t: IntakeTexts): string {
  return describeQuestion(state, context.agency, t);
}

/** The question to ask again after an aside (a cancellation, a dispatcher), from the slots. */
function resumeQuestion(state: IntakeState, context: IntakeContext, t: IntakeTexts): string {
  if (state.question === null || state.question === "cancelConfirmation") {
    state.question = findNextQuestion(state.slots, context.agency);
  }
  return currentQuestionText(state, context, t);
}

function countRequestFields(input: IntakeInput): number {
  const e = input.extraction;
  return [e.date, e.startTime, e.officers, e.address, e.eventType].filter((v) => v !== null).length;
}
