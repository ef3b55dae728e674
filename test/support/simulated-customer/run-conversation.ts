import { getAgency } from "../../../agencies/load-agencies.ts";
import type { AgencyConfig } from "../../../core/agencies/index.ts";
import { describeDraft, type IntakePhase, type IntakeState } from "../../../core/intake/index.ts";
import type { InboundMessage } from "../../../core/messages/index.ts";
import { cleanMessageText } from "../../../core/shared/index.ts";
import { parserExtractor } from "../../../core/understanding/index.ts";
import { handleCustomerTurn } from "../../../bots/handle-turn.ts";
import { MemoryIntakeStore } from "../../../bots/intake/memory-intake-store.ts";
import type { Persona } from "./persona.ts";
import { type Ending, SimulatedCustomer } from "./simulated-customer.ts";

/** Customer messages before the conversation counts as stuck (a failure). */
export const MESSAGE_CAP = 25;

export interface TranscriptLine {
  role: "customer" | "bot";
  text: string;
}

/** The converse CLI's final line: `{ state, request }` built the same way. */
export interface FinalView {
  state: IntakePhase;
  request: ReturnType<typeof describeDraft> & {
    customer: { name: string | null; organization: string | null; phone: string | null };
  };
  /** Not in the CLI's line; kept for the post-orders check. */
  postOrders: string | null;
}

/** One customer message as the intake core saw it: what the bench replays through parse + step. */
export interface TurnSample {
  text: string;
  state: IntakeState;
  now: Date;
  agency: AgencyConfig;
  phone: string;
}

export interface ConversationRun {
  persona: Persona;
  transcript: TranscriptLine[];
  final: FinalView;
  /** The slots at the end (to tell "never collected" from "collected wrong"). */
  slots: IntakeState["slots"];
  customerMessages: number;
  /** Customer messages sent before the bot first showed the summary; null when it never did. */
  messagesToSummary: number | null;
  /** How it ended for the customer, or "cap" when it hit MESSAGE_CAP messages. */
  ending: Ending | "cap";
  notes: string[];
}

/**
 * Plays a persona against the intake bot in process, through handleCustomerTurn with the
 * in-memory store and the parser extractor: the `converse` CLI's path with no LLM configured.
 */
export async function runConversation(
  persona: Persona,
  options: { phone?: string; onTurn?: (sample: TurnSample) => void } = {},
): Promise<ConversationRun> {
  const agency = getAgency(persona.truth.agencyId);
  if (!agency) throw new Error(`persona ${persona.id}: unknown agency ${persona.truth.agencyId}`);
  const store = new MemoryIntakeStore();
  const phone = options.phone ?? "+15555550123";
  const now = new Date(persona.now);
  const key = { agencyId: agency.id, channel: "sms" as const, participant: phone };
  const customer = new SimulatedCustomer(persona, { city: agency.city, timeZone: agency.timeZone });
  const transcript: TranscriptLine[] = [];
  let lastState = (await store.openConversation(key)).state;
  let messagesToSummary: number | null = null;
  let text: string | null = customer.firstMessage();
  let turn = 0;

  while (text !== null && turn < MESSAGE_CAP) {
    turn += 1;
    transcript.push({ role: "customer", text });
    if (options.onTurn) {
      const before = (await store.openConversation(key)).state;
      options.onTurn({ text: cleanMessageText(text), state: before, now, agency, phone });
    }
    const message: InboundMessage = {
      channel: "sms",
      agencyId: agency.id,
      from: phone,
      to: agency.phoneNumbers[0] ?? "",
      text,
      providerId: `SIM${turn}`,
      media: [],
      receivedAt: now,
    };
    const result = await handleCustomerTurn(message, { store, extractor: parserExtractor, getAgency });
    const replies = result.kind === "replied" ? result.replies.map((reply) => reply.text) : [];
    if (result.kind === "replied") lastState = result.state;
    for (const reply of replies) transcript.push({ role: "bot", text: reply });
    text = customer.reply(replies);
    if (messagesToSummary === null && customer.lastReading?.kind === "summary") messagesToSummary = turn;
  }

  return {
    persona,
    transcript,
    final: describeFinal(lastState, agency, now, phone),
    slots: lastState.slots,
    customerMessages: turn,
    messagesToSummary,
    ending: text !== null ? "cap" : (customer.ending ?? "silent"),
    notes: customer.notes,
  };
}

/** What converse.ts prints as its final line (describeDraft + customer, without the quote), plus post orders. */
function describeFinal(state: IntakeState, agency: AgencyConfig, at: Date, phone: string): FinalView {
  const language = state.language ?? "en";
  const customer = {
    name: state.slots.customerName,
    organization: state.slots.organization || null,
    phone,
  };
  return {
    state: state.phase,
    request: { ...describeDraft(state.slots, agency, at, language), customer },
    postOrders: state.slots.postOrders,
  };
}
