/**
 * A phone number as the roster stores it (E.164), from how people write US numbers:
 * "520-555-0123", "(520) 555-0123", "1 520 555 0123" (a valid North American number), or any
 * number written with "+" and 8–15 digits ("+1 520 555 0123"). Null when it is none of these.
 */
export function normalizePhone(text: string): string | null {
  const trimmed = text.trim();
  if (!/^[+\d\s().-]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, "");
  // Written with "+", it is taken as E.164 as the rest of the product defines it (agency numbers,
  // customers): numbers stored before (test and fictional 555 numbers) stay valid when edited.
  if (trimmed.startsWith("+")) return /^[1-9]\d{7,14}$/.test(digits) ? `+${digits}` : null;
  if (digits.length === 10 && isNanpNumber(digits)) return `+1${digits}`;
  if (digits.length === 11 && digits.startsWith("1") && isNanpNumber(digits.slice(1))) return `+${digits}`;
  return null;
}

/** A 10-digit North American number: area code and exchange never start with 0 or 1. */
function isNanpNumber(digits: string): boolean {
  return /^[2-9]\d{2}[2-9]\d{6}$/.test(digits);
}
