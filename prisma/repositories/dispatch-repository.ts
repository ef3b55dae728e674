import { getAgency } from "../../agencies/load-agencies.ts";
import type { Language } from "../../core/agencies/index.ts";
import {
  describeKnownDraft,
  type HandBackInput,
  type IntakeState,
  resumeAfterDispatcher,
} from "../../core/intake/index.ts";
import type { PrismaClient } from "../client.ts";

export type TakeOverOutcome =
  | { kind: "taken" }
  | { kind: "already_held"; holderId: string | null }
  | { kind: "not_found" };

export type HandBackOutcome =
  | { kind: "handed_back"; conversationId: string; channel: "sms" | "web" }
  | { kind: "not_held" }
  | { kind: "not_found" };

/** What the hand-back modal shows and reads by: the held draft in words, its language and zone. */
export type HeldDraft =
  | { kind: "held"; draft: string; language: Language | null; timeZone: string }
  | { kind: "not_held" }
  | { kind: "not_found" };

export type DispatcherReplyOutcome =
  | { kind: "recorded"; conversationId: string; channel: "sms" | "web" }
  | { kind: "duplicate" }
  | { kind: "not_held"; holderId: string | null }
  | { kind: "not_found" };

/** Dispatcher takeover of customer conversations: who holds each, and what they say. */
export class DispatchRepository {
  constructor(private readonly prisma: PrismaClient) {}

  findByThread(threadTs: string) {
    return this.prisma.conversation.findFirst({ where: { slackThreadTs: threadTs } });
  }

  /** The draft of a conversation a dispatcher holds, for the hand-back modal. */
  async describeHeldDraft(conversationId: string): Promise<HeldDraft> {
    const conversation = await this.prisma.conversation.findUnique({ where: { id: conversationId } });
    const agency = conversation ? getAgency(conversation.agencyId) : undefined;
    if (!conversation || !agency) return { kind: "not_found" };
    if (conversation.holder !== "dispatcher") return { kind: "not_held" };
    const state = conversation.state as unknown as Partial<IntakeState>;
    const language = state.language ?? null;
    const draft = state.slots ? describeKnownDraft(state.slots, agency, language ?? "en") : "";
    return { kind: "held", draft, language, timeZone: agency.timeZone };
  }

  /** Only the first dispatcher gets it; a second click is told who holds it. */
  async takeOver(conversationId: string, dispatcherId: string, at: Date): Promise<TakeOverOutcome> {
    const conversation = await this.prisma.conversation.findUnique({ where: { id: conversationId } });
    if (!conversation) return { kind: "not_found" };
    const taken = await this.prisma.conversation.updateMany({
      where: { id: conversationId, holder: "bot" },
      data: { holder: "dispatcher", holderId: dispatcherId },
    });
    if (taken.count === 0) {
      const current = await this.prisma.conversation.findUnique({ where: { id: conversationId } });
      return { kind: "already_held", holderId: current?.holderId ?? null };
    }
    await this.audit(conversation.agencyId, dispatcherId, "conversation.taken_over", conversationId, at);
    return { kind: "taken" };
  }

  /**
   * Back to the bot, which passes on the dispatcher's note, applies the draft fields they
   * corrected, and picks up from what it knows (see resumeAfterDispatcher). Default: no note, no edits.
   */
  async handBack(
    conversationId: string,
    dispatcherId: string,
    at: Date,
    handBack: HandBackInput = { note: null, edits: null },
  ): Promise<HandBackOutcome> {
    return this.prisma.$transaction(async (tx) => {
      const conversation = await tx.conversation.findUnique({ where: { id: conversationId } });
      if (!conversation) return { kind: "not_found" };
      const released = await tx.conversation.updateMany({
        where: { id: conversationId, holder: "dispatcher" },
        data: { holder: "bot", holderId: null },
      });
      if (released.count === 0) return { kind: "not_held" };
      const agency = getAgency(conversation.agencyId);
      if (!agency) throw new Error(`handBack: unknown agency ${conversation.agencyId}`);
      const channel = conversation.channel === "web" ? "web" : "sms";
      // The bot's next words may be a summary, quoted at the time of the hand back.
      const resumed = resumeAfterDispatcher(
        conversation.state as unknown as IntakeState,
        {
          agency,
          now: at,
          channel: conversation.channel,
          customerPhone: conversation.channel === "web" ? null : conversation.participant,
          requests: [],
          forcedLanguage: null,
        },
        handBack,
      );
      await tx.conversation.update({
        where: { id: conversationId },
        data: { state: resumed.state as object, stateName: resumed.state.phase, misunderstoodCount: 0 },
      });
      await tx.message.createMany({
        data: resumed.replies.map((reply, index) => ({
          conversationId,
          direction: "outbound" as const,
          channel,
          from: "bot",
          to: conversation.participant,
          body: reply.text,
          status: "recorded" as const,
          createdAt: new Date(at.getTime() + index),
        })),
      });
      await tx.auditEvent.create({
        data: {
          agencyId: conversation.agencyId,
          actorKind: "dispatcher",
          actorId: dispatcherId,
          action: "conversation.handed_back",
          entityType: "Conversation",
          entityId: conversationId,
          data: { note: Boolean(handBack.note?.trim()), edited: handBack.edits !== null },
          at,
        },
      });
      return { kind: "handed_back", conversationId, channel };
    });
  }

  /**
   * A dispatcher's thread reply, for delivery to the customer. Recorded only while a dispatcher
   * holds the conversation; Slack's retried events are recognised by the message's ts.
   */
  async recordReply(input: {
    conversationId: string;
    dispatcherId: string;
    text: string;
    slackTs: string;
  }): Promise<DispatcherReplyOutcome> {
    const conversation = await this.prisma.conversation.findUnique({ where: { id: input.conversationId } });
    if (!conversation) return { kind: "not_found" };
    if (conversation.holder !== "dispatcher") return { kind: "not_held", holderId: null };
    const seen = await this.prisma.message.findFirst({
      where: { conversationId: conversation.id, slackTs: input.slackTs, direction: "outbound" },
    });
    if (seen) return { kind: "duplicate" };
    const channel = conversation.channel === "web" ? "web" : "sms";
    await this.prisma.message.create({
      data: {
        conversationId: conversation.id,
        direction: "outbound",
        channel,
        from: `dispatcher:${input.dispatcherId}`,
        to: conversation.participant,
        body: input.text,
        status: "recorded",
        slackTs: input.slackTs,
      },
    });
    return { kind: "recorded", conversationId: conversation.id, channel };
  }

  private async audit(agencyId: string, actorId: string, action: string, conversationId: string, at: Date) {
    await this.prisma.auditEvent.create({
      data: { agencyId, actorKind: "dispatcher", actorId, action, entityType: "Conversation", entityId: conversationId, at },
    });
  }
}
