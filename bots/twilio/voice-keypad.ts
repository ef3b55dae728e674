import type { Language } from "../../core/agencies/index.ts";
import type { Question } from "../../core/intake/index.ts";
import { MONTHS } from "./render-speech.ts";

/**
 * What the keypad means while a question is open. `language`: the greeting, where 2 picks Spanish;
 * `yesno`: 1 and 2; `count`/`date`/`numbers`: several digits ended by # (a date as MMDD);
 * `speech`: answers only spoken. 0 reaches a dispatcher under every kind.
 */
export type KeypadKind = "language" | "yesno" | "count" | "date" | "numbers" | "speech";

const YES_NO: ReadonlySet<Question> = new Set<Question>([
  "confirmation",
  "dropVehicles",
  "cancelConfirmation",
  "confirmChange",
  "armedPrivateSecurity",
  "civilLegalService",
  "bodyguardOrBouncer",
  "alcoholPrincipalBusiness",
]);
const COUNTS: ReadonlySet<Question> = new Set<Question>(["officers", "vehicles", "vehicleMiles"]);

/** The keypad for the question the caller was just asked; the call's first prompt offers Spanish. */
export function chooseKeypad(question: Question | null, firstPrompt: boolean): KeypadKind {
  if (firstPrompt) return "language";
  if (question === null) return "speech";
  if (YES_NO.has(question)) return "yesno";
  if (COUNTS.has(question)) return "count";
  if (question === "date") return "date";
  if (question === "screening") return "numbers";
  return "speech";
}

/** Keys entered (Twilio strips the finishing #) as the words the intake reads; null for none. */
export function readKeypad(kind: KeypadKind, digits: string, language: Language): string | null {
  const keys = digits.replace(/[^0-9*]/g, "");
  if (!keys) return null;
  if (keys === "0") return "agent";
  switch (kind) {
    case "yesno":
      if (keys === "1") return language === "es" ? "sí" : "yes";
      if (keys === "2") return "no";
      return keys;
    case "date":
      return readKeypadDate(keys, language) ?? keys;
    case "numbers":
      return keys.split("").join(", ");
    case "language":
      // 2 is handled before a turn (the language choice); 1 is a plain "yes" to nothing, so heard as such.
      return keys;
    case "count":
    case "speech":
      return keys;
  }
}

/** "1224" or "724" (month then day, as the prompt asks) → "December 24" / "24 de diciembre". */
function readKeypadDate(keys: string, language: Language): string | null {
  const match = /^(\d{1,2})(\d{2})$/.exec(keys);
  if (!match) return null;
  const month = Number(match[1]);
  const day = Number(match[2]);
  const name = MONTHS[language][month - 1];
  if (!name || day < 1 || day > 31) return null;
  return language === "es" ? `${day} de ${name}` : `${name} ${day}`;
}

/** Twilio <Gather> settings per kind: one key where one decides, else digits up to #. */
export function describeGatherKeys(kind: KeypadKind): { numDigits?: number; finishOnKey?: string } {
  return kind === "count" || kind === "date" || kind === "numbers" ? { finishOnKey: "#" } : { numDigits: 1 };
}

/** Words the recognizer should expect, per kind and language (Twilio <Gather hints>). */
export function listSpeechHints(kind: KeypadKind, language: Language): string | undefined {
  const hints: Record<Language, Partial<Record<KeypadKind, string>>> = {
    en: {
      language: "español, Spanish, agent",
      yesno: "yes, no, agent",
      count: "none, no, one, two, three, four, five, six, agent",
      date: "today, tomorrow, Friday, Saturday, Sunday, agent",
      numbers: "none, one, two, three, four, agent",
    },
    es: {
      language: "español, agente",
      yesno: "sí, no, agente",
      count: "ninguno, no, uno, dos, tres, cuatro, cinco, seis, agente",
      date: "hoy, mañana, viernes, sábado, domingo, agente",
      numbers: "ninguna, uno, dos, tres, cuatro, agente",
    },
  };
  return hints[language][kind];
}
