import type { Language } from "../agencies/index.ts";
import type { Extraction } from "../understanding/index.ts";
import type { IntakeContext, IntakeEffect } from "./intake-context.ts";
import type { IntakeState } from "./intake-state.ts";

/** Statuses in which a booked request can still take a supervisor's change (as in Slack's controls). */
const AMENDABLE = ["approved", "staffing", "staffed"];

const TEXTS: Record<
  Language,
  {
    accepted(n: number): string;
    declined(n: number): string;
    gone(n: number): string;
    again(question: string): string;
  }
> = {
  en: {
    accepted: (n) => `Done: request #${n} is changed as proposed. Text STATUS any time.`,
    declined: (n) => `OK: request #${n} stays as it was booked.`,
    gone: (n) => `Request #${n} can no longer be changed, so it stays as it is. Reply AGENT to talk to a dispatcher.`,
    again: (question) => `First, about the change: ${question}`,
  },
  es: {
    accepted: (n) => `Listo: la solicitud #${n} quedó cambiada como se propuso. Escriba STATUS cuando quiera.`,
    declined: (n) => `De acuerdo: la solicitud #${n} se queda como fue reservada.`,
    gone: (n) =>
      `La solicitud #${n} ya no se puede cambiar, así que se queda como está. Escriba AGENTE para hablar con un despachador.`,
    again: (question) => `Primero, sobre el cambio: ${question}`,
  },
};

export interface AmendmentAnswer {
  replies: string[];
  effects: IntakeEffect[];
}

/**
 * A supervisor's change awaiting the customer: YES accepts it, NO keeps the booking; the first
 * other message gets the question again (keywords such as STATUS, CANCEL and AGENT are handled
 * before this). Null when nothing is pending, or the message is left to the intake: the change
 * then stays pending, and a later YES or NO still answers it. Mutates `state`.
 */
export function answerAmendment(
  state: IntakeState,
  extraction: Pick<Extraction, "intent">,
  context: Pick<IntakeContext, "requests">,
  language: Language,
): AmendmentAnswer | null {
  const pending = state.amendment;
  if (!pending) return null;
  const t = TEXTS[language];
  const { requestNumber } = pending;
  if (extraction.intent === "confirm" || extraction.intent === "decline") {
    state.amendment = null;
    state.misunderstood = 0;
    const view = context.requests.find((r) => r.number === requestNumber);
    const accepted = extraction.intent === "confirm";
    // Cancelled or under way since it was proposed: a YES can't apply it, and a NO has nothing to keep.
    if (accepted && view && !AMENDABLE.includes(view.status)) {
      return { replies: [t.gone(requestNumber)], effects: [{ kind: "answer_amendment", amendmentId: pending.id, requestNumber, accepted: false }] };
    }
    return {
      replies: [accepted ? t.accepted(requestNumber) : t.declined(requestNumber)],
      effects: [{ kind: "answer_amendment", amendmentId: pending.id, requestNumber, accepted }],
    };
  }
  if (pending.reprompted) return null;
  pending.reprompted = true;
  return { replies: [t.again(pending.question)], effects: [] };
}
