import type { Span } from "./message-text.ts";

/**
 * Phone numbers, e-mail addresses, links, money and percentages. They are full of digits that
 * must never become a count, a time or a house number, so they are masked before anything else.
 */
const CONTACT_PATTERNS: readonly RegExp[] = [
  /https?:\/\/\S+|\bwww\.\S+/g,
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g,
  /(?<![\w])(?:\+?1[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]?\d{3}[\s.-]?\d{4}(?!\d)(?:\s*(?:ext\.?|x)\s*\d{1,5})?/g,
  /(?<![\w])\d{3}[\s.-]\d{4}(?![\d\w])/g,
  /\d{7,}/g,
  /\$\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:k|thousand|mil)\b)?/g,
  /\b\d[\d,]*(?:\.\d+)?\s?(?:dollars|bucks|usd|dolares|pesos)\b/g,
  /\b\d+(?:\.\d+)?\s?(?:%|percent|por ciento)/g,
];

/** Spans of every phone number, e-mail, link, amount of money and percentage in the folded text. */
export function findContactSpans(folded: string): Span[] {
  const spans: Span[] = [];
  for (const pattern of CONTACT_PATTERNS) {
    for (const match of folded.matchAll(pattern)) {
      spans.push({ start: match.index, end: match.index + match[0].length });
    }
  }
  return spans;
}
