import type { AgencyConfig, Language } from "../core/agencies/index.ts";
import {
  absorbWhileHeld,
  type CustomerRequestView,
  type IntakeEffect,
  type IntakeState,
  type IntakeStore,
  describeConversationContext,
  stepIntake,
  toExpectedSlot,
} from "../core/intake/index.ts";
import type { InboundMessage, Reply } from "../core/messages/index.ts";
import { cleanMessageText } from "../core/shared/index.ts";
import type { MessageExtractor } from "../core/understanding/index.ts";
import { dropRepeatedReplies } from "../workers/limits/repeated-replies.ts";

export interface TurnDeps {
  store: IntakeStore;
  extractor: MessageExtractor;
  getAgency(id: string): AgencyConfig | undefined;
  /** Runs after a turn is committed (e.g. queue the approval of a request submitted in it). */
  afterCommit?(committed: { conversationId: string; state: IntakeState; effects: IntakeEffect[] }): Promise<void>;
  /** A message for the dispatcher (the conversation is escalated or held): relay it to them. */
  relayToDispatcher?(conversationId: string, messageId: string): Promise<void>;
  /**
   * Every new inbound message, once stored (e.g. an answer to a supervisor's question).
   * `awaitingApprovers`: what the store's beginTurn read (TurnStart), when it did.
   */
  afterInbound?(conversationId: string, messageId: string, known?: { awaitingApprovers: boolean }): Promise<void>;
  /**
   * What the bot texted this conversation within the last minute: an SMS turn does not text
   * the same words again (50 × HELP is answered once). Web chat and voice answer every turn.
   * A store with beginTurn reads the same in the turn's first round trip, and this is not called.
   */
  recentReplies?(conversationId: string): Promise<string[]>;
  /** Customers' own pages, when served: LINK gives a link valid this many days (else it says they are off). */
  customerPage?: { validDays: number } | null;
}

export type TurnResult =
  | { kind: "replied"; conversationId: string; replies: Reply[]; effects: IntakeEffect[]; state: IntakeState }
  | { kind: "duplicate"; conversationId: string }
  | { kind: "held_by_dispatcher"; conversationId: string }
  | { kind: "unknown_agency" };

/**
 * One customer message end to end: persist it, load the conversation, let the core decide,
 * then save the state, carry out the effects and record the replies in one commit.
 */
export async function handleCustomerTurn(
  message: InboundMessage,
  deps: TurnDeps,
  /** callerVerified: a voice call that proved its number (see IntakeContext); default false. */
  options: { forcedLanguage?: Language | null; callerVerified?: boolean } = {},
): Promise<TurnResult> {
  message = { ...message, text: cleanMessageText(message.text) };
  const agency = deps.getAgency(message.agencyId);
  if (!agency) return { kind: "unknown_agency" };
  const key = { agencyId: agency.id, channel: message.channel, participant: message.from };
  const wantsRecentReplies = message.channel === "sms" && deps.recentReplies !== undefined;
  // One round trip where the store can (every message starts here), else the calls one by one.
  const start = deps.store.beginTurn
    ? await deps.store.beginTurn(key, message, { repliesAsOf: wantsRecentReplies ? new Date() : null })
    : null;
  const conversation = start?.conversation ?? (await deps.store.openConversation(key));
  const recorded = start?.recorded ?? (await deps.store.recordInbound(conversation.id, message));
  // A retried delivery of a message whose turn never committed (a crash or a database failure
  // in between) is acted on now; one that was acted on is only a duplicate.
  if (recorded.duplicate && (recorded.handled || recorded.messageId === null)) {
    return { kind: "duplicate", conversationId: conversation.id };
  }
  const messageId = recorded.messageId as string;
  await deps.afterInbound?.(conversation.id, messageId, start ? { awaitingApprovers: start.awaitingApprovers } : undefined);
  if (conversation.holder === "dispatcher" || conversation.state.phase === "escalated") {
    await deps.relayToDispatcher?.(conversation.id, messageId);
  }
  const state = conversation.state;
  const context = {
    agency,
    now: message.receivedAt,
    channel: message.channel,
    customerPhone: message.channel === "web" ? null : message.from,
    requests: [] as CustomerRequestView[],
    forcedLanguage: options.forcedLanguage ?? null,
    callerVerified: options.callerVerified ?? false,
    customerPage: deps.customerPage ?? null,
  };
  if (conversation.holder === "dispatcher") {
    // The dispatcher answers; the draft still learns what the customer tells them, silently.
    if (deps.store.saveHeldState) {
      // No expected slot: the dispatcher, not the bot, asked the last question.
      const extraction = await deps.extractor.extract(message.text, {
        now: message.receivedAt,
        timeZone: agency.timeZone,
        expecting: null,
        language: options.forcedLanguage ?? state.language ?? undefined,
        conversation: describeConversationContext(state),
      });
      const absorbed = absorbWhileHeld(state, { text: message.text, extraction }, context);
      await deps.store.saveHeldState(conversation.id, absorbed, message.receivedAt, messageId);
    }
    return { kind: "held_by_dispatcher", conversationId: conversation.id };
  }

  const extraction = await deps.extractor.extract(message.text, {
    now: message.receivedAt,
    timeZone: agency.timeZone,
    expecting: toExpectedSlot(state.question),
    language: options.forcedLanguage ?? state.language ?? undefined,
    conversation: describeConversationContext(state),
  });
  context.requests = start?.requests ?? (await deps.store.listCustomerRequests(agency.id, message.from));
  const result = stepIntake(state, { text: message.text, extraction }, context);
  const replies =
    wantsRecentReplies && deps.recentReplies && result.replies.length > 0
      ? dropRepeatedReplies(result.replies, start?.recentReplies ?? (await deps.recentReplies(conversation.id)))
      : result.replies;
  const committed = await deps.store.commitTurn(conversation, { ...result, replies }, message.receivedAt, messageId);
  // Another delivery of the same message committed first: its run answers the customer.
  if (committed === null) return { kind: "duplicate", conversationId: conversation.id };
  await deps.afterCommit?.({ conversationId: conversation.id, ...committed });
  return { kind: "replied", conversationId: conversation.id, ...committed };
}
