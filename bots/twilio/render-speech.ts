import type { Language } from "../../core/agencies/index.ts";

/**
 * The intake writes for a screen (SMS, web chat); a caller only hears. This turns one reply into
 * sentences for Twilio <Say>: no parentheses, bullets, "e.g.", slashes or "reply/text X"; times,
 * dates and phone numbers as a voice reads them. Money stays "$705.10": Polly reads currency well
 * in both voices. The intake's words stay the intake's; only their form changes here.
 */
export function renderSpeech(text: string, language: Language): string {
  const w = WORDS[language];
  let s = text.replace(/\r/g, "");
  for (const [pattern, spoken] of w.phrases) s = s.replace(pattern, spoken);
  s = s.replace(/\(?\b(\d{3})\)?[-. ](\d{3})-(\d{4})\b/g, (_m, a: string, b: string, c: string) =>
    [a, b, c].map((group) => group.split("").join(" ")).join(", "),
  );
  // A numbered list ("1) armed security, 2) alcohol sales") is read as "1, armed security; 2, …".
  s = s.replace(/,\s(\d+)\)\s/g, "; $1, ").replace(/(^|\s)(\d+)\)\s/g, "$1$2, ");
  s = s.replace(/\s*\((?:yes\/no|sí\/no)\)/gi, "");
  s = s.replace(/\s*\((?:e\.g\.|p\. ej\.)\s*([^)]*)\)(\s*[,;]?)/g, (_m, example: string, after: string) =>
    // The space after the example stays: "(e.g. 6 PM to 11 PM) You can…" keeps its two sentences apart.
    after.trim() ? `, ${w.forExampleInline} ${example}${after}` : `. ${w.forExample} ${example}.${after}`,
  );
  s = s.replace(/(\S*)\s*\(([^)]*)\)/g, (_m, before: string, inside: string) => {
    if (/[.?!]$/.test(before)) return `${before} ${capitalize(inside)}.`;
    if (/^(?:total)$/i.test(before)) return `${before}: ${inside}`;
    if (/^(?:with|con)\b/i.test(inside)) return `${before}, ${inside}`;
    return `${before}, ${w.suchAs} ${inside}`;
  });
  s = s.replace(w.command, (verb: string) => {
    const said = /^responder/i.test(verb) ? "decir" : w.say;
    return /^[A-Z]/.test(verb) ? capitalize(said) : said;
  });
  s = s.replace(w.sayZero, (m: string) => m.replace(/0$/, w.zero));
  s = s.replace(/\s*<number>/gi, w.itsNumber).replace(/\s*<número>/gi, w.itsNumber);
  s = s.replace(KEYWORDS, (word) => word.toLowerCase());
  // A status line opens with its number ("#12: approved, …"): said as a phrase, not a bare "Number".
  s = s.replace(/(^|\n)#(\d+):/g, `$1${w.request} ${w.number} $2:`).replace(/#(\d+)/g, `${w.number} $1`);
  // "6:00 PM", "6pm", "6:00 p. m." (Spanish dates from luxon) are all said "6 PM"; 6:30 keeps its minutes.
  // The dot closing "p. m." goes with it, but a sentence's own full stop ("… 11 PM. You can") stays.
  s = s.replace(
    /\b(\d{1,2})(:\d\d)?\s?([ap])(\.?)\s?m\b(\.?)/gi,
    (m: string, h: string, min: string | undefined, ap: string, dotted: string, end: string, at: number, all: string) => {
      const sentenceEnds = end !== "" && (!dotted || /^\s+\p{Lu}|^\s*$/u.test(all.slice(at + m.length)));
      return `${h}${min && min !== ":00" ? min : ""} ${ap.toUpperCase()}M${sentenceEnds ? "." : ""}`;
    },
  );
  // A range ("6 PM – 11 PM", "6 - 10"); a hyphen inside a word ("6-digit") stays.
  s = s.replace(/([AP]M|\d)(?:\s*[–—]\s*|\s+-\s+)(?=\w)/g, `$1 ${w.to} `);
  s = s.replace(/\s[–—]\s/g, ", ");
  s = s.replace(/\b(\d{1,2})\/(\d{1,2})\b/g, (m, a: string, b: string) => readSlashDate(m, a, b, language));
  for (const [short, long] of w.abbreviations) s = s.replace(short, long);
  s = s.replace(/\b(\d+) ([NSEW])\.? (?=[A-Z])/g, (_m, n: string, d: keyof typeof DIRECTIONS) => `${n} ${DIRECTIONS[d]} `);
  s = s.replace(/["“”<>•*_]/g, "").replace(/\//g, ` ${w.or} `);
  // Lines (a summary's bullets) become sentences: "Here is your request:" ends like one.
  s = s
    .split("\n")
    .map((line) => line.trim().replace(/:$/, "."))
    .filter((line) => line.length > 0)
    .map((line) => (/[.?!]$/.test(line) ? line : `${line}.`))
    .join(" ");
  return tidy(s);
}

/** Collapses the doubled and stranded punctuation the rewrites above can leave. */
function tidy(s: string): string {
  return s
    .replace(/\s+/g, " ")
    .replace(/\s+([,.;:?!])/g, "$1")
    .replace(/([?!])\./g, "$1")
    .replace(/[,;:]+([.?!])/g, "$1")
    .replace(/\.{2,}/g, ".")
    .replace(/,{2,}/g, ",")
    .replace(/([.?!])\s*([,;])/g, "$1")
    .replace(/(^|[.?!]\s)([a-zá-ú])/g, (_m, start: string, letter: string) => `${start}${letter.toUpperCase()}`)
    .trim();
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "12/24" in English is December 24; "24/12" in Spanish is the 24th of December. */
function readSlashDate(original: string, a: string, b: string, language: Language): string {
  const [month, day] = language === "es" ? [Number(b), Number(a)] : [Number(a), Number(b)];
  const name = MONTHS[language][month - 1];
  if (!name || day < 1 || day > 31) return original;
  return language === "es" ? `${day} de ${name}` : `${name} ${day}`;
}

export const MONTHS: Record<Language, string[]> = {
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
  es: ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
};

const DIRECTIONS = { N: "North", S: "South", E: "East", W: "West" } as const;

/** Command words the texts capitalize for a screen ("Reply NONE"); a voice says them as words. */
const KEYWORDS =
  /(?<!\p{L})(?:YES|NO|NONE|ME|STATUS|AGENT|HELP|CANCEL|START OVER|START|STOP|SÍ|NINGUNA|YO|ESTADO|AGENTE|AYUDA|NUEVA SOLICITUD)(?!\p{L})/gu;

interface SpokenWords {
  /** Whole phrases whose screen form has no spoken equivalent word for word. */
  phrases: [RegExp, string][];
  command: RegExp;
  say: string;
  sayZero: RegExp;
  zero: string;
  forExample: string;
  forExampleInline: string;
  suchAs: string;
  itsNumber: string;
  number: string;
  request: string;
  to: string;
  or: string;
  abbreviations: [RegExp, string][];
}

const WORDS: Record<Language, SpokenWords> = {
  en: {
    phrases: [
      [/\s*\(street, city\)/g, " Please say the street and the city."],
      [/Someone will reply here shortly\./g, "Please stay on the line."],
      [/who will reply here shortly/g, "who will be with you shortly"],
      [/we'll text you when/g, "we'll send you a text message when"],
      [/Text STATUS any time\./g, "Call us any time to hear how it is going."],
      [/Text us any time/g, "Call us any time"],
    ],
    command: /\b(?:[Rr]eply|[Tt]ext)(?:\s+with)?\b(?=\s+(?:[A-Z0-9<]|their\b))/g,
    say: "say",
    sayZero: /\bsay 0\b/gi,
    zero: "zero",
    forExample: "For example,",
    forExampleInline: "for example",
    suchAs: "such as",
    itsNumber: " and its number",
    number: "number",
    request: "Request",
    to: "to",
    or: "or",
    abbreviations: [
      [/\bMon\b/g, "Monday"], [/\bTue\b/g, "Tuesday"], [/\bWed\b/g, "Wednesday"], [/\bThu\b/g, "Thursday"],
      [/\bFri\b/g, "Friday"], [/\bSat\b/g, "Saturday"], [/\bSun\b/g, "Sunday"],
      ...MONTHS.en.map((name): [RegExp, string] => [new RegExp(`\\b${name.slice(0, 3)}\\b\\.?(?= \\d)`, "g"), name]),
    ],
  },
  es: {
    phrases: [
      [/\s*\(calle, ciudad\)/g, " Diga la calle y la ciudad, por favor."],
      [/Alguien le responderá aquí en breve\./g, "Espere en la línea, por favor."],
      [/un despachador le responderá aquí en breve/g, "un despachador lo atenderá en breve"],
      [/Escriba ESTADO cuando quiera\./g, "Llámenos cuando quiera para saber cómo va."],
      [/Escríbanos/g, "Llámenos"],
    ],
    command: /\b(?:[Rr]esponda|[Rr]esponder|[Ee]scriba)(?:\s+con)?\b(?=\s+(?:[A-ZÁÉÍÓÚ0-9<]|sus\b))/g,
    say: "diga",
    sayZero: /\bdiga 0\b/gi,
    zero: "cero",
    forExample: "Por ejemplo,",
    forExampleInline: "por ejemplo",
    suchAs: "como",
    itsNumber: " y su número",
    number: "número",
    request: "Solicitud",
    to: "a",
    or: "o",
    abbreviations: [
      [/\blun\.?(?= \d)/g, "lunes"], [/\bmar\.?(?= \d)/g, "martes"], [/\bmié\.?(?= \d)/g, "miércoles"],
      [/\bjue\.?(?= \d)/g, "jueves"], [/\bvie\.?(?= \d)/g, "viernes"], [/\bsáb\.?(?= \d)/g, "sábado"],
      [/\bdom\.?(?= \d)/g, "domingo"],
      ...MONTHS.es.map((name): [RegExp, string] => [new RegExp(`(?<=\\d de )${name.slice(0, 3)}\\b\\.?`, "g"), name]),
    ],
  },
};
