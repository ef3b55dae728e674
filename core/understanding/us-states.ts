import type { Token } from "./tokenize-words.ts";

/** USPS state codes by folded full name (50 states and DC). */
const STATE_CODES: Record<string, string> = {
  alabama: "AL",
  alaska: "AK",
  arizona: "AZ",
  arkansas: "AR",
  california: "CA",
  colorado: "CO",
  connecticut: "CT",
  delaware: "DE",
  "district of columbia": "DC",
  florida: "FL",
  georgia: "GA",
  hawaii: "HI",
  idaho: "ID",
  illinois: "IL",
  indiana: "IN",
  iowa: "IA",
  kansas: "KS",
  kentucky: "KY",
  louisiana: "LA",
  maine: "ME",
  maryland: "MD",
  massachusetts: "MA",
  michigan: "MI",
  minnesota: "MN",
  mississippi: "MS",
  missouri: "MO",
  montana: "MT",
  nebraska: "NE",
  nevada: "NV",
  "new hampshire": "NH",
  "new jersey": "NJ",
  "new mexico": "NM",
  "new york": "NY",
  "north carolina": "NC",
  "north dakota": "ND",
  ohio: "OH",
  oklahoma: "OK",
  oregon: "OR",
  pennsylvania: "PA",
  "rhode island": "RI",
  "south carolina": "SC",
  "south dakota": "SD",
  tennessee: "TN",
  texas: "TX",
  utah: "UT",
  vermont: "VT",
  virginia: "VA",
  washington: "WA",
  "west virginia": "WV",
  wisconsin: "WI",
  wyoming: "WY",
};

const CODES = new Set(Object.values(STATE_CODES));
/** Codes that are also everyday words; in lower case they only count right after a comma. */
const WORDLIKE_CODES = new Set([
  "IN",
  "ME",
  "OR",
  "OK",
  "HI",
  "OH",
  "DE",
  "LA",
  "PA",
  "AL",
  "CO",
  "MA",
  "ID",
  "MI",
]);

/** The USPS code of a state written as a code ("AZ", "az") or a full name ("Arizona", "new mexico"). */
export function readStateName(folded: string): string | null {
  if (Object.hasOwn(STATE_CODES, folded)) return STATE_CODES[folded] ?? null;
  const code = folded.toUpperCase();
  return CODES.has(code) ? code : null;
}

/**
 * True when a two-letter token can be read as a state code here. Codes that are also words ("IN",
 * "OR", "ME") need capitals in a mixed-case message, or a comma before them.
 */
export function isStateCode(original: string, afterComma: boolean, caseInformative: boolean): boolean {
  const code = original.replace(/\.$/, "").toUpperCase();
  if (!CODES.has(code)) return false;
  if (!WORDLIKE_CODES.has(code)) return true;
  return afterComma || (caseInformative && original === code);
}

/** Full state names of two words start with one of these. */
export const TWO_WORD_STATE_FIRSTS = new Set(["new", "north", "south", "west", "rhode", "district"]);

/** The state written at token k (a code, a name or a two-word name), with where it ends. */
export function readStateAt(
  tokens: Token[],
  k: number,
  afterComma: boolean,
  caseInformative: boolean,
): { code: string; end: number; next: number } | null {
  const token = tokens[k];
  if (token?.kind !== "word") return null;
  const next = tokens[k + 1];
  if (next && TWO_WORD_STATE_FIRSTS.has(token.folded)) {
    const code = readStateName(`${token.folded} ${next.folded}`);
    if (code) return { code, end: next.end, next: k + 2 };
  }
  const bare = token.original.replace(/\.$/, "");
  if (bare.length === 2) {
    return isStateCode(bare, afterComma, caseInformative)
      ? { code: bare.toUpperCase(), end: token.end, next: k + 1 }
      : null;
  }
  const code = bare.length > 3 ? readStateName(token.folded.replace(/\.$/, "")) : null;
  return code ? { code, end: token.end, next: k + 1 } : null;
}
