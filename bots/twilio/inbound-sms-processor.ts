import type { Logger } from "../../config/logger.ts";
import type { AgencyConfig } from "../../core/agencies/index.ts";
import type { InboundMessage } from "../../core/messages/index.ts";
import type { InboundSmsInbox } from "../../prisma/repositories/inbound-sms-inbox.ts";
import { handleCustomerTurn, type TurnDeps } from "../handle-turn.ts";
import type { OfficerSmsResult } from "../officers/handle-officer-sms.ts";

export interface InboundSmsProcessorDeps {
  inbox: Pick<InboundSmsInbox, "listPending" | "markProcessed">;
  locks: { withLock<T>(key: string, work: () => Promise<T>): Promise<T> };
  turn: TurnDeps;
  logger: Logger;
  getAgency(id: string): AgencyConfig | undefined;
  /** Officer commands, for a From on the agency's roster; "not_officer" hands over to the intake. */
  handleOfficer(message: InboundMessage, agency: AgencyConfig): Promise<OfficerSmsResult>;
  /** Queues sending the conversation's recorded replies (never sent inline). */
  enqueueReplies(conversationId: string, turnId: string): Promise<void>;
  /** Queues a customer conversation's recorded news on its own channel (SMS or web chat). */
  notifyCustomer(conversationId: string, key: string): Promise<void>;
}

export type InboundSmsProcessor = ReturnType<typeof createInboundSmsProcessor>;

/**
 * Acts on stored inbound SMS (see InboundSmsInbox): an officer command or a customer turn, then
 * the replies are queued. One sender's messages are acted on one at a time and oldest first
 * (a lock per sender across processes), so a quick "yes" never overtakes the question's answer.
 */
export function createInboundSmsProcessor(deps: InboundSmsProcessorDeps) {
  async function actOn(message: InboundMessage, agency: AgencyConfig): Promise<void> {
    const sid = message.providerId ?? "";
    const officer = await deps.handleOfficer(message, agency);
    if (officer.kind === "handled") {
      await deps.enqueueReplies(officer.conversationId, sid);
      for (const id of officer.alsoNotified) await deps.notifyCustomer(id, sid);
    }
    const result = officer.kind === "not_officer" ? await handleCustomerTurn(message, deps.turn) : officer;
    if (result.kind === "replied") await deps.enqueueReplies(result.conversationId, sid);
    // Acted on before, but not marked processed (say Redis failed right after the turn): queue
    // the replies again under a job id of their own, or they might never go. Delivery is idempotent.
    if (result.kind === "duplicate") await deps.enqueueReplies(result.conversationId, `${sid}-retry-${Date.now()}`);
  }

  return {
    /**
     * Acts on every stored message of this sender still waiting, oldest first (a message's own
     * job may find it done by the job of an earlier or later one: that is fine).
     */
    async process(sender: { agencyId: string; from: string }): Promise<{ processed: number }> {
      return deps.locks.withLock(`inbound-sms:${sender.agencyId}:${sender.from}`, async () => {
        const waiting = await deps.inbox.listPending(sender.agencyId, sender.from);
        for (const { seq, message } of waiting) {
          const agency = deps.getAgency(message.agencyId);
          if (agency) await actOn(message, agency);
          else deps.logger.error({ agencyId: message.agencyId, providerId: message.providerId }, "inbound SMS for an agency no longer configured");
          await deps.inbox.markProcessed(seq, new Date());
        }
        return { processed: waiting.length };
      });
    },
  };
}
