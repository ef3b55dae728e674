/**
 * Regex source matching any of `words` (folded), longest first so "june" beats "jun". Customers drop
 * punctuation, so an apostrophe or hyphen in a word is optional ("new year's" also matches "new years",
 * "x-mas" also "xmas") and a space matches any run of spaces.
 */
export function wordAlternation(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((word) =>
      word
        .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
        .replace(/['-]/g, "$&?")
        .replace(/ /g, "\\s+"),
    )
    .join("|");
}

/** The value of the `table` word that `matched` spells, ignoring what wordAlternation lets vary. */
export function lookUpWord<T>(table: Readonly<Record<string, T>>, matched: string): T | null {
  const plain = (word: string) => word.replace(/['-]/g, "").replace(/\s+/g, " ");
  const wanted = plain(matched);
  const key = Object.keys(table).find((word) => plain(word) === wanted);
  return key === undefined ? null : (table[key] ?? null);
}
