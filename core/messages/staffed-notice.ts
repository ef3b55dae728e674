import type { Language } from "./channel.ts";

/**
 * The customer's "fully staffed" text, in their language. `officers` are titled names
 * ("Sgt. Lee"). A voice caller gets it by SMS at the number they called from.
 */
export function describeStaffedNotice(requestNumber: number, officers: string[], language: Language): string {
  return language === "es"
    ? `Buenas noticias: la solicitud #${requestNumber} tiene todos sus oficiales. Sus oficiales: ${officers.join(", ")}. Escriba ESTADO cuando quiera.`
    : `Good news: request #${requestNumber} is fully staffed. Your officers: ${officers.join(", ")}. Text STATUS any time.`;
}
