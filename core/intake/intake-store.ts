import type { Channel, InboundMessage, Reply } from "../messages/index.ts";
import type { CustomerRequestView, IntakeEffect } from "./intake-context.ts";
import type { IntakeState } from "./intake-state.ts";

/** A conversation as the intake sees it. */
export interface ConversationRecord {
  id: string;
  agencyId: string;
  channel: Channel;
  participant: string;
  state: IntakeState;
  /** While a dispatcher holds the conversation the bot stays silent. */
  holder: "bot" | "dispatcher";
}

export type InboundRecord =
  | { duplicate: false; messageId: string }
  | { duplicate: true; messageId: string | null; handled: boolean };

/** What a turn reads before the core decides (see IntakeStore.beginTurn). */
export interface TurnStart {
  conversation: ConversationRecord;
  recorded: InboundRecord;
  /** The participant's requests, as listCustomerRequests gives them. */
  requests: CustomerRequestView[];
  /** What the bot texted the conversation lately (see beginTurn's `repliesAsOf`); null when not asked. */
  recentReplies: string[] | null;
  /**
   * Whether a request of this conversation waits on its approvers with their card posted (they
   * may have asked the customer something): the edge relays the message to them only then.
   */
  awaitingApprovers: boolean;
}

export interface TurnCommit {
  state: IntakeState;
  replies: Reply[];
  effects: IntakeEffect[];
}

/**
 * Persistence port of the intake (implemented over Prisma, and in memory for the CLI).
 * Inbound messages are recorded before anything acts on them.
 */
export interface IntakeStore {
  openConversation(key: { agencyId: string; channel: Channel; participant: string }): Promise<ConversationRecord>;
  /**
   * Stores the inbound message; `duplicate` when its provider id was seen before (a retried
   * webhook), with whether a turn for it was committed (`handled`): a stored message whose turn
   * never committed (the process or database failed in between) is acted on again.
   */
  recordInbound(conversationId: string, message: InboundMessage): Promise<InboundRecord>;
  listCustomerRequests(agencyId: string, participant: string): Promise<CustomerRequestView[]>;
  /**
   * Saves the new state, carries out the effects (submitting stores the request and its quote
   * snapshot) and records the outbound replies, all or nothing. Returns the committed turn, with
   * the number of a request submitted in it filled in (see fillRequestNumber). With the inbound
   * message's id the commit also marks it handled, and returns null, writing nothing, when
   * another run already handled it (two deliveries of one message racing).
   */
  commitTurn(conversation: ConversationRecord, commit: TurnCommit, at: Date, inboundId?: string): Promise<TurnCommit | null>;
  /**
   * Saves the state a message read while a dispatcher holds the conversation left (see
   * absorbWhileHeld) and marks the message handled, only while a dispatcher still holds it: a
   * hand back in between wins, its resumed state is not overwritten. False when nothing was saved.
   * Optional: a store without it keeps the held draft as it was.
   */
  saveHeldState?(conversationId: string, state: IntakeState, at: Date, inboundId: string): Promise<boolean>;
  /**
   * openConversation, recordInbound (with the conversation it opened) and listCustomerRequests
   * of the participant, in one round trip where the store can: every inbound message starts a
   * turn with them. With `repliesAsOf`, also the bodies of what the bot texted the conversation
   * within the minute before it (sent or about to be; see bots/handle-turn.ts's recentReplies).
   * Same guarantees as the three calls. Optional: without it a turn makes the calls one by one.
   */
  beginTurn?(
    key: { agencyId: string; channel: Channel; participant: string },
    message: InboundMessage,
    options: { repliesAsOf: Date | null },
  ): Promise<TurnStart>;
}
