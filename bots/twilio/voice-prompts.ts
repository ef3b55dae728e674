import type { Language } from "../../core/agencies/index.ts";

/** Silent gathers re-prompted before the caller is offered the dispatcher (or, for a code, the way back). */
export const MAX_SILENCES = 2;

export const SILENCE_PROMPT: Record<Language, string> = {
  en: "Sorry, I didn't hear anything. Please say your answer.",
  es: "Perdón, no escuché nada. Diga su respuesta, por favor.",
};

export const CONNECTING: Record<Language, string> = {
  en: "Connecting you with the on-call dispatcher.",
  es: "Lo comunico con el despachador de guardia.",
};
