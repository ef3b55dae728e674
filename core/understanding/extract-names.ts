import type { MessageText, Span } from "./message-text.ts";
import { capitalizeWords, hasMixedCase, isCapitalized, type Token, tokenizeWords } from "./tokenize-words.ts";

export interface NameFinding {
  customerName: string | null;
  organization: string | null;
  spans: Span[];
}

/** Introductions whose next words are a name even in lower case. */
const LOOSE_NAME_MARKER =
  /\b(?:my name is|my name's|my names|name is|name's|name:|(?:you can|just) call me|^\s*call me|me llamo|mi nombre es|nombre:|me dicen)\s*$/;
/** Introductions that need a capitalised name after them ("I'm looking…" is not a name). */
const STRICT_NAME_MARKER = /(?:\bi am|\bi'm|\bim|\bthis is|\bsoy|\b(?:le |les )?habla)\s*$/;
/** When the bot asked for the name, the answer may open with "it's", "I'm", "soy"… */
const ANSWER_LEAD_IN =
  /^[^\p{L}\p{N}]*(?:(?:it'?s|its|i'?m|im|i am|this is|soy|es|name'?s|hi|hello|hola|sure|yes|yeah|ok|okay|si|claro|actually|sorry|wait|oops|i meant|perdon|en realidad|habla|le habla|my name is|my names|name is|name:|(?:you can )?call me|me llamo|mi nombre es|mi nombre:|nombre:)[\s,]+)*$/u;
const ORG_MARKER_LOOSE =
  /\b(?:company|organization|organisation|org|business|employer|empresa|compania|organizacion)(?: name)?\s*(?:is|:|-|es|se llama)\s*$|\b(?:on behalf of|representing|de parte de)\s*$/;
const ORG_MARKER_STRICT =
  /\b(?:i'?m|i am|im|we'?re|we are|somos)\s+(?:with|from|at|de|con)\s*$|\bwork(?:s|ing)? (?:for|at|with)\s*$|\b(?:president|vice president|director|manager|owner|chair(?:man|woman|person)?|secretary|treasurer|coordinator|pastor) (?:of|at|for)(?: the)?\s*$/;
const ORG_LINKS = new Set(["from", "with", "at", "of", "representing", "de", "del", "con"]);
const NOT_NAMES = new Set(
  (
    "looking calling interested trying wondering here just not the a an in at with from good fine ok okay sorry so " +
    "very glad happy new needing hoping texting writing reaching following ready sure also still going planning " +
    "organizing hosting having on inquiring asking manager owner the gonna about for regarding re your to buscando " +
    "interesado interesada de la el una un el gerente dueno dueña encargado encargada yes no si hi hello hola " +
    "need needs necesito officer officers police policia help agent status cancel stop monday tuesday wednesday " +
    "thursday friday saturday sunday sabado domingo lunes martes miercoles jueves viernes today tomorrow tonight " +
    "hoy manana it's its i'm im this es name's soy actually sorry wait oops meant perdon we we're were our us " +
    "i my me mi name names nombre llamo call you can habla back"
  ).split(" "),
);
const WORD_STOPS = new Set(
  (
    "and y from with at of for need needs needing we i looking would want wants requesting request is are was " +
    "necesito necesitamos queremos quiero para on this next tomorrow today tonight to please by in here calling " +
    "texting and there will it it's our my we're can could que con del de the a an"
  ).split(" "),
);
const PARTICLES = new Set(["de", "del", "la", "las", "los", "van", "von", "da", "di", "le", "st.", "mc"]);
const ABBREVIATIONS = new Set([
  "inc.",
  "corp.",
  "co.",
  "ltd.",
  "llc.",
  "jr.",
  "sr.",
  "st.",
  "dr.",
  "mr.",
  "mrs.",
  "ms.",
  "bros.",
]);
const MAX_NAME_WORDS = 4;
const MAX_ORG_WORDS = 6;

/**
 * Finds who is writing and for whom: "I'm Maria Lopez from Desert Bloom Events", "this is John Smith
 * with ACME Corp", "my name is …", "me llamo Ana Ruiz de Eventos Sol", "company: …". When the bot asked
 * for the name, the whole answer may be the name ("maria lopez", "Maria Lopez, Desert Bloom").
 */
export function extractNames(text: MessageText, expectingName: boolean): NameFinding {
  const tokens = tokenizeWords(text);
  const caseInformative = hasMixedCase(text.original);
  const spans: Span[] = [];
  let customerName: string | null = null;
  let organization: string | null = null;
  for (let i = 0; i < tokens.length && customerName === null; i++) {
    const prefix = text.folded.slice(Math.max(0, tokens[i]!.start - 40), tokens[i]!.start);
    const loose =
      LOOSE_NAME_MARKER.test(prefix) ||
      (expectingName && ANSWER_LEAD_IN.test(text.folded.slice(0, tokens[i]!.start)));
    const strict = !loose && STRICT_NAME_MARKER.test(prefix);
    const leading = !loose && !strict && i === firstWordIndex(tokens) && isNameHereOrFrom(tokens, i);
    if (!loose && !strict && !leading) continue;
    const name = readName(tokens, i, loose || !caseInformative ? "loose" : "strict");
    if (!name) continue;
    let k = name.end;
    if (tokens[k] && bareWord(tokens[k]!) === "here") k++;
    if (tokens[k]?.original === ",") k++;
    const link = tokens[k]?.folded ?? "";
    const linked = ORG_LINKS.has(link);
    // Lower-case "this is urgent" is not a name; "this is maria from desert bloom" is.
    if (strict && !caseInformative && !linked) continue;
    customerName = tidyName(
      text.original.slice(tokens[i]!.start, tokens[name.end - 1]!.end),
      caseInformative,
    );
    spans.push({ start: tokens[i]!.start, end: tokens[name.end - 1]!.end });
    const orgStart = linked ? k + 1 : expectingName && tokens[name.end]?.original === "," ? k : -1;
    if (orgStart < 0 || !tokens[orgStart]) continue;
    if ((link === "de" || link === "del") && caseInformative && !isCapitalized(tokens[orgStart]!)) continue;
    const org = readOrganization(tokens, orgStart, caseInformative);
    if (org) {
      organization = text.original.slice(tokens[orgStart]!.start, tokens[org - 1]!.end).replace(/[.,]+$/, "").replace(/^the\s+/i, "");
      spans.push({ start: tokens[orgStart]!.start, end: tokens[org - 1]!.end });
    }
  }
  if (organization === null) {
    for (let i = 0; i < tokens.length; i++) {
      const prefix = text.folded.slice(Math.max(0, tokens[i]!.start - 40), tokens[i]!.start);
      const loose = ORG_MARKER_LOOSE.test(prefix);
      if (!loose && !ORG_MARKER_STRICT.test(prefix)) continue;
      if (!loose && caseInformative && !isCapitalized(tokens[i]!)) continue;
      const end = readOrganization(tokens, i, caseInformative && !loose);
      if (!end) continue;
      organization = text.original.slice(tokens[i]!.start, tokens[end - 1]!.end).replace(/[.,]+$/, "").replace(/^the\s+/i, "");
      spans.push({ start: tokens[i]!.start, end: tokens[end - 1]!.end });
      break;
    }
  }
  return { customerName, organization, spans };
}

function firstWordIndex(tokens: Token[]): number {
  let i = tokens.findIndex((token) => token.kind === "word");
  if (/^(?:hi|hello|hey|hola|buenas|buenos)$/.test(tokens[i]?.folded ?? "")) {
    i = tokens.findIndex((token, index) => index > i && token.kind === "word");
  }
  return i;
}

/** "John here", "Maria from Desert Bloom": a leading capitalised name followed by "here"/"from". */
function isNameHereOrFrom(tokens: Token[], i: number): boolean {
  let k = i;
  while (k < tokens.length && k - i < 3 && tokens[k]!.kind === "word" && isCapitalized(tokens[k]!)) k++;
  if (k === i) return false;
  const link = tokens[k] ? bareWord(tokens[k]!) : "";
  if (link === "here" || link === "aqui") return true;
  const next = tokens[k + 1];
  return ["from", "with", "de"].includes(link) && next !== undefined && isCapitalized(next);
}

function readName(tokens: Token[], from: number, mode: "loose" | "strict"): { end: number } | null {
  const first = tokens[from];
  if (first?.kind !== "word" || NOT_NAMES.has(first.folded)) return null;
  if (mode === "strict" && !isCapitalized(first)) return null;
  let k = from;
  let words = 0;
  while (k < tokens.length && words < MAX_NAME_WORDS) {
    const token = tokens[k]!;
    if (token.kind !== "word") break;
    const next = tokens[k + 1];
    const particle = words > 0 && PARTICLES.has(token.folded) && !isCapitalized(token);
    if (particle) {
      // "Juan de la Cruz" continues; "Ana Ruiz de Eventos Sol" starts the organisation.
      if (token.folded === "de" && next && !["la", "las", "los"].includes(next.folded)) break;
      if (next?.kind !== "word") break;
      k++;
      continue;
    }
    if (words > 0 && WORD_STOPS.has(bareWord(token))) break;
    if (mode === "strict" && !isCapitalized(token)) break;
    words++;
    k++;
    if (endsSentence(token)) break;
  }
  while (k > from && PARTICLES.has(tokens[k - 1]!.folded) && !isCapitalized(tokens[k - 1]!)) k--;
  return words > 0 ? { end: k } : null;
}

/** Index after the organisation's last token, or null when nothing organisation-like follows. */
function readOrganization(tokens: Token[], from: number, capitalsOnly: boolean): number | null {
  let k = from;
  let words = 0;
  let end: number | null = null;
  while (k < tokens.length && words < MAX_ORG_WORDS) {
    const token = tokens[k]!;
    if (token.kind === "punct" && token.original !== "&") break;
    const connector = ["of", "and", "&", "de", "del", "la", "los", "the", "y", "for"].includes(token.folded);
    if (!connector && WORD_STOPS.has(token.folded)) break;
    if (capitalsOnly && !connector && token.kind === "word" && !isCapitalized(token)) break;
    if (words === 0 && connector && token.folded !== "the") break;
    if (!connector) end = k + 1;
    words++;
    k++;
    if (endsSentence(token)) break;
  }
  return end;
}

/** The folded word without a trailing full stop. */
function bareWord(token: Token): string {
  return token.folded.replace(/\.$/, "");
}

/** "Paving." ends a sentence; "Inc.", "Corp." and initials ("J.") do not. */
function endsSentence(token: Token): boolean {
  return /\p{L}{2}\.$/u.test(token.original) && !ABBREVIATIONS.has(token.folded);
}

function tidyName(name: string, caseInformative: boolean): string {
  const trimmed = name
    .replace(/[.,]+$/, "")
    .replace(/\s+/g, " ")
    .trim();
  if (caseInformative) return trimmed;
  return capitalizeWords(trimmed.toLowerCase()).replace(
    /(?<=\s)(De|Del|La|Las|Los|Van|Von|Da|Di)(?=\s)/g,
    (particle) => particle.toLowerCase(),
  );
}
