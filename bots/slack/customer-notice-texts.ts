import type { Language } from "../../core/agencies/index.ts";

/** What staff decisions in Slack tell the customer, in the conversation's language. */
export const CUSTOMER_NOTICES: Record<
  Language,
  {
    approved(number: number): string;
    denied(number: number, reason: string): string;
    question(number: number, question: string): string;
    /** A supervisor cancelled for the agency: no fee, and the reason they gave. */
    cancelledByAgency(number: number, reason: string): string;
  }
> = {
  en: {
    approved: (n) =>
      `Good news: request #${n} is approved. We're offering the shift to officers now and will text you when they're confirmed.`,
    denied: (n, reason) => `Request #${n} was not approved. Reason: ${reason} Reply AGENT to talk to a dispatcher.`,
    question: (n, question) => `A supervisor has a question about request #${n}: ${question}`,
    cancelledByAgency: (n, reason) =>
      `We're sorry: the police department has cancelled request #${n}. Reason: ${reason} There is no charge. Reply AGENT to talk to a dispatcher.`,
  },
  es: {
    approved: (n) =>
      `Buenas noticias: la solicitud #${n} fue aprobada. Estamos ofreciendo el turno a los oficiales y le avisaremos cuando estén confirmados.`,
    denied: (n, reason) =>
      `La solicitud #${n} no fue aprobada. Motivo: ${reason} Escriba AGENTE para hablar con un despachador.`,
    question: (n, question) => `Un supervisor tiene una pregunta sobre la solicitud #${n}: ${question}`,
    cancelledByAgency: (n, reason) =>
      `Lo sentimos: el departamento de policía canceló la solicitud #${n}. Motivo: ${reason} No hay ningún cargo. Escriba AGENTE para hablar con un despachador.`,
  },
};

export function pickLanguage(value: string | null | undefined): Language {
  return value === "es" ? "es" : "en";
}
