import type { ExtractedAddress } from "./extraction-schema.ts";
import type { MessageText, Span } from "./message-text.ts";
import { QUANTITY_NOUN_PATTERN } from "./quantity-nouns.ts";
import { capitalizeWords, hasMixedCase, isCapitalized, type Token, tokenizeWords } from "./tokenize-words.ts";
import {
  ANCHORS,
  DIRECTIONS,
  MULTIWORD_CITY_FIRSTS,
  POST_DIRECTIONS,
  PREFIX_TYPES,
  STOP_WORDS,
  STREET_ARTICLES,
  SUFFIXES,
  UNIT_WORDS,
} from "./street-words.ts";
import { isStateCode, readStateAt } from "./us-states.ts";

export interface AddressFinding {
  address: ExtractedAddress | null;
  spans: Span[];
}

const QUANTITY_WORD = new RegExp(`^${QUANTITY_NOUN_PATTERN}`);
const MAX_NAME_WORDS = 5;

interface Street {
  end: number;
  nameWords: Token[];
  hasSuffix: boolean;
  hasDirection: boolean;
}

/**
 * Finds a street address: a house number followed by a street ("at 4500 E Broadway", "4500 E Broadway
 * Blvd, Tucson, AZ", "1 S Church Ave Tucson AZ 85701", "en 4500 E Broadway"), with city and state when
 * given. Without a street type or direction the street name must be capitalised and follow "at"/"en",
 * so "at 3 locations" or "2 officers" are never addresses.
 */
export function extractAddress(text: MessageText, expectingAddress: boolean): AddressFinding {
  const tokens = tokenizeWords(text);
  const caseInformative = hasMixedCase(text.original);
  for (let i = 0; i < tokens.length; i++) {
    const number = tokens[i]!;
    if (!isHouseNumber(number, tokens[i - 1])) continue;
    const street = readStreet(tokens, i + 1, caseInformative);
    if (!street) continue;
    // Without capitals to go by, "to 2 instead" must not pass for a street: ask for a real house number.
    const anchored =
      (ANCHORS.has(tokens[i - 1]?.folded ?? "") && (caseInformative || number.original.length >= 3)) ||
      expectingAddress;
    const firstName = street.nameWords[0]!;
    const plausible =
      street.hasSuffix ||
      street.hasDirection ||
      (anchored && (isCapitalized(firstName) || !caseInformative) && !QUANTITY_WORD.test(firstName.folded));
    if (!plausible) continue;
    return buildAddress(text, tokens, number, street, caseInformative);
  }
  return { address: null, spans: [] };
}

function isHouseNumber(token: Token, previous: Token | undefined): boolean {
  // "4500", "123B"; not "5K" (a race) or "2nd".
  if (!/^\d{1,6}[a-jl-z]?$/i.test(token.original)) return false;
  if (previous && (previous.original === "#" || previous.original === "$" || UNIT_WORDS.has(previous.folded)))
    return false;
  return true;
}

function readStreet(tokens: Token[], from: number, caseInformative: boolean): Street | null {
  let k = from;
  let hasDirection = false;
  const first = tokens[k];
  if (first && DIRECTIONS.has(first.folded.replace(/\.$/, "")) && tokens[k + 1]?.kind !== "punct") {
    hasDirection = true;
    k++;
  }
  const nameWords: Token[] = [];
  let hasSuffix = false;
  let lowerStreet = false;
  while (k < tokens.length && nameWords.length < MAX_NAME_WORDS) {
    const token = tokens[k]!;
    const word = token.folded.replace(/\.$/, "");
    const isOrdinal = /^\d{1,3}(?:st|nd|rd|th)$/.test(word);
    if (token.kind === "punct" || (token.kind !== "word" && !isOrdinal)) break;
    if (nameWords.length > 0 && SUFFIXES.has(word)) {
      hasSuffix = true;
      nameWords.push(token);
      k++;
      // "Creek Crossing Dr", "Town Center Blvd": a street type word can be part of the name.
      const next = tokens[k];
      if (next?.kind === "word" && SUFFIXES.has(next.folded.replace(/\.$/, ""))) {
        nameWords.push(next);
        k++;
      }
      break;
    }
    const streetArticle = caseInformative && isCapitalized(token) && STREET_ARTICLES.has(word);
    if (STOP_WORDS.has(word) && !PREFIX_TYPES.has(word) && !streetArticle) break;
    if (QUANTITY_WORD.test(word) && !isOrdinal) break;
    if (
      isStateCode(token.original, false, caseInformative) &&
      token.original.length <= 3 &&
      nameWords.length > 0
    )
      break;
    // In a message with capitals, a street typed in lower case must stay lower case to its end.
    const lower = !isOrdinal && !isCapitalized(token) && !PREFIX_TYPES.has(word);
    if (nameWords.length === 0) lowerStreet = lower;
    else if (caseInformative && lower && !lowerStreet) break;
    if (PREFIX_TYPES.has(word)) hasSuffix = true;
    nameWords.push(token);
    k++;
  }
  if (nameWords.length === 0) return null;
  // "2 fun things" in a message with capitals: a lower-case street needs a direction or a street type.
  if (caseInformative && lowerStreet && !hasDirection && !hasSuffix) return null;
  // A post-direction ("Main St NW") and a unit ("Suite 200", "#5") belong to line 1.
  const after = tokens[k];
  if (hasSuffix && after && POST_DIRECTIONS.has(after.folded.replace(/\.$/, ""))) {
    if (after.original === after.original.toUpperCase()) k++;
  }
  const unit = tokens[k];
  const unitNumber = tokens[k + 1];
  if (
    unit &&
    unitNumber &&
    UNIT_WORDS.has(unit.folded.replace(/\.$/, "")) &&
    /^[\w-]{1,6}$/.test(unitNumber.original)
  ) {
    k += 2;
  }
  return { end: k, nameWords, hasSuffix, hasDirection };
}

