import type { Language } from "../agencies/index.ts";

/** Why a filled position opened again. */
export type VacancyReason = "dropped" | "no_show";

/**
 * To the customer when filled positions open again and are being offered to other officers:
 * what happened, that replacements are being found, and that they will hear when they are.
 * `count` positions opened at once (a wave run tells of them together); `reason` is the one the
 * customer reads ("no_show" when any of them is).
 */
export function renderReplacementSought(input: {
  requestNumber: number;
  reason: VacancyReason;
  language: Language;
  count?: number;
}): string {
  const n = input.requestNumber;
  const count = input.count ?? 1;
  if (input.language === "es") {
    const who = count === 1 ? `Uno de los oficiales de su solicitud #${n}` : `${count} de los oficiales de su solicitud #${n}`;
    const what =
      input.reason === "dropped"
        ? `${who} ya no ${count === 1 ? "puede" : "pueden"} asistir.`
        : `${who} no se ${count === 1 ? "presentó" : "presentaron"}.`;
    return `${what} Estamos ofreciendo ${count === 1 ? "el puesto" : "los puestos"} a otros oficiales y le avisaremos cuando haya reemplazo confirmado.`;
  }
  const who = count === 1 ? `One of the officers for your request #${n}` : `${count} of the officers for your request #${n}`;
  const what =
    input.reason === "dropped"
      ? `${who} can no longer make it.`
      : `${who} ${count === 1 ? "has" : "have"} not arrived.`;
  return `${what} We are offering ${count === 1 ? "the position" : "the positions"} to other officers now and will text you when a replacement is confirmed.`;
}

/** To the customer when a replacement took the position: who is coming, and for when. */
export function renderReplacementFound(input: {
  requestNumber: number;
  /** "Sgt. Reyes": how the officer is addressed. */
  officer: string;
  /** The shift as the customer reads it, e.g. "Sat Dec 20 6:00 PM-11:00 PM". */
  when: string;
  language: Language;
}): string {
  if (input.language === "es") {
    return `Reemplazo confirmado para su solicitud #${input.requestNumber}: ${input.officer} cubrirá el puesto (${input.when}). Envíe STATUS cuando quiera.`;
  }
  return `Replacement confirmed for your request #${input.requestNumber}: ${input.officer} will cover the open position (${input.when}). Text STATUS any time.`;
}
