import { CLOCK_WORD_PATTERN, readClockWord } from "./calendar-words.ts";
import type { Span } from "./message-text.ts";
import { QUANTITY_NOUN_PATTERN } from "./quantity-nouns.ts";
import { spelledWord } from "./sms-spellings.ts";

export type DayPeriod = "am" | "pm";

export interface TimeOptions {
  /** Which time the bot asked for: a lone unanchored time answers it. */
  expecting: "start" | "end" | "time" | null;
  /** Morning/evening said elsewhere in the message ("tonight", "in the morning"), for unmarked hours. */
  periodHint: DayPeriod | null;
  /** The job is an evening kind of event (party, wedding, concert): an unmarked 7–10 start is pm. */
  eveningEvent: boolean;
}

export interface TimeFinding {
  /** `HH:MM` 24 h, or null. */
  startTime: string | null;
  /** `HH:MM` 24 h, "00:00" for midnight, or null. */
  endTime: string | null;
  spans: Span[];
}

interface Atom extends Span {
  /** Minutes after midnight of the 12-hour reading (hour % 12), or the fixed time. */
  hour: number;
  minute: number;
  /** Fixed 24 h reading: "18:00", "07:00", "noon", "midnight", military "1800". */
  fixed: boolean;
  period: DayPeriod | null;
  /** Has a colon, am/pm or a period phrase: unmistakably a time of day. */
  timey: boolean;
  military: boolean;
  /** "12 de la noche" / "12 at night" is midnight. */
  nightTwelve: boolean;
}

const NIGHT = spelledWord("night");
/** "until" and "through" as customers text them: "til", "untill", "thru". */
const UNTIL = `(?:${spelledWord("until")}|${spelledWord("through")})`;
const CLOCK = new RegExp(
  `(?<![\\w.:/$#,])(?:([01]?\\d|2[0-4])(?:([:.])([0-5]\\d))?(?!\\d)(?:ish\\b)?(?:\\s*(a\\.?\\s?m\\.?|p\\.?\\s?m\\.?)(?![a-z])|(a|p)(?![a-z]))?|([01]\\d|2[0-3])([0-5]\\d)(?!\\d)(\\s*(?:hrs|hours|h)\\b)?)|\\b(${CLOCK_WORD_PATTERN})\\b`,
  "g",
);
const PERIOD_AFTER = new RegExp(
  `^\\s*(?:o'?clock|oclock|en punto|sharp)?\\s*(in the morning|in the afternoon|in the evening|at ${NIGHT}|de la manana|por la manana|en la manana|de la tarde|por la tarde|en la tarde|de la noche|por la noche|en la noche|de la madrugada|a\\.?\\s?m\\.?(?![a-z])|p\\.?\\s?m\\.?(?![a-z]))?`,
);
const STRONG_CONNECTOR = new RegExp(`^\\s*(?:-+|to|${UNTIL}|hasta(?: las?)?)\\s*$`);
const WEAK_CONNECTOR = /^\s*(?:and|a|y|a las?)\s*$/;
const RANGE_OPENER = /\b(?:between|entre|from|de|desde)\s*(?:las?\s+)?$/;
const END_ANCHOR = new RegExp(
  `(?:\\b(?:${UNTIL}|end(?:s|ing)?(?: at| by)?|done(?: at| by)?|finish(?:es|ing)?(?: at| by)?|over (?:at|by)|wrap(?:s|ping)? up(?: at| by)?|off at|out by|hasta(?: las?)?|termina(?:mos|ria)?(?: a las?)?|terminar a las?|acaba(?:mos)? a las?))\\s*$`,
);
const START_ANCHOR =
  /(?:\b(?:at|from|start(?:ing|s)?(?: at)?|begin(?:ning|s)?(?: at)?|by|around|arrive(?: at| by)?|there (?:at|by)|desde(?: las?)?|a partir de las?|empezando a las?|empieza a las?|comienza a las?|a las?|de las?|las)|@)\s*$/;
const REPLACED_BEFORE = /(?:instead of|rather than|\bnot|en vez de|en lugar de)\s*(?:at\s+)?$/;
const QUANTITY_AFTER = new RegExp(`^\\s*${QUANTITY_NOUN_PATTERN}`);
const NIGHT_WORDS = new RegExp(
  `\\b(?:${spelledWord("tonight")}|${NIGHT}|evening|afternoon|noche|tarde|nightclub)\\b`,
);
const MORNING_WORDS = /\b(?:morning|de la manana|por la manana|en la manana|madrugada|esta manana)\b/;

const EVENING_EVENTS =
  /\b(?:party|fiesta|wedding|boda|reception|recepcion|quinceanera|quince|prom|dance|baile|concert|concierto|gala|nightclub|night club|bar|cantina|discoteca)\b/;

