import type { Ask, ScreeningFlag } from "./persona.ts";

/**
 * What a customer understands from the bot's messages of one turn, by keywords only (English and
 * Spanish), the way a person skimming an SMS would. It must not depend on the bot's exact wording:
 * the intake team rewrites its questions, combines them, and numbers lists.
 */
export type BotReading =
  | { kind: "submitted" }
  | { kind: "refused" }
  | { kind: "escalated" }
  | { kind: "silent" }
  | { kind: "summary" }
  | { kind: "change"; slot: string; from: string; to: string }
  | { kind: "drop_vehicle" }
  | { kind: "what_to_change" }
  | { kind: "screening_list"; items: { flag: ScreeningFlag; number: number | null }[] }
  | { kind: "questions"; asks: Ask[]; notUnderstood: boolean }
  /** "Please reply YES or NO.": answers the yes/no question asked before. */
  | { kind: "yes_or_no" }
  | { kind: "unknown" };

/** Lowercase, no accents, straight apostrophes. */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[’‘]/g, "'")
    .toLowerCase();
}

const SUBMITTED = /\b(?:request|solicitud|booking|reserva)\s*#?\s*\d+\b[^.]*\b(?:submitted|enviada|received|recibida)\b/;
const REFUSED =
  /\bcan'?t (?:take|accept|book) (?:this|your|the) request\b|\bcannot (?:take|accept) (?:this|your|the) request\b|\bno podemos aceptar\b|\bwe can'?t take the request\b/;
const ESCALATED = /\b(?:dispatcher|despachador)\b[^.]*\b(?:shortly|soon|en breve|pronto)\b/;
const DROP_VEHICLE =
  /\b(?:continue|proceed|go ahead|book it)\b[^.?]{0,30}\bwithout\b[^.?]{0,25}\b(?:vehicle|car|cruiser)\b|\b(?:continuar|seguir|sigue)\b[^.?]{0,20}\bsin\b[^.?]{0,20}\b(?:vehiculo|patrulla)\b/;
const SUMMARY =
  /\b(?:reply|text|send|say|answer)\s+"?yes"?\b[^.?]{0,40}\b(?:submit|book|confirm|send)\b|\b(?:responda|conteste|escriba|diga)\s+"?si"?\b[^.?]{0,40}\b(?:enviar|confirmar|reservar)\b|\bhere is your request\b|\beste es su pedido\b/;
