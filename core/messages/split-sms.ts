/** Twilio concatenates up to 1,600 characters into one message; longer texts are split. */
export const MAX_SMS_LENGTH = 1_600;

/** Splits at paragraph, line, sentence or word boundaries, never inside a word unless it must. */
export function splitSms(text: string, limit = MAX_SMS_LENGTH): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    const cut = Math.max(
      window.lastIndexOf("\n\n"),
      window.lastIndexOf("\n"),
      window.lastIndexOf(". ") + 1,
      window.lastIndexOf(" "),
    );
    // A hard cut must not split an emoji's surrogate pair.
    const hard = /[\uD800-\uDBFF]/.test(rest.charAt(limit - 1)) ? limit - 1 : limit;
    const at = cut > limit / 2 ? cut : hard;
    parts.push(rest.slice(0, at).trim());
    rest = rest.slice(at).trim();
  }
  if (rest.length > 0 || parts.length === 0) parts.push(rest);
  return parts;
}
