import type { AgencyConfig } from "../../core/agencies/index.ts";
import { type IntakeState, resumeAfterProof } from "../../core/intake/index.ts";
import type { Reply } from "../../core/messages/index.ts";
import type { TurnDeps } from "../handle-turn.ts";

export type ProvenCallResult =
  | { kind: "replied"; replies: Reply[]; state: IntakeState }
  | { kind: "held_by_dispatcher" };

/**
 * The caller just entered the right code: the status or cancellation that waited for it is
 * carried out and committed like a turn, but without an inbound message (the keypad entry is a
 * code, and codes are never stored).
 */
export async function resumeProvenCall(
  turn: TurnDeps,
  input: { agency: AgencyConfig; phone: string; now: Date },
): Promise<ProvenCallResult> {
  const { agency, phone, now } = input;
  const conversation = await turn.store.openConversation({ agencyId: agency.id, channel: "voice", participant: phone });
  if (conversation.holder === "dispatcher") return { kind: "held_by_dispatcher" };
  const requests = await turn.store.listCustomerRequests(agency.id, phone);
  const result = resumeAfterProof(conversation.state, {
    agency,
    now,
    channel: "voice",
    customerPhone: phone,
    requests,
    forcedLanguage: null,
    callerVerified: true,
  });
  const committed = await turn.store.commitTurn(conversation, result, now);
  const final = committed ?? result;
  return { kind: "replied", replies: final.replies, state: final.state };
}
