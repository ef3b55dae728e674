import type { Category, Language } from "../../core/agencies/index.ts";
import { formatCents, formatShift } from "../../core/intake/index.ts";

/** A request before and after a supervisor's edit: the parts the edit can change. */
export interface AmendmentSides {
  officers: number;
  start: string;
  end: string;
  category: Category;
  totalCents: number;
}

const CATEGORY_WORDS: Record<Language, Record<Category, string>> = {
  en: { regular: "regular", major_event: "major event", critical_need: "critical need" },
  es: { regular: "regular", major_event: "evento mayor", critical_need: "necesidad crítica" },
};

/** The question the customer answers; repeated by the intake if they write something else. */
export const AMENDMENT_QUESTION: Record<Language, string> = {
  en: "Reply YES to accept the change or NO to keep your booking as it was.",
  es: "Responda SÍ para aceptar el cambio o NO para mantener su reserva como estaba.",
};

/** Whether both sides name the same instants (stored ISO strings may differ in offset or precision). */
export const isSameShift = (a: Pick<AmendmentSides, "start" | "end">, b: Pick<AmendmentSides, "start" | "end">): boolean =>
  Date.parse(a.start) === Date.parse(b.start) && Date.parse(a.end) === Date.parse(b.end);

/** "officers 2 → 3", one line per changed part, in `language`; empty when nothing changed. */
export function describeAmendmentChanges(before: AmendmentSides, after: AmendmentSides, timeZone: string, language: Language): string[] {
  const es = language === "es";
  const changes: string[] = [];
  if (before.officers !== after.officers) changes.push(`${es ? "oficiales" : "officers"} ${before.officers} → ${after.officers}`);
  if (!isSameShift(before, after)) {
    changes.push(
      `${es ? "horario" : "time"} ${formatShift(before.start, before.end, timeZone, language)} → ${formatShift(after.start, after.end, timeZone, language)}`,
    );
  }
  if (before.category !== after.category) {
    const words = CATEGORY_WORDS[language];
    changes.push(`${es ? "tarifa" : "rate"} ${words[before.category]} → ${words[after.category]}`);
  }
  return changes;
}

/** The customer's message: what changed, the new total, and the YES/NO question. */
export function composeAmendmentNotice(input: {
  number: number;
  changes: string[];
  before: AmendmentSides;
  after: AmendmentSides;
  language: Language;
}): string {
  const { number, changes, before, after } = input;
  const total = formatCents(after.totalCents);
  const was = formatCents(before.totalCents);
  const question = AMENDMENT_QUESTION[input.language];
  return input.language === "es"
    ? `La policía propone cambiar la solicitud #${number}: ${changes.join("; ")}. Nuevo total: ${total} (antes ${was}). ${question}`
    : `The police department proposes a change to request #${number}: ${changes.join("; ")}. New total: ${total} (was ${was}). ${question}`;
}