const WHAT_TO_CHANGE = /\bwhat (?:would you like|do you want|should i) (?:to )?change\b|\bque (?:le gustaria|quiere|desea) cambiar\b/;
const CHANGE_EN = /\bchange (?:the |your )?([a-z ]{2,30}?) from (.+?) to (.+?)\s*\?/;
const CHANGE_ES = /\bcambi(?:ar|o|amos) (?:la |el |los |las |su )?([a-z ]{2,30}?) (?:de|del) (.+?) (?:a|al) (.+?)\s*\?/;
/** "Did you mean Fri Dec 25 instead of Sat Dec 20?": the slot is read from the values. */
const INSTEAD_EN = /\b(?:did|do) you mean (.+?) instead of (.+?)\s*\?/;
const INSTEAD_ES = /\b(?:quiso|quiere) decir (.+?) en (?:vez|lugar) de (.+?)\s*\?/;
const YES_OR_NO = /\byes or no\b|\bsi o no\b|\(yes\/no\)|\(si\/no\)/;
const NOT_UNDERSTOOD = /\b(?:didn'?t (?:catch|understand|get)|not sure what you mean|no entendi|no le entendi)\b/;

const SCREENING_WORDS: [ScreeningFlag, RegExp][] = [
  ["armedPrivateSecurity", /\barmed\b|\barmad[oa]s?\b/],
  ["civilLegalService", /\bcivil\b|\bserv(?:e|ing) papers\b|\blegal matter\b|\basunto legal\b|\bentregar documentos\b/],
  ["bodyguardOrBouncer", /\bbouncers?\b|\bbodyguards?\b|\bguardaespaldas\b|\bporteros?\b/],
  ["alcoholPrincipalBusiness", /\balcohol\b|\bliquor\b|\bbebidas alcoholicas\b/],
];

/** Slot questions by keyword; a sentence may ask several ("What date and times, and at what address?"). */
const SITE_CONTACT =
  /\breport to on site\b|\bsite contact\b|\bphone number\b|\bnumero de telefono\b|\breportarse\b[^?]*\ben el sitio\b/;
const POST_ORDERS =
  /\binstructions?\b|\bpost orders?\b|\binstruccion(?:es)?\b|\bindicaciones\b|\breport to\b|\breportarse\b|\bwhere (?:should|do) (?:they|the officers) park\b/;
const MILES = /\bmiles?\b|\bmillas?\b/;
const VEHICLES = /\bvehicles?\b|\bpatrol cars?\b|\bsquad cars?\b|\bpolice cars?\b|\bcruisers?\b|\bvehiculos?\b|\bpatrullas?\b/;
const ORGANIZATION = /\borgani[sz]ation\b|\borganizacion\b|\bcompany\b|\bempresa\b|\bbusiness\b|\bnegocio\b/;
const NAME = /\byour (?:full )?name\b|\bsu nombre\b|\bcomo se llama\b|\bcontact name\b|\bwho am i (?:speaking|talking)\b|\bcon quien hablo\b|\bname for\b|\bnombre\b|\bname\b/;
const ORGANIZATION_NAME = /\b(?:company|business|organi[sz]ation)'?s? name\b|\bnombre de (?:la|su) (?:empresa|organizacion|negocio)\b/;
const OFFICERS =
  /\bhow many (?:officers|cops|deputies|police)\b|\bcuant[oa]s (?:oficiales|policias|agentes)\b|\bnumber of officers\b|\bnumero de (?:oficiales|agentes)\b/;
const JOB =
  /\bwhat(?: is|'s)? the (?:job|event|work|detail)\b(?! address)|\bwhat (?:kind|type|sort) of (?:job|event|work|detail)\b|\bwhat(?: is|'s) (?:it|this) for\b|\bwhat (?:will|would|should) the officers (?:be )?do(?:ing)?\b|\bdescribe the (?:job|event)\b|\bde que se trata\b|\bque tipo de (?:evento|trabajo)\b|\bcual es el (?:trabajo|evento)\b|\bpara que (?:es|son|seria)\b|\bque (?:evento|trabajo) es\b/;
const ADDRESS = /\baddress\b|\bdireccion\b|\bwhere\b|\bdonde\b|\blocation\b|\bubicacion\b/;
const DATE = /\bdate\b|\bwhat day\b|\bwhich day\b|\bwhen\b|\bfecha\b|\bque dia\b|\bcuando\b/;
const START = /\bstart|\bbegin|\bempe[zc]ar?\b|\bempieza\b|\bcomen[zc]ar?\b|\bcomienza\b|\binicio\b/;
const END = /\bend\b|\bfinish|\buntil\b|\bterminar?\b|\btermina\b|\bhow many hours\b|\bhow long\b|\bcuantas horas\b|\bhasta que hora\b/;
const ANY_TIME = /\btimes?\b|\bhours\b|\bhorarios?\b|\ba que hora\b|\bhora\b/;
/** Lines that inform rather than ask. */
const INFO_LINE = /^(?:updated|actualizado|got it|entendido|noted|hi!|hola|¡hola|thanks|gracias)\b|^hi!? this is|^hola!? esta es/;

/** Reads the bot's messages of one turn (joined). */
export function readBotReply(texts: readonly string[]): BotReading {
  if (texts.length === 0 || texts.every((text) => text.trim() === "")) return { kind: "silent" };
  const folded = foldText(texts.join("\n"));
  if (SUBMITTED.test(folded)) return { kind: "submitted" };
  if (DROP_VEHICLE.test(folded)) return { kind: "drop_vehicle" };
  if (REFUSED.test(folded)) return { kind: "refused" };
  if (ESCALATED.test(folded)) return { kind: "escalated" };
  const change = CHANGE_EN.exec(folded) ?? CHANGE_ES.exec(folded);
  if (change) return { kind: "change", slot: change[1] ?? "", from: change[2] ?? "", to: change[3] ?? "" };
  const instead = INSTEAD_EN.exec(folded) ?? INSTEAD_ES.exec(folded);
  if (instead) return { kind: "change", slot: "", from: instead[2] ?? "", to: instead[1] ?? "" };
  if (SUMMARY.test(folded)) return { kind: "summary" };
  if (WHAT_TO_CHANGE.test(folded)) return { kind: "what_to_change" };

  // Examples in parentheses ("(e.g. 11pm, or 4 hours)") are not questions.
  const withoutExamples = folded.replace(/\((?:e\.g\.|eg|p\. ?ej\.|for example|por ejemplo)[^)]*\)/g, " ");
  const sentences = splitSentences(withoutExamples).filter((sentence) => !INFO_LINE.test(sentence));
  const screening = readScreening(sentences);
  if (screening.length >= 2) return { kind: "screening_list", items: screening };
  const asks: Ask[] = screening.map((item) => item.flag);
  for (const sentence of sentences) {
    if (SCREENING_WORDS.some(([, pattern]) => pattern.test(sentence))) continue;
    for (const ask of readSentence(sentence)) if (!asks.includes(ask)) asks.push(ask);
  }
  if (asks.length === 0) return YES_OR_NO.test(folded) ? { kind: "yes_or_no" } : { kind: "unknown" };
  return { kind: "questions", asks: orderAsks(asks), notUnderstood: NOT_UNDERSTOOD.test(folded) };
}