/** True when the job is the kind of event that happens in the evening. */
export function isEveningEvent(folded: string): boolean {
  return EVENING_EVENTS.test(folded);
}

/** Whether the message places the shift in the morning or the evening without attaching it to an hour. */
export function detectDayPeriod(folded: string): DayPeriod | null {
  const night = NIGHT_WORDS.test(folded);
  const morning = MORNING_WORDS.test(folded);
  if (night === morning) return null;
  return night ? "pm" : "am";
}

/**
 * Finds the start and end times. A number is a time only when it looks like one (am/pm, a colon,
 * "noon"), is part of a range ("6-11", "from 7 to 3"), follows an anchor ("at 8", "a las 8",
 * "until 11") or answers the time the bot asked for; so "I need 2 officers" has no time.
 *
 * Unmarked hours: a start of 1–6 is pm, 7–11 am (7–10 pm for parties, weddings, concerts, bars),
 * 12 noon, unless the message says morning or night; an end is the first such clock time after the
 * start ("6pm-2" ends at 2am); an unmarked start before a marked end is the reading that makes the
 * shift shortest ("6-11pm" is 6pm, "10-2pm" is 10am). A lone end ("until 11") is pm.
 */
export function extractTimes(folded: string, options: TimeOptions): TimeFinding {
  const atoms = findAtoms(folded);
  let range: [Atom, Atom] | null = null;
  for (let i = 0; i + 1 < atoms.length && !range; i++) {
    const first = atoms[i]!;
    const second = atoms[i + 1]!;
    if (isRange(folded, first, second)) range = [first, second];
  }
  const singles = atoms.filter((atom) => !range?.includes(atom) && isLoneTime(folded, atom, options));
  let start: Atom | null = null;
  let end: Atom | null = null;
  if (range) {
    [start, end] = range;
  } else {
    const live = singles.filter((atom) => !REPLACED_BEFORE.test(before(folded, atom)));
    const candidates = live.length > 0 ? live : singles;
    for (const atom of candidates) {
      const isEnd =
        isAnchored(before(folded, atom), END_ANCHOR) ||
        (options.expecting === "end" && !isStartAnchored(before(folded, atom)));
      if (isEnd) end ??= atom;
      else start ??= atom;
    }
  }
  const spans: Span[] = [...(range ?? []), ...singles].map((atom) => ({ start: atom.start, end: atom.end }));
  const startMinutes = start ? resolveStart(start, end, options) : null;
  const endMinutes = end ? resolveEnd(end, startMinutes, options.periodHint) : null;
  return { startTime: formatMinutes(startMinutes), endTime: formatMinutes(endMinutes), spans };
}

function findAtoms(folded: string): Atom[] {
  const atoms: Atom[] = [];
  for (const match of folded.matchAll(CLOCK)) {
    const atom = readAtom(match as RegExpExecArray);
    if (!atom) continue;
    const after = PERIOD_AFTER.exec(folded.slice(atom.end));
    if (after && after[0].trim() !== "") {
      atom.end += after[0].trimEnd().length;
      atom.timey = true;
      const phrase = after[1];
      if (phrase && !atom.fixed) {
        atom.period ??= /manana|madrugada|morning|^a\.?\s?m/.test(phrase) ? "am" : "pm";
        atom.nightTwelve = atom.hour === 0 && /noche|night/.test(phrase);
      }
    }
    atoms.push(atom);
  }
  return atoms;
}

function readAtom(match: RegExpExecArray): Atom | null {
  const start = match.index;
  const end = start + match[0].length;
  const word = match[9];
  if (word !== undefined) {
    const minutes = readClockWord(word) ?? 0;
    return {
      start,
      end,
      hour: minutes / 60,
      minute: 0,
      fixed: true,
      period: null,
      timey: true,
      military: false,
      nightTwelve: false,
    };
  }
  if (match[6] !== undefined) {
    // Military times of a shift fall on quarter hours; "2026-0042" is a permit number, not 20:26–00:42.
    if (Number(match[7]) % 15 !== 0 && match[8] === undefined) return null;
    return {
      start,
      end,
      hour: Number(match[6]),
      minute: Number(match[7]),
      fixed: true,
      period: null,
      timey: match[8] !== undefined,
      military: true,
      nightTwelve: false,
    };
  }
  const hourText = match[1] ?? "";
  const hour = Number(hourText);
  const minute = match[3] === undefined ? 0 : Number(match[3]);
  const marker = (match[4] ?? match[5] ?? "").replace(/[^ap]/g, "");
  const period: DayPeriod | null = marker === "" ? null : marker === "a" ? "am" : "pm";
  if (hour === 24 && minute > 0) return null;
  if (period && (hour === 0 || hour > 12)) {
    return hour > 12
      ? {
          start,
          end,
          hour,
          minute,
          fixed: true,
          period: null,
          timey: true,
          military: false,
          nightTwelve: false,
        }
      : null;
  }
  // "18:00", "07:30" and "00:15" name one clock time; "7:30" and "7" could be morning or evening.
  const fixed =
    hour > 12 || hour === 0 || (hourText.length === 2 && hourText.startsWith("0") && match[2] === ":");
  return {
    start,
    end,
    hour: hour % (fixed ? 24 : 12),
    minute,
    fixed,
    period,
    // A bare "20" is not obviously a time (it may be 20 miles or 20 officers); "20:00" is.
    timey: period !== null || match[2] === ":",
    military: false,
    nightTwelve: false,
  };
}

