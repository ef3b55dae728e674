import type { Language } from "../../core/agencies/index.ts";
import { formatPhone, getTexts } from "../../core/intake/index.ts";

/**
 * The intake's words are written for SMS ("Text STATUS", "we'll text you", "Reply YES"); in web
 * chat they are said here instead, at the edge, so SMS and voice keep their text byte for byte.
 * A chat customer is never promised a text: updates come to this chat, and a mobile number they
 * gave is only for staff to call.
 */

/** What the chat knows about the customer's own contact for updates. */
export interface WebTextContext {
  /** E.164 mobile number the customer gave in the chat, if any. */
  phone: string | null;
}

const SUBMITTED = {
  en: /we'll text you when officers are assigned\. Text STATUS any time\./,
  es: /le avisaremos cuando haya oficiales asignados\. Escriba ESTADO cuando quiera\./,
};

const REWRITES: [RegExp, string][] = [
  [/\bwill text you\b/g, "will message you here"],
  [/\bwe'll text you\b/g, "we'll message you here"],
  [/\bText STATUS any time\b/g, "Ask me for STATUS here any time"],
  [/\bText us any time\b/g, "Message us here any time"],
  [/\bText (STATUS|AGENT|START OVER|START)\b/g, "Type $1"],
  [/\bfor this number\b/g, "in this chat"],
  [/\bpara este número\b/g, "en este chat"],
];

/** Sentences that tell the customer to type YES or NO: in web chat the card's buttons say it. */
const YES_NO_INSTRUCTIONS = [
  /\s*Reply YES to submit this request, or tell me what to change\./,
  /\s*Responda SÍ para enviar la solicitud, o dígame qué cambiar\./,
  /\s*Reply YES to [^.]*?,? or NO to [^.]*\./,
  /\s*Responda SÍ para [^.]*?,? o NO para [^.]*\./,
  /\s*Please reply YES or NO\./,
  /\s*Responda SÍ o NO, por favor\./,
  /\s*\((?:yes\/no|sí\/no)\)/,
];

/** A message in the words of web chat (see above). */
export function rewriteForWebChat(body: string, context: WebTextContext = { phone: null }): string {
  const reach = context.phone ? formatPhone(context.phone) : null;
  let text = body
    .replace(
      SUBMITTED.en,
      `we'll message you here when officers are assigned${reach ? ` (staff may call you at ${reach})` : ""}. Ask me for STATUS here any time.`,
    )
    .replace(
      SUBMITTED.es,
      `le avisaremos aquí cuando haya oficiales asignados${reach ? ` (el personal puede llamarle al ${reach})` : ""}. Pídame el ESTADO aquí cuando quiera.`,
    );
  for (const [pattern, replacement] of REWRITES) text = text.replace(pattern, replacement);
  return text;
}

/** The text without its "reply YES/NO" instruction, when it has one (then the card shows buttons). */
export function stripYesNoInstruction(body: string): string | null {
  for (const pattern of YES_NO_INSTRUCTIONS) {
    if (pattern.test(body)) return body.replace(pattern, "").trim();
  }
  return null;
}

/** Whether a message is the intake's own greeting: the chat page already greeted on joining. */
export function isIntakeGreeting(body: string, agencyName: string): boolean {
  return (["en", "es"] as Language[]).some((language) => body === getTexts(language).greeting(agencyName));
}

/** The chat's own greeting, sent once when the customer joins (English, with a line in Spanish). */
export function renderWebGreeting(agencyName: string): string {
  return `Hi! This is ${agencyName}'s off-duty officer desk. Tell me what you need: the date and time, the address and how many officers. Type AGENT any time to reach a dispatcher.\n¿Prefiere español? Escríbame en español.`;
}
