import { wordAlternation } from "./word-pattern.ts";

/**
 * How customers text the date and time words the extractors read: the word (folded: lower case, no
 * accents) → its SMS shorthand and common typos. Extractors match a word together with its spellings
 * in their patterns; the message is never rewritten, so every span stays valid in the original text.
 * Apostrophes and hyphens are optional already ("'til" matches "til"); list only other variants.
 */
export const SMS_SPELLINGS = {
  tomorrow: [
    "tmrw",
    "tmrow",
    "tmrrw",
    "tmr",
    "tmw",
    "tmro",
    "tmoro",
    "tomorow",
    "tomoro",
    "tomorro",
    "tomorrw",
    "tommorow",
    "tommorrow",
    "tomorrrow",
    "tommorrrow",
    "tomarrow",
    "tomarow",
    "2morrow",
    "2morow",
    "2moro",
    "2morro",
    "2mrw",
    "2mro",
  ],
  tonight: ["tonite", "2nite", "2night", "tonigt", "tonght"],
  night: ["nite"],
  midnight: ["midnite"],
  until: ["'til", "till", "untill", "untl"],
  through: ["thru"],
} as const satisfies Record<string, readonly string[]>;

export type SpelledWord = keyof typeof SMS_SPELLINGS;

/** Regex source matching `word` or any of its SMS spellings (a non-capturing group, without word boundaries). */
export function spelledWord(word: SpelledWord): string {
  return `(?:${wordAlternation([word, ...SMS_SPELLINGS[word]])})`;
}
