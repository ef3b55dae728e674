import type { InboundMessage, Reply } from "../../core/messages/index.ts";
import {
  type ConversationRecord,
  type CustomerRequestView,
  createIntakeState,
  fillRequestNumber,
  type InboundRecord,
  type IntakeStore,
  type TurnCommit,
} from "../../core/intake/index.ts";

/** What the in-memory store kept of a submitted request. */
export interface StoredRequest extends CustomerRequestView {
  agencyId: string;
  participant: string;
  quoteTotalCents: number;
}

/**
 * The intake store in memory: the `converse` CLI's store, so trying the bot needs no database.
 * Same contract as the Prisma store, including duplicate provider ids.
 */
export class MemoryIntakeStore implements IntakeStore {
  readonly conversations = new Map<string, ConversationRecord>();
  readonly inbound: { conversationId: string; message: InboundMessage }[] = [];
  readonly outbound: { conversationId: string; reply: Reply }[] = [];
  readonly requests: StoredRequest[] = [];
  private readonly providerIds = new Set<string>();
  private nextNumber = 1001;

  async openConversation(key: { agencyId: string; channel: ConversationRecord["channel"]; participant: string }) {
    const id = `${key.agencyId}|${key.channel}|${key.participant}`;
    let conversation = this.conversations.get(id);
    if (!conversation) {
      conversation = { id, ...key, state: createIntakeState(), holder: "bot" };
      this.conversations.set(id, conversation);
    }
    return structuredClone(conversation);
  }

  async recordInbound(
    conversationId: string,
    message: InboundMessage,
  ): Promise<InboundRecord> {
    if (message.providerId !== null && this.providerIds.has(message.providerId)) {
      return { duplicate: true, messageId: null, handled: true };
    }
    if (message.providerId !== null) this.providerIds.add(message.providerId);
    this.inbound.push({ conversationId, message });
    return { duplicate: false, messageId: `memory-${this.inbound.length}` };
  }

  async listCustomerRequests(agencyId: string, participant: string) {
    return this.requests
      .filter((r) => r.agencyId === agencyId && r.participant === participant)
      .sort((a, b) => b.number - a.number)
      .map((r) => structuredClone(r));
  }

  async commitTurn(conversation: ConversationRecord, commit: TurnCommit, _at: Date) {
    let requestNumber: number | null = null;
    for (const effect of commit.effects) {
      if (effect.kind === "submit_request") {
        requestNumber = this.nextNumber++;
        this.requests.push({
          number: requestNumber,
          status: "submitted",
          request: effect.request,
          approvedAt: null,
          minutesWorked: 0,
          agencyId: conversation.agencyId,
          participant: conversation.participant,
          quoteTotalCents: effect.quote.totalCents,
        });
      } else if (effect.kind === "cancel_request") {
        const stored = this.requests.find((r) => r.number === effect.requestNumber);
        if (stored) stored.status = "cancelled";
      }
    }
    const final = fillRequestNumber(commit, requestNumber);
    const saved = this.conversations.get(conversation.id);
    if (saved) saved.state = structuredClone(final.state);
    for (const reply of final.replies) this.outbound.push({ conversationId: conversation.id, reply });
    return final;
  }
}
