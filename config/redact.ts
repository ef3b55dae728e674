// Phone numbers and secrets must never reach the logs in full: these helpers keep just enough
// to tell two numbers apart while debugging (country code and last two digits).

const PHONE_PATTERN = /(?<![\w/-])\+?\d[\d\s().-]{7,}\d(?![\w/])/g;
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

// What a customer wrote, as it appears inside provider errors and request dumps: a form field
// (`Body=...`, URL-encoded) or a JSON property. Replaced whole: message text is as private as a number.
const ENCODED_TEXT_PATTERN = /\b(Body|body|SpeechResult|TranscriptionText|Digits)=[^&\s"']*/g;
const JSON_TEXT_PATTERN = /("(?:body|Body|text|SpeechResult|TranscriptionText)"\s*:\s*)"(?:[^"\\]|\\.)*"/g;
// `+15125550123` URL-encoded: the plus becomes %2B, which hides the digits from PHONE_PATTERN.
const ENCODED_PHONE_PATTERN = /%2B(\d{8,15})(?!\d)/gi;

/** A string safe to log: phone numbers masked (also URL-encoded ones), message text removed. */
export function redactText(text: string): string {
  return maskPhoneNumbers(
    text
      .replace(ENCODED_TEXT_PATTERN, "$1=[redacted]")
      .replace(JSON_TEXT_PATTERN, '$1"[redacted]"')
      .replace(ENCODED_PHONE_PATTERN, (_match, digits: string) => maskPhoneNumbers(`+${digits}`)),
  );
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

// Keys whose values are what someone wrote to us: logged as their length only.
const MESSAGE_TEXT_KEY_PATTERN = /^(body|text|speechResult|transcription|transcriptionText)$/i;

function redactEntries(value: object, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (SECRET_KEY_PATTERN.test(key) && inner != null) out[key] = "[redacted]";
    else if (MESSAGE_TEXT_KEY_PATTERN.test(key) && typeof inner === "string") out[key] = `[redacted: ${inner.length} characters]`;
    else out[key] = redactValue(inner, depth + 1);
  }
  return out;
}

/**
 * An error as a plain object: its stack (which repeats the message), its own fields (a provider
 * error's `moreInfo`, a request's `config`) and its causes, all redacted like any other value.
 */
function redactError(error: Error, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {
    type: error.name,
    message: redactText(error.message),
    ...(error.stack ? { stack: redactText(error.stack) } : {}),
    ...redactEntries(error, depth),
  };
  if (error.cause !== undefined) out.cause = redactValue(error.cause, depth + 1);
  if (error instanceof AggregateError) out.errors = redactValue(error.errors, depth + 1);
  return out;
}

/** Deep copy of a log payload with secrets blanked, phone numbers masked and message text removed; depth-limited. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (depth > 6) return "[depth]";
  if (typeof value === "string") return redactText(value);
  if (Array.isArray(value)) return value.map((v) => redactValue(v, depth + 1));
  if (value instanceof Error) return redactError(value, depth);
  if (value && typeof value === "object") return redactEntries(value, depth);
  return value;
}
