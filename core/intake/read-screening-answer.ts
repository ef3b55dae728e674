import { classifyYesNo, type Extraction } from "../understanding/index.ts";
import type { ScreeningFlag } from "./slots.ts";

/** Words that name each screening item in an answer to the combined question (folded text). */
const ITEM_WORDS: Record<ScreeningFlag, RegExp> = {
  armedPrivateSecurity: /\b(?:armed|arms|guns?|firearms?|armad[oa]s?|armas?)\b/,
  alcoholPrincipalBusiness: /\b(?:alcohol|liquor|beer|bar|drinks|cerveza|licor|cantina)\b/,
  bodyguardOrBouncer: /\b(?:bodyguards?|bouncers?|door|guardaespaldas|porteros?|cadeneros?)\b/,
  civilLegalService: /\b(?:civil|legal|papers|court|eviction|subpoena|legales|documentos|desalojo|corte)\b/,
};
const NONE =
  /^(?:none|no|nope|nah|neither|nothing|n\/?a|none of (?:those|them|these|the above)|no to all|all no|no none|ninguna|ninguno|nada|ninguna de esas|ninguna de ellas|no aplica|no,? ninguna)\b/;
const ALL = /^(?:all|all of (?:them|those|these|the above)|todas|todas ellas)\b/;

/**
 * Reads an answer to the combined screening question: NONE, the numbers of the items that apply
 * ("1 and 3"), their words ("bouncers"), or ALL. The items not named are answered no. Returns
 * null when the answer names nothing (a bare "yes": which ones?).
 */
export function readScreeningAnswer(
  folded: string,
  asked: readonly ScreeningFlag[],
  extraction: Extraction,
): Partial<Record<ScreeningFlag, boolean>> | null {
  const text = folded.trim().replace(/[.!?]+$/, "");
  const answer: Partial<Record<ScreeningFlag, boolean>> = {};
  if (ALL.test(text)) {
    for (const flag of asked) answer[flag] = true;
    return answer;
  }
  const named = new Set<ScreeningFlag>();
  for (const match of text.matchAll(/\b(\d)\b/g)) {
    const flag = asked[Number(match[1]) - 1];
    if (flag) named.add(flag);
  }
  const negated = NONE.test(text) || classifyYesNo(text) === "no";
  for (const flag of asked) {
    if (extraction[flag] === true) named.add(flag);
    else if (extraction[flag] === null && !negated && ITEM_WORDS[flag].test(text)) named.add(flag);
  }
  if (named.size === 0 && !negated) return null;
  for (const flag of asked) answer[flag] = named.has(flag);
  return answer;
}
