/**
 * A customer message in two aligned forms of the same length, so an index found in one is valid
 * in the other: `original` keeps case and accents (names, addresses), `folded` is lower-cased and
 * accent-free (what patterns match: "sábado" and "sabado" read the same).
 */
export interface MessageText {
  readonly original: string;
  readonly folded: string;
}

/** A half-open range of UTF-16 indices `[start, end)` into a MessageText. */
export interface Span {
  start: number;
  end: number;
}

/** Longer input is cut: SMS bodies stop at 1,600 characters and patterns need not scan novels. */
export const MAX_MESSAGE_LENGTH = 4000;

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u00B4`]/;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033]/;
const SPACES = /[\s\u00A0\u2000-\u200B\u202F\u205F\u3000\uFEFF]/;
const COMBINING_MARKS = /\p{M}+/gu;

/** Normalises a raw message; every per-character change keeps the length so both forms stay aligned. */
export function prepareMessageText(raw: string): MessageText {
  const text = raw.slice(0, MAX_MESSAGE_LENGTH).normalize("NFC");
  let original = "";
  let folded = "";
  for (const char of text) {
    const plain = simplifyCharacter(char);
    original += plain;
    folded += foldCharacter(plain);
  }
  return { original, folded };
}

/** Blanks the given spans in both forms so later extractors cannot read the same digits twice. */
export function maskSpans(text: MessageText, spans: readonly Span[]): MessageText {
  if (spans.length === 0) return text;
  const original = text.original.split("");
  const folded = text.folded.split("");
  for (const { start, end } of spans) {
    for (let i = Math.max(0, start); i < Math.min(end, original.length); i++) {
      original[i] = " ";
      folded[i] = " ";
    }
  }
  return { original: original.join(""), folded: folded.join("") };
}

/** The folded text with runs of whitespace collapsed and the ends trimmed. */
export function squeezeText(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function simplifyCharacter(char: string): string {
  // A newline separates address lines and "name / company" answers, so it reads as a comma.
  if (char === "\n") return ",";
  if (DASHES.test(char)) return "-";
  if (SINGLE_QUOTES.test(char)) return "'";
  if (DOUBLE_QUOTES.test(char)) return '"';
  if (SPACES.test(char)) return " ";
  const compatible = char.normalize("NFKC");
  return compatible.length === char.length ? compatible : char;
}

function foldCharacter(char: string): string {
  const lower = char.toLowerCase();
  const cased = lower.length === char.length ? lower : char;
  const bare = cased.normalize("NFD").replace(COMBINING_MARKS, "");
  return bare.length === cased.length ? bare : cased;
}
