import type { ScreeningSlot } from "./parse-context.ts";

export type ScreeningAnswers = Record<ScreeningSlot, boolean | null>;

interface FlagRules {
  /** Statements that the answer is no; checked first ("no armed security", "not a bar"). */
  negative: readonly RegExp[];
  /** Statements that the answer is yes, unless a negation sits just before them. */
  positive: readonly RegExp[];
}

const NEGATION_BEFORE =
  /\b(?:no|not|never|without|w\/o|none|nobody|isn'?t|aren'?t|won'?t|don'?t|doesn'?t|wont|dont|isnt|arent|doesnt|ain'?t|sin|ningun|ninguna|ninguno|nadie|tampoco|nor)\b[^.,;!?]{0,25}$/;

const RULES: Record<ScreeningSlot, FlagRules> = {
  armedPrivateSecurity: {
    negative: [
      /\bunarmed\b/,
      /\b(?:security|guards?|staff)\b[^.;!?]{0,25}\b(?:not|n't|won'?t be|aren'?t|isn'?t|never)\s+(?:be\s+)?armed\b/,
      /\bno (?:private )?(?:armed )?(?:security|guards?)\b/,
      /\b(?:don'?t|do not|won'?t|will not) (?:have|be having|use|be using) (?:any )?(?:armed |private )*(?:security|guards?)\b/,
      /\b(?:guardias?|vigilantes?|seguridad)\b[^.;!?]{0,20}\bno (?:estan|estaran|van a estar|seran|son|tienen) armad/,
    ],
    positive: [
      /\barmed\s+(?:private\s+)?(?:security|guards?|personnel|staff|bodyguards?|contractors?)\b/,
      /\b(?:security|guards?)\b[^.;!?]{0,30}\b(?:armed|carry(?:ing)? (?:guns|firearms|weapons)|have (?:guns|firearms))\b/,
      /\b(?:seguridad|guardias?|vigilantes?)\s+(?:privad[ao]s?\s+)?armad[ao]s?\b/,
      /\bguardias? (?:con armas|armados)\b/,
    ],
  },
  alcoholPrincipalBusiness: {
    negative: [
      /\bno (?:alcohol|liquor|booze|beer)\b/,
      /\balcohol[- ]free\b|\bsin alcohol\b/,
      /\b(?:don'?t|do not|doesn'?t|does not|won'?t) (?:sell|serve) (?:alcohol|liquor|beer|drinks)\b/,
      /\bnot (?:a|an) (?:bar|nightclub|night club|liquor store|tavern|pub)\b/,
      /\balcohol (?:is|isn'?t) not (?:the|our) (?:main|principal|primary)\b|\balcohol isn'?t (?:the|our) (?:main|principal|primary)\b/,
      /\bno (?:es|somos) (?:un|una) (?:bar|cantina|licoreria|discoteca|antro)\b/,
    ],
    positive: [
      /\b(?:nightclub|night club|club nocturno|liquor store|liquor shop|package store|bottle shop|tavern|saloon|cantina|brewery|taproom|tap room|beer garden|wine bar|sports bar|cocktail lounge|licoreria|discoteca|antro|cerveceria|pub)\b/,
      /(?<!\b(?:snack|salad|coffee|juice|candy|granola|protein|espresso|nail|oxygen|taco|sushi|yogurt|breakfast|dessert|mobile|tool|crow|grab|sand|light|chocolate|cereal|raw|toll) )\bbar(?!\s*(?:mitzvah|b\b|-?b-?q|code|association|exam|stool|stools)|-b)\b/,
      /\b(?:principal|main|primary)\s+business\s+is\s+(?:alcohol|selling alcohol|liquor|beer)\b/,
      /\bwe (?:mainly|mostly|primarily) sell (?:alcohol|liquor|beer|drinks)\b/,
      /\balcohol is (?:the|our) (?:main|principal|primary)\b/,
      /\b(?:vendemos|venta de) (?:principalmente )?(?:alcohol|licor|cerveza)\b/,
    ],
  },
  bodyguardOrBouncer: {
    negative: [
      /\bno (?:bouncers?|bodyguards?|door (?:security|staff))\b/,
      /\bnot (?:a |as a )?(?:bouncer|bodyguard)(?: work| job)?\b/,
    ],
    positive: [
      /\b(?:bouncers?|bodyguards?|body guards?|personal protection|personal security|protection detail|executive protection|close protection|vip protection|door security|door staff|doorm[ae]n|door guys?|guardaespaldas|cadeneros?|porteros?|seguridad personal|proteccion personal|escolta personal)\b/,
      /\bcheck(?:ing)? ids? at the (?:door|entrance)\b/,
    ],
  },
  civilLegalService: {
    negative: [/\bnot (?:a )?civil (?:matter|case|dispute)\b/, /\bno (?:papers|evictions?|civil)\b/],
    positive: [
      /\bserv(?:e|ing|ed)\s+(?:some\s+|legal\s+|court\s+)*(?:papers|paperwork|documents|a subpoena|subpoenas|a summons|summons|process|an eviction notice|notice|a restraining order)\b/,
      /\bprocess serv(?:ice|er|ing)\b/,
      /\bevict(?:ion|ions|ing|ed)?\b/,
      /\bcivil (?:stand-?by|matter|dispute|keep the peace)\b|\bkeep the peace\b/,
      /\brepossess(?:ion|ing)?\b|\brepo\b/,
      /\bwitness (?:for|to|at) (?:a |the )?(?:deposition|civil|hearing|signing|court)\b|\bdeposition\b/,
      /\b(?:child )?custody exchange\b/,
      /\bsubpoena/,
      /\b(?:desalojo|desahucio|desalojar)\b/,
      /\bnotificar (?:una )?demanda\b|\bentregar (?:papeles|documentos) (?:legales|de la corte|de (?:una )?demanda)\b/,
      /\btestigo (?:en|de|para) (?:una )?(?:deposicion|declaracion|audiencia)\b/,
    ],
  },
};

/**
 * Screening facts stated in free text: "there will be armed guards", "it's a bar", "bouncer", "serve
 * papers", and their negations. A flag is null unless the message states it one way or the other.
 */
export function detectScreeningAnswers(folded: string): ScreeningAnswers {
  return {
    armedPrivateSecurity: readFlag(folded, RULES.armedPrivateSecurity),
    civilLegalService: readFlag(folded, RULES.civilLegalService),
    bodyguardOrBouncer: readFlag(folded, RULES.bodyguardOrBouncer),
    alcoholPrincipalBusiness: readFlag(folded, RULES.alcoholPrincipalBusiness),
  };
}

function readFlag(folded: string, rules: FlagRules): boolean | null {
  if (rules.negative.some((pattern) => pattern.test(folded))) return false;
  for (const pattern of rules.positive) {
    const match = pattern.exec(folded);
    if (!match) continue;
    return !NEGATION_BEFORE.test(folded.slice(Math.max(0, match.index - 30), match.index));
  }
  return null;
}
