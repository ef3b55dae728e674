/** What a customer asks about the agency's published policy, mid-conversation. */
export type PolicyQuestion = "rates" | "rules" | "cancellation";

/** Phrases per question, English and Spanish (folded: lower case, no accents). First match wins. */
const QUESTIONS: readonly [PolicyQuestion, RegExp][] = [
  [
    "cancellation",
    /\bcancell?ation (?:policy|fees?|charges?|rules?|terms)\b|\bwhat (?:if|happens if|if we|happens when) (?:i|we) (?:need to |have to )?cancel\b|\b(?:cost|charge|fee)s? (?:to|for) cancel(?:l?ing)?\b|\bcan (?:i|we) cancel\b|\bpolitica de cancelacion\b|\bcargos? (?:de|por) cancelacion\b|\by si (?:cancelo|cancelamos)\b|\bse puede cancelar\b/,
  ],
  [
    "rules",
    /\bwhat (?:can'?t|cannot|can not|won'?t|will not|are) (?:the )?(?:officers|cops|police|they|you) (?:not )?(?:do|allowed)\b|\bwhat (?:jobs|work|kind of (?:jobs|work)) (?:can'?t|cannot|won'?t|do you not|are not allowed|is not allowed)\b|\b(?:prohibited|not allowed|forbidden|restricted) (?:work|jobs|duties)\b|\b(?:your|the) rules\b|\bque no pueden hacer\b|\btrabajos? (?:prohibidos?|no permitidos?)\b|\bque trabajos? no\b|\bsus reglas\b/,
  ],
  [
    "rates",
    /\bhow much (?:do|does|will|would|is|are|for|per|it|does it|would it|to)\b|\bhow much\s*\??$|\bwhat (?:do|does) (?:it|an officer|officers|one officer|this) cost\b|\bwhat(?:'s| is| are) (?:your|the) (?:hourly )?(?:rates?|prices?|pricing|costs?|fees?|charges?)\b|\b(?:your|hourly) rates?\b|\brate (?:card|sheet)\b|\bprice list\b|\bper hour\b[^.]*\?|\bcuanto (?:cobran|cuesta|cuestan|sale|salen|es por hora|cobra)\b|\b(?:sus|las) (?:tarifas|precios)\b|\bprecio por hora\b|\btarifas?\b/,
  ],
];

/** The policy question a message asks, or null. `folded` is lower-cased and accent-free. */
export function detectPolicyQuestion(folded: string): PolicyQuestion | null {
  for (const [question, pattern] of QUESTIONS) if (pattern.test(folded)) return question;
  return null;
}

const SMALL_TALK =
  /^(?:(?:ok(?:ay)?|k|cool|great|perfect|awesome|sounds good|got it|alright|all right|no problem|no worries|understood|sure|fine|good|thanks?|thank you(?: so much| very much)?|thx|ty|much appreciated|appreciate it|sorry(?: about (?:that|cancell?ing|the cancellation))?|my bad|have a (?:good|great|nice) (?:day|night|one)|bye|goodbye|see you|gracias|muchas gracias|de nada|perdon|disculpe|lo siento|esta bien|vale|perfecto|listo|bueno|adios|hasta luego)[\s,.!:)]*)+$/;

/** Thanks, ok, sorry, bye: a message that needs a polite closing, not an intake answer. */
export function isSmallTalk(folded: string): boolean {
  return SMALL_TALK.test(folded.trim());
}
