import { prepareMessageText } from "../understanding/index.ts";

/**
 * An answer to "Who should the officers report to on site, and their phone number?": the
 * customer themself (ME), nobody (NONE), or a name and/or a number. Null when the message is
 * none of these (a question, a correction), for the intake to handle as any other message.
 */
export type SiteContactAnswer =
  /** The customer; `phone` when they gave another number than the one they write from. */
  | { kind: "me"; phone: string | null }
  | { kind: "none" }
  | { kind: "given"; name: string | null; phone: string | null };

/** A name is cut here: it goes onto the card and into the officers' texts. */
const NAME_MAX = 80;

// US numbers as people type them: 520-555-0111, (520) 555 0111, +1 520.555.0111, 5205550111.
const PHONE = /(?:\+?1[\s.-]*)?\(?\b(\d{3})\)?[\s.-]*(\d{3})[\s.-]*(\d{4})\b/;
const ME = /^(?:it'?s |that'?s |that would be |that will be |just |only |call )?(?:me|myself|i am|i'?m|i will|i'?ll be|yo|yo mism[oa]|soy yo|a mi|conmigo)(?: (?:at|on|al|en|on site|in person|mismo|misma))?$/;
// The whole answer, not its opening: "no parking on the street" is an instruction.
const NONE =
  /^(?:none|none thanks|no|nope|nah|no thanks|no instructions|nothing|nothing else|n\/a|na|nobody|no one|no-one|not really|ninguna|ninguno|nada|nada gracias|nadie|no hay|no gracias)$/;
// Words around a name that are not part of it: "call Ann Lee at", "ask for the manager, cell".
const LEAD_IN =
  /^(?:(?:please |pls )?(?:call|contact|ask for|report to|talk to|see|text|it'?s|its|that'?s|(?:the )?(?:site |on-?site )?contact(?: person)? (?:is|will be)|they can call|reportarse con|llamar a|preguntar por|es)\s+)+/i;
const TRAILING = /[\s,;:.()#-]*(?:\b(?:at|on|cell|mobile|phone|number|tel|ph|no|num|al|en|celular|telefono|teléfono|numero|número)\b[\s,;:.()#-]*)*$/i;

/** Whether a message holds a US phone number (the only thing a site contact change carries). */
export function mentionsPhone(text: string): boolean {
  return PHONE.test(text);
}

/** Reads the answer; `text` is the customer's message as typed. */
export function readSiteContact(text: string): SiteContactAnswer | null {
  const { original } = prepareMessageText(text);
  if (NONE.test(fold(original))) return { kind: "none" };
  // A question back ("who do you mean?") is not an answer.
  if (original.includes("?")) return null;
  const match = PHONE.exec(original);
  const phone = match ? `+1${match[1]}${match[2]}${match[3]}` : null;
  const rest = match ? original.slice(0, match.index) + original.slice(match.index + match[0].length) : original;
  if (ME.test(fold(rest))) return { kind: "me", phone };
  const name = readName(rest);
  if (name === null && phone === null) return null;
  return { kind: "given", name, phone };
}

/**
 * An answer to the site contact asked together with the officers' instructions: the part that
 * holds a phone number or says ME is the contact, the rest are the instructions ("" when they
 * are none). Null when no part names a contact, so the whole answer is the instructions.
 */
export function splitContactAndInstructions(text: string): { contact: SiteContactAnswer; instructions: string } | null {
  const parts = text
    .split(/[,;\n]|(?<=[.!?])\s+/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  const index = parts.findIndex((part) => PHONE.test(part) || isMe(part));
  if (index < 0) return null;
  const part = parts[index] as string;
  let contact: SiteContactAnswer = readSiteContact(part) ?? { kind: "me", phone: null };
  const used = new Set([index]);
  // "me, 520-555-0199, park behind": the number right after "me" is the customer's own callback.
  const after = parts[index + 1];
  if (contact.kind === "me" && contact.phone === null && after !== undefined) {
    const number = readSiteContact(after);
    if (number?.kind === "given" && number.name === null && number.phone !== null) {
      contact = { kind: "me", phone: number.phone };
      used.add(index + 1);
    }
  }
  // "ask for Ann, 520-555-0111": a number alone takes the short part just before it as the name.
  const before = parts[index - 1];
  if (contact.kind === "given" && contact.name === null && before !== undefined && before.split(/\s+/).length <= 4) {
    const name = readName(before);
    if (name !== null) {
      contact = { ...contact, name };
      used.add(index - 1);
    }
  }
  const rest = parts.filter((_, i) => !used.has(i)).join(", ");
  const none = rest === "" || NONE.test(fold(rest));
  return { contact, instructions: none ? "" : rest };
}

function isMe(part: string): boolean {
  return ME.test(fold(part));
}

/** Lower-case, accent-free, without sentence punctuation: what the word patterns read. */
function fold(text: string): string {
  return prepareMessageText(text).folded.replace(/[!.?¡¿,]+/g, " ").replace(/\s+/g, " ").trim();
}

/** The name left once the number and the words around it are gone; null when nothing is. */
function readName(rest: string): string | null {
  const name = rest.replace(/\s+/g, " ").trim().replace(LEAD_IN, "").replace(TRAILING, "").trim();
  // A name has letters and no digits; a long sentence is not an answer to this question.
  if (!/\p{L}/u.test(name) || /\d/.test(name) || name.split(" ").length > 8) return null;
  return name.slice(0, NAME_MAX);
}

/** "+15205550111" → "520-555-0111"; anything else as it is. */
export function formatPhone(phone: string): string {
  const digits = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(phone);
  return digits ? `${digits[1]}-${digits[2]}-${digits[3]}` : phone;
}

/** "Ann Lee, 520-555-0111" for the summary; null when neither is known. */
export function describeSiteContact(name: string | null, phone: string | null): string | null {
  const parts = [name || null, phone ? formatPhone(phone) : null].filter((part) => part !== null);
  return parts.length > 0 ? parts.join(", ") : null;
}
