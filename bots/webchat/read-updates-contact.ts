/**
 * The web chat customer's own contact for updates, as typed into the quote card: a US mobile
 * number or an email address. Nothing is verified (we cannot: no code is sent), so staff see it
 * as given and nothing is texted or emailed to it unasked.
 */
export type UpdatesContact =
  | { kind: "none" }
  | { kind: "phone"; phone: string }
  | { kind: "email"; email: string }
  | { kind: "invalid"; text: string };

// US numbers as people type them: 520-555-0111, (520) 555 0111, +1 520.555.0111, 5205550111.
const PHONE = /^(?:\+?1[\s.-]*)?\(?(\d{3})\)?[\s.-]*(\d{3})[\s.-]*(\d{4})$/;
// Deliberately plain: one @, a dot in the domain, no spaces; longer than any real address is refused.
const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const EMAIL_MAX = 254;

export function readUpdatesContact(input: unknown): UpdatesContact {
  const text = typeof input === "string" ? input.trim() : "";
  if (text === "") return { kind: "none" };
  const phone = PHONE.exec(text);
  if (phone) return { kind: "phone", phone: `+1${phone[1]}${phone[2]}${phone[3]}` };
  if (text.length <= EMAIL_MAX && EMAIL.test(text)) return { kind: "email", email: text.toLowerCase() };
  return { kind: "invalid", text: text.slice(0, 80) };
}
