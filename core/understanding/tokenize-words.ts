import type { MessageText } from "./message-text.ts";

/** A word, number or punctuation mark, with both spellings of the aligned MessageText. */
export interface Token {
  start: number;
  end: number;
  original: string;
  folded: string;
  kind: "word" | "number" | "mixed" | "punct";
}

/** Words keep inner apostrophes, dots, hyphens and ampersands ("O'Brien", "E.", "7-Eleven", "AT&T"). */
const TOKEN = /[\p{L}\p{N}]+(?:['.&-][\p{L}\p{N}]+)*\.?|[^\s\p{L}\p{N}]/gu;

/** Splits a message into tokens; masked (blanked) parts simply produce none. */
export function tokenizeWords(text: MessageText): Token[] {
  const tokens: Token[] = [];
  for (const match of text.original.matchAll(TOKEN)) {
    const original = match[0];
    const start = match.index;
    const end = start + original.length;
    const kind = /^\d+$/.test(original)
      ? "number"
      : /^[\p{L}][\p{L}'.&-]*$/u.test(original)
        ? "word"
        : /[\p{L}\p{N}]/u.test(original)
          ? "mixed"
          : "punct";
    tokens.push({ start, end, original, folded: text.folded.slice(start, end), kind });
  }
  return tokens;
}

/** True when the word starts with a capital letter. */
export function isCapitalized(token: Token): boolean {
  return /^\p{Lu}/u.test(token.original);
}

/** Capitalises each word of an all-lower-case phrase ("maria lopez" → "Maria Lopez"). */
export function capitalizeWords(text: string): string {
  return text.replace(
    /(^|[\s'-])(\p{Ll})/gu,
    (_all, lead: string, letter: string) => lead + letter.toUpperCase(),
  );
}

/** True when the text has both cases, so capitals carry information (names, street names). */
export function hasMixedCase(text: string): boolean {
  return /\p{Lu}/u.test(text) && /\p{Ll}/u.test(text);
}
