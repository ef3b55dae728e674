import type { Language } from "../../core/agencies/index.ts";
import { html, renderDocument } from "./html-document.ts";

/** Why a page address shows no data; each has its HTTP status. */
export type LinkProblem = "expired" | "invalid" | "not_found" | "unavailable";

export const LINK_PROBLEM_STATUS: Record<LinkProblem, number> = { expired: 410, invalid: 403, not_found: 404, unavailable: 503 };

// Said in both languages: an expired or forged token names no customer, so no language is known.
const WORDS: Record<LinkProblem, Record<Language, { title: string; text: string }>> = {
  expired: {
    en: { title: "This link has expired", text: "For your safety, page links work for a limited time. Text LINK to the number you booked with to get a new one." },
    es: { title: "Este enlace ha vencido", text: "Por su seguridad, los enlaces funcionan por un tiempo limitado. Envíe ENLACE por mensaje de texto al número con el que reservó para recibir uno nuevo." },
  },
  invalid: {
    en: { title: "This link is not valid", text: "The address may have been cut off or changed. Text LINK to the number you booked with to get a new one." },
    es: { title: "Este enlace no es válido", text: "Es posible que la dirección esté incompleta o haya cambiado. Envíe ENLACE por mensaje de texto al número con el que reservó para recibir uno nuevo." },
  },
  not_found: {
    en: { title: "Not found", text: "There is no such invoice or page for this link. Go back to your page to see your bookings and invoices." },
    es: { title: "No encontrado", text: "No hay tal factura ni página para este enlace. Vuelva a su página para ver sus reservas y facturas." },
  },
  unavailable: {
    en: { title: "Online access is not available", text: "Customer pages are not available at the moment. Text STATUS to the number you booked with for your bookings." },
    es: { title: "El acceso en línea no está disponible", text: "Las páginas de clientes no están disponibles por ahora. Envíe ESTADO al número con el que reservó para ver sus reservas." },
  },
};

/** A clear page for a link that shows nothing: what happened and what to do, in English and Spanish. */
export function renderLinkProblem(problem: LinkProblem, backPath: string | null = null): string {
  const { en, es } = WORDS[problem];
  const body = html`<main>
  <section class="card" lang="en"><h1>${en.title}</h1><p>${en.text}</p>${backPath ? html`<p><a href="${backPath}">Back to your page</a></p>` : ""}</section>
  <section class="card" lang="es"><h1>${es.title}</h1><p>${es.text}</p>${backPath ? html`<p><a href="${backPath}?lang=es">Volver a su página</a></p>` : ""}</section>
</main>`;
  return renderDocument({ title: `${en.title} / ${es.title}`, language: "en", body });
}
