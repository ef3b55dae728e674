import type { Language } from "../../core/agencies/index.ts";
import type { KeypadKind } from "./voice-keypad.ts";

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

/** A turn Twilio sent twice while the first was still being answered: that answer is the one played. */
export const SAY_AGAIN: Record<Language, string> = {
  en: "Sorry, could you say that again?",
  es: "Perdón, ¿puede repetirlo?",
};

/** Offered on the call's first prompt, always in Spanish with the Spanish voice. */
export const SPANISH_OFFER = "Para español, oprima 2 o diga español.";

/** Said after the first prompt: the caller may answer in their own words. */
export const FIRST_PROMPT_HINT: Record<Language, string> = {
  en: "You can answer in your own words. Press 0 any time for a dispatcher.",
  es: "Puede responder con sus propias palabras. Marque 0 en cualquier momento para un despachador.",
};

/** How the keypad answers the question just asked; nothing for spoken-only questions. */
export const KEYPAD_HINT: Record<Language, Partial<Record<KeypadKind, string>>> = {
  en: {
    yesno: "Say yes or no, or press 1 for yes and 2 for no.",
    count: "You can also key in the number, then press pound.",
    date: "You can also key in the month and day, like 1 2 2 4 for December 24, then press pound.",
    numbers: "You can also key in their numbers, then press pound.",
  },
  es: {
    yesno: "Diga sí o no, o marque 1 para sí y 2 para no.",
    count: "También puede marcar el número y luego la tecla numeral.",
    date: "También puede marcar el mes y el día, como 1 2 2 4 para el 24 de diciembre, y luego la tecla numeral.",
    numbers: "También puede marcar sus números y luego la tecla numeral.",
  },
};