function buildAddress(
  text: MessageText,
  tokens: Token[],
  number: Token,
  street: Street,
  caseInformative: boolean,
): AddressFinding {
  let lineEnd = tokens[street.end - 1]!.end;
  let k = street.end;
  let afterComma = false;
  while (tokens[k]?.original === ",") {
    afterComma = true;
    k++;
  }
  const introduced = ["in", "en"].includes(tokens[k]?.folded ?? "");
  if (introduced) k++;
  const cityWords: Token[] = [];
  while (k < tokens.length && cityWords.length < 3) {
    const token = tokens[k]!;
    if (token.kind !== "word" || STOP_WORDS.has(token.folded.replace(/\.$/, ""))) break;
    // A state right after the street ("… Ave AZ 85701") means there is no city; after a city it ends it.
    if (readStateAt(tokens, k, afterComma || cityWords.length > 0, caseInformative) && isStateEnd(tokens, k))
      break;
    if (caseInformative && !isCapitalized(token)) break;
    cityWords.push(token);
    k++;
  }
  while (tokens[k]?.original === ",") k++;
  const state = readStateAt(tokens, k, true, caseInformative);
  let nameWords = street.nameWords;
  let cityTokens: Token[] = state || afterComma || introduced ? cityWords : [];
  if (state && cityTokens.length === 0 && !street.hasSuffix && nameWords.length >= 2) {
    // "4500 E Broadway Tucson AZ": the street swallowed the city; give back its last word(s).
    const take = nameWords.length >= 3 && MULTIWORD_CITY_FIRSTS.has(nameWords.at(-2)!.folded) ? 2 : 1;
    cityTokens = nameWords.slice(-take);
    nameWords = nameWords.slice(0, -take);
    lineEnd = nameWords.at(-1)!.end;
  }
  let spanEnd = state ? state.end : cityTokens.length > 0 ? cityTokens.at(-1)!.end : lineEnd;
  const zip = tokens[state ? state.next : k];
  if (zip && /^\d{5}(?:-\d{4})?$/.test(zip.original)) spanEnd = zip.end;
  const tidy = (value: string): string => (caseInformative ? value : capitalizeWords(value.toLowerCase()));
  const line1 = tidy(
    text.original
      .slice(number.start, lineEnd)
      .replace(/[\s,;:.]+$/, "")
      .replace(/\s+/g, " "),
  );
  const city =
    cityTokens.length > 0
      ? tidy(text.original.slice(cityTokens[0]!.start, cityTokens.at(-1)!.end).replace(/\.$/, ""))
      : null;
  return {
    address: { line1: caseInformative ? line1 : upperDirections(line1), city, state: state?.code ?? null },
    spans: [{ start: number.start, end: Math.max(spanEnd, lineEnd) }],
  };
}

/** True when the state at k ends the address: nothing, punctuation, a zip code or a non-name word follows. */
function isStateEnd(tokens: Token[], k: number): boolean {
  const state = readStateAt(tokens, k, true, true);
  const next = tokens[state?.next ?? k + 1];
  return next?.kind !== "word" || !isCapitalized(next) || STOP_WORDS.has(next.folded);
}

function upperDirections(line: string): string {
  return line.replace(/\b(Ne|Nw|Se|Sw)\b/g, (direction) => direction.toUpperCase());
}