function splitSentences(folded: string): string[] {
  return folded
    .split(/\n+|(?<=[?!.])\s+(?=[^\d\s])/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

/** Screening flags asked, with their number when the bot lists them ("1) armed ..., 2) ..."). */
function readScreening(sentences: readonly string[]): { flag: ScreeningFlag; number: number | null }[] {
  const text = sentences.join("\n");
  const found: { flag: ScreeningFlag; number: number | null; index: number }[] = [];
  for (const [flag, pattern] of SCREENING_WORDS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const before = text.slice(Math.max(0, match.index - 45), match.index);
    const numbers = [...before.matchAll(/(?:^|[\s(,;:])(\d)\s*[).:-]/g)];
    const number = numbers.length > 0 ? Number(numbers.at(-1)?.[1]) : null;
    found.push({ flag, number, index: match.index });
  }
  return found.sort((a, b) => a.index - b.index).map(({ flag, number }) => ({ flag, number }));
}

function readSentence(sentence: string): Ask[] {
  if (SITE_CONTACT.test(sentence)) return ["siteContact"];
  if (POST_ORDERS.test(sentence)) return ["postOrders"];
  const asks: Ask[] = [];
  if (MILES.test(sentence)) asks.push("vehicleMiles");
  else if (VEHICLES.test(sentence)) asks.push("vehicles");
  if (ORGANIZATION.test(sentence)) asks.push("organization");
  if (NAME.test(sentence) && (!ORGANIZATION_NAME.test(sentence) || /\byour name\b|\bsu nombre\b/.test(sentence))) {
    asks.push("name");
  }
  if (OFFICERS.test(sentence)) asks.push("officers");
  if (JOB.test(sentence)) asks.push("job");
  if (ADDRESS.test(sentence)) asks.push("address");
  if (DATE.test(sentence) && !/\bwhen (?:officers|they) are assigned\b/.test(sentence)) asks.push("date");
  const start = START.test(sentence);
  const end = END.test(sentence);
  if (start) asks.push("start");
  if (end) asks.push("end");
  if (!start && !end && ANY_TIME.test(sentence) && !/\bhow many hours\b/.test(sentence)) asks.push("start", "end");
  return asks;
}

const ORDER: Ask[] = [
  "date",
  "start",
  "end",
  "address",
  "officers",
  "job",
  "vehicles",
  "vehicleMiles",
  "armedPrivateSecurity",
  "civilLegalService",
  "bodyguardOrBouncer",
  "alcoholPrincipalBusiness",
  "name",
  "organization",
  "postOrders",
  "siteContact",
];

function orderAsks(asks: Ask[]): Ask[] {
  return [...asks].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
}
