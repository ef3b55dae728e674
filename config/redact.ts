// Phone numbers and secrets must never reach the logs in full: these helpers keep just enough
// to tell two numbers apart while debugging (country code and last two digits).

const PHONE_PATTERN = /(?<![\w/])\+?\d[\d\s().-]{7,}\d(?![\w/])/g;
const SECRET_KEY_PATTERN = /(token|secret|password|passwd|authorization|api[-_]?key|signature|cookie)/i;

/** `+15125550123` → `+1*******23`; also catches formatted numbers like `(512) 555-0123`. */
export function maskPhoneNumbers(text: string): string {
  return text.replace(PHONE_PATTERN, (match) => {
    const digits = match.replace(/\D/g, "");
    if (digits.length < 9 || digits.length > 15) return match;
    const lead = match.startsWith("+") ? `+${digits.slice(0, digits.length > 10 ? digits.length - 10 : 1)}` : "";
    return `${lead}${"*".repeat(Math.max(digits.length - lead.length - 1, 3))}${digits.slice(-2)}`;
  });
}

/**
 * A URL safe to print: the password (userinfo or a `password=` query parameter) becomes `****`.
 * With a user the result always reads `user:****@`, so it does not reveal whether one was set.
 */
export function maskUrlPassword(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/?#@]*):[^/?#]*@/i, "$1:****@");
  }
  if (parsed.username) parsed.password = "****";
  for (const key of [...parsed.searchParams.keys()]) {
    if (key.toLowerCase() === "password") parsed.searchParams.set(key, "****");
  }
  return parsed.toString();
}

/** Deep copy of a log payload with secrets blanked and phone numbers masked; depth-limited. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (depth > 6) return "[depth]";
  if (typeof value === "string") return maskPhoneNumbers(value);
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1));
  if (value instanceof Error) {
    return { type: value.name, message: maskPhoneNumbers(value.message), stack: value.stack };
  }
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] = SECRET_KEY_PATTERN.test(key) && inner != null ? "[redacted]" : redactValue(inner, depth + 1);
    }
    return out;
  }
  return value;
}
