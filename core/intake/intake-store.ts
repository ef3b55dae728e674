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
  /** Stores the inbound message; `duplicate` when its provider id was seen before (a retried webhook). */
  recordInbound(
    conversationId: string,
    message: InboundMessage,
  ): Promise<{ duplicate: true } | { duplicate: false; messageId: string }>;
  listCustomerRequests(agencyId: string, participant: string): Promise<CustomerRequestView[]>;
  /**
   * Saves the new state, carries out the effects (submitting stores the request and its quote
   * snapshot) and records the outbound replies, all or nothing. Returns the committed turn, with
   * the number of a request submitted in it filled in (see fillRequestNumber).
   */
  commitTurn(conversation: ConversationRecord, commit: TurnCommit, at: Date): Promise<TurnCommit>;
}
