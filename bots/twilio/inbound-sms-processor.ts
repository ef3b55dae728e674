import type { Logger } from "../../config/logger.ts";
import type { AgencyConfig } from "../../core/agencies/index.ts";
import type { InboundMessage } from "../../core/messages/index.ts";
import type { InboundSmsInbox, StoredInboundSms } from "../../prisma/repositories/inbound-sms-inbox.ts";
import type { SenderRecord } from "../../prisma/repositories/sender-usage.ts";
import type { AbuseLimits } from "../../workers/limits/abuse-limits.ts";
import { decideInboundGate, type InboundGate } from "../../workers/limits/inbound-gate.ts";
import type { SmsLane } from "../../workers/limits/sms-lanes.ts";
import { handleCustomerTurn, type TurnDeps } from "../handle-turn.ts";
import type { OfficerSmsResult } from "../officers/handle-officer-sms.ts";

/** The per-sender abuse limits' view of the record (SenderUsageRepository) and what they do. */
export interface SenderLimitsPort {
  limits: AbuseLimits;
  read(agencyId: string, from: string, now: Date): Promise<SenderRecord>;
  /**
   * The sender's waiting messages (the inbox's listPending) with their record as `read` gives
   * it, in one round trip. Optional: without it the processor asks the inbox, then `read`.
   */
  readWithPending?(agencyId: string, from: string, now: Date): Promise<{ record: SenderRecord; pending: StoredInboundSms[] }>;
  /**
   * A sender over the inbound limit: tell them once per window that we will reply shortly
   * (queued by the port), and act on their waiting messages at `until`.
   */
  holdBack(input: { agencyId: string; from: string; to: string; firstWaiting: string; pending: number; gate: Extract<InboundGate, { kind: "wait" }>; now: Date }): Promise<void>;
}

export interface InboundSmsProcessorDeps {
  inbox: Pick<InboundSmsInbox, "listPending" | "markProcessed">;
  locks: { withLock<T>(key: string, work: () => Promise<T>): Promise<T> };
  turn: TurnDeps;
  logger: Logger;
  getAgency(id: string): AgencyConfig | undefined;
  /** Officer commands, for a From on the agency's roster; "not_officer" hands over to the intake. */
  handleOfficer(message: InboundMessage, agency: AgencyConfig): Promise<OfficerSmsResult>;
  /** Queues sending the conversation's recorded replies (never sent inline), in `lane` of the sender's budget. */
  enqueueReplies(conversationId: string, turnId: string, lane?: SmsLane): Promise<void>;
  /** Queues a customer conversation's recorded news on its own channel (SMS or web chat). */
  notifyCustomer(conversationId: string, key: string): Promise<void>;
  /** Abuse limits; without them every message is acted on at once (unit tests, tools). */
  senderLimits?: SenderLimitsPort;
  /** The clock of the limits (tests pass their own). */
  now?(): Date;
}

export type InboundSmsProcessor = ReturnType<typeof createInboundSmsProcessor>;

/**
 * Acts on stored inbound SMS (see InboundSmsInbox): an officer command or a customer turn, then
 * the replies are queued. One sender's messages are acted on one at a time and oldest first
 * (a lock per sender across processes), so a quick "yes" never overtakes the question's answer.
 * A customer over the abuse limits (workers/limits) has the rest of their messages acted on
 * later, in order: nothing they sent is dropped. Officers on the roster are never held back.
 */
export function createInboundSmsProcessor(deps: InboundSmsProcessorDeps) {
  const now = deps.now ?? (() => new Date());

  /** `rosterChecked`: the sender record says they are no active officer, so no need to look again. */
  async function actOn(message: InboundMessage, agency: AgencyConfig, lane: SmsLane, rosterChecked: boolean): Promise<void> {
    const sid = message.providerId ?? "";
    const officer: OfficerSmsResult = rosterChecked ? { kind: "not_officer" } : await deps.handleOfficer(message, agency);
    if (officer.kind === "handled") {
      await deps.enqueueReplies(officer.conversationId, sid, "reply");
      for (const id of officer.alsoNotified) await deps.notifyCustomer(id, sid);
    }
    const result = officer.kind === "not_officer" ? await handleCustomerTurn(message, deps.turn) : officer;
    if (result.kind === "replied") await deps.enqueueReplies(result.conversationId, sid, lane);
    // Acted on before, but not marked processed (say Redis failed right after the turn): queue
    // the replies again under a job id of their own, or they might never go. Delivery is idempotent.
    if (result.kind === "duplicate") await deps.enqueueReplies(result.conversationId, `${sid}-retry-${Date.now()}`, lane);
  }

  return {
    /**
     * Acts on every stored message of this sender still waiting, oldest first (a message's own
     * job may find it done by the job of an earlier or later one: that is fine).
     */
    async process(sender: { agencyId: string; from: string }): Promise<{ processed: number; heldBack?: number }> {
      return deps.locks.withLock(`inbound-sms:${sender.agencyId}:${sender.from}`, async () => {
        const first = await deps.senderLimits?.readWithPending?.(sender.agencyId, sender.from, now());
        const waiting = first?.pending ?? (await deps.inbox.listPending(sender.agencyId, sender.from));
        let processed = 0;
        for (const { seq, message } of waiting) {
          const agency = deps.getAgency(message.agencyId);
          if (agency) {
            // The first message's record came with the list; later ones are read after the one before.
            const record =
              first && processed === 0 ? first.record : deps.senderLimits ? await deps.senderLimits.read(sender.agencyId, sender.from, now()) : null;
            const gate = record && !record.officer ? decideInboundGate(record, deps.senderLimits?.limits as AbuseLimits, now()) : null;
            if (gate?.kind === "wait") {
              await deps.senderLimits?.holdBack({
                agencyId: sender.agencyId,
                from: sender.from,
                to: message.to,
                firstWaiting: message.providerId ?? "",
                pending: waiting.length - processed,
                gate,
                now: now(),
              });
              return { processed, heldBack: waiting.length - processed };
            }
            // The first message of a number we never heard from is answered after people who
            // are mid-conversation with us (100 new numbers at once must not delay them).
            await actOn(message, agency, record && !record.known ? "first_contact" : "reply", record !== null && !record.officer);
          } else {
            deps.logger.error({ agencyId: message.agencyId, providerId: message.providerId }, "inbound SMS for an agency no longer configured");
          }
          await deps.inbox.markProcessed(seq, now());
          processed += 1;
        }
        return { processed };
      });
    },
  };
}