function before(folded: string, atom: Atom): string {
  return folded.slice(Math.max(0, atom.start - 40), atom.start);
}

const HEDGE = /\b(?:about|around|approximately|approx\.?|roughly|like|maybe)\s*$|~\s*$/;

/** True when the anchor ends the prefix, also past a hedge: "until about 10:30" reads like "until 10:30". */
function isAnchored(prefix: string, anchor: RegExp): boolean {
  return anchor.test(prefix) || anchor.test(prefix.replace(HEDGE, ""));
}

/** A start anchor that is not just a hedge: "around 11" answers whichever time the bot asked for. */
function isStartAnchored(prefix: string): boolean {
  const trimmed = prefix.replace(HEDGE, "");
  return trimmed !== prefix ? START_ANCHOR.test(trimmed) : START_ANCHOR.test(prefix);
}

function isRange(folded: string, first: Atom, second: Atom): boolean {
  const between = folded.slice(first.end, second.start);
  if (QUANTITY_AFTER.test(folded.slice(second.end))) return false;
  if (STRONG_CONNECTOR.test(between)) return first.military === second.military;
  if (!WEAK_CONNECTOR.test(between)) return false;
  // "and"/"a" joins two times only after "between"/"de" ("de 1900 a 2300") or when one is surely a time.
  if (first.military || second.military)
    return first.military && second.military && RANGE_OPENER.test(before(folded, first));
  return RANGE_OPENER.test(before(folded, first)) || first.timey || second.timey;
}

function isLoneTime(folded: string, atom: Atom, options: TimeOptions): boolean {
  if (QUANTITY_AFTER.test(folded.slice(atom.end))) return false;
  if (atom.military) return atom.timey;
  if (atom.timey) return true;
  const prefix = before(folded, atom);
  if (isAnchored(prefix, START_ANCHOR) || isAnchored(prefix, END_ANCHOR)) return true;
  // A bare number answers the time question only when it is the whole answer ("8", "8 please").
  return options.expecting !== null && /^[\s\W]*(?:\d{1,2})\s*(?:please|pls|por favor)?[\s\W]*$/.test(folded);
}

/** Both 24 h readings of an atom: one when fixed or marked, two (am, pm) otherwise. */
function readings(atom: Atom): number[] {
  if (atom.fixed) return [atom.hour * 60 + atom.minute];
  if (atom.nightTwelve) return [atom.minute];
  if (atom.period) return [(atom.hour + (atom.period === "pm" ? 12 : 0)) * 60 + atom.minute];
  return [atom.hour * 60 + atom.minute, (atom.hour + 12) * 60 + atom.minute];
}

function resolveStart(
  start: Atom,
  end: Atom | null,
  { periodHint: hint, eveningEvent }: TimeOptions,
): number {
  const options = readings(start);
  if (options.length === 1) return options[0]!;
  const endOptions = end ? readings(end) : [];
  if (endOptions.length === 1) {
    const endMinutes = endOptions[0]!;
    return options.reduce((best, option) =>
      lengthOf(option, endMinutes) < lengthOf(best, endMinutes) ? option : best,
    );
  }
  const [am, pm] = options as [number, number];
  if (hint) return hint === "am" ? am : pm;
  if (start.hour === 0) return pm; // 12 o'clock unmarked is noon
  return start.hour <= 6 || (eveningEvent && start.hour <= 10) ? pm : am;
}

function resolveEnd(end: Atom, startMinutes: number | null, hint: DayPeriod | null): number {
  const options = readings(end);
  if (options.length === 1) return options[0]!;
  const [am, pm] = options as [number, number];
  if (startMinutes !== null) return lengthOf(startMinutes, am) <= lengthOf(startMinutes, pm) ? am : pm;
  if (hint) return hint === "am" ? am : pm;
  return pm;
}

/** Minutes from start to end going forward on the clock; equal times are a full day apart. */
function lengthOf(start: number, end: number): number {
  const length = (end - start + 1440) % 1440;
  return length === 0 ? 1440 : length;
}

function formatMinutes(minutes: number | null): string | null {
  if (minutes === null) return null;
  const value = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(value / 60)).padStart(2, "0")}:${String(value % 60).padStart(2, "0")}`;
}
