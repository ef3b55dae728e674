import { type Ask, type Belief, beliefOf, type Persona, type ScreeningFlag } from "./persona.ts";
import {
  addressForms,
  confirmForms,
  dateForms,
  dateMarkers,
  endForms,
  milesForms,
  nameForms,
  officerForms,
  organizationForms,
  organizationFragments,
  type PhraseContext,
  pick,
  postOrderForms,
  rangeForms,
  startForms,
  vehicleForms,
  yesNoForms,
} from "./phrase-facts.ts";
import { type BotReading, foldText, readBotReply } from "./read-bot-reply.ts";

export type Ending = "submitted" | "refused" | "escalated" | "silent";

/**
 * One simulated customer. It reads only the text of the bot's replies and answers from the
 * persona's beliefs, in the persona's style; asked the same thing again, it rephrases.
 */
export class SimulatedCustomer {
  /** How the conversation ended in the customer's eyes, or null while it goes on. */
  ending: Ending | null = null;
  /** The last reading of the bot, for the runner (e.g. "summary"). */
  lastReading: BotReading | null = null;
  /** Things the simulator could not read: a gap in the simulator, not necessarily in the bot. */
  readonly notes: string[] = [];
  private sent = 0;
  private lastYesNo: BotReading | null = null;
  private corrected = false;
  private readonly asked = new Map<string, number>();
  private readonly ctx: PhraseContext;

  constructor(
    readonly persona: Persona,
    private readonly agency: { city: string; timeZone: string },
  ) {
    this.ctx = { language: persona.truth.language, now: persona.now, timeZone: agency.timeZone };
  }

  get messagesSent(): number {
    return this.sent;
  }

  firstMessage(): string {
    this.sent = 1;
    return this.persona.first;
  }

  /** The next customer message after the bot's replies, or null when the customer is done. */
  reply(botTexts: readonly string[]): string | null {
    const reading = readBotReply(botTexts);
    this.lastReading = reading;
    const ended = endingOf(reading);
    if (ended) {
      this.ending = ended;
      return null;
    }
    // "Please reply YES or NO" on its own repeats the last yes/no question: answer that one again.
    const understood = reading.kind === "yes_or_no" && this.lastYesNo ? this.lastYesNo : reading;
    if (understood.kind === "drop_vehicle" || understood.kind === "change") this.lastYesNo = understood;
    const message = this.correctionDue(understood) ?? this.answer(understood);
    this.sent += 1;
    return message;
  }

  private correctionDue(reading: BotReading): string | null {
    const correction = this.persona.correction;
    if (!correction || this.corrected) return null;
    const due = reading.kind === "summary" || (typeof correction.at === "number" && this.sent + 1 >= correction.at);
    if (!due) return null;
    this.corrected = true;
    return correction.text;
  }

  private get belief(): Belief {
    return beliefOf(this.persona, this.corrected);
  }

  /** Times this question was asked before, and one more now. */
  private count(key: string): number {
    const n = this.asked.get(key) ?? 0;
    this.asked.set(key, n + 1);
    return n;
  }

  private literal(key: Ask | "screeningList" | "confirm", attempt: number): string | null {
    const forms = this.persona.answers?.[key];
    if (!forms || forms.length === 0) return null;
    return forms[Math.min(attempt, forms.length - 1)] ?? null;
  }

  private answer(reading: BotReading): string {
    const es = this.ctx.language === "es";
    const style = this.persona.style;
    switch (reading.kind) {
      case "summary": {
        const attempt = this.count("confirm");
        return this.literal("confirm", attempt) ?? pick(confirmForms(this.ctx), style + attempt);
      }
      case "drop_vehicle": {
        const attempt = this.count("dropVehicle");
        const yes = this.persona.truth.acceptsNoVehicle === true;
        // Going on without the car is the persona's final wish (its `before` held the car).
        if (yes) this.corrected = true;
        if (attempt > 0) return pick(yesNoForms(yes, this.ctx), 0);
        if (es) return yes ? "sí, está bien sin patrulla" : "no, sin patrulla no nos sirve";
        return yes ? "yes thats fine, no car then" : "no, we need the car";
      }
      case "change":
        return this.answerChange(reading);
      case "screening_list": {
        const attempt = this.count("screeningList");
        return this.literal("screeningList", attempt) ?? this.answerScreeningList(reading.items, style + attempt);
      }
      case "what_to_change":
        return this.restate();
      case "questions":
        return this.answerQuestions(reading.asks);
      case "yes_or_no":
        this.notes.push("asked for YES or NO with no yes/no question before; restated the request");
        return this.restate();
      case "unknown":
        this.notes.push("could not tell what the bot asked; restated the request");
        return this.restate();
      default:
        return this.restate();
    }
  }

  private answerQuestions(asks: readonly Ask[]): string {
    const attempts = asks.map((ask) => this.count(ask));
    const attempt = Math.max(...attempts);
    if (asks.length === 1) {
      const ask = asks[0] as Ask;
      return this.literal(ask, attempt) ?? this.phrase(ask, attempt, false);
    }
    const parts: string[] = [];
    const wantsRange = asks.includes("start") && asks.includes("end");
    for (const ask of asks) {
      if (wantsRange && ask === "end") continue;
      if (wantsRange && ask === "start") {
        parts.push(pick(rangeForms(this.belief.start, this.belief.end, this.ctx), this.persona.style + attempt));
        continue;
      }
      parts.push(this.literal(ask, attempt) ?? this.phrase(ask, attempt, true));
    }
    return parts.join(", ");
  }

  /** One fact; `inList` drops the lead-ins ("My name is") that read oddly in the middle of a list. */
  private phrase(ask: Ask, attempt: number, inList: boolean): string {
    const b = this.belief;
    const ctx = this.ctx;
    const es = ctx.language === "es";
    const i = this.persona.style + attempt;
    switch (ask) {
      case "date":
        return pick(dateForms(b.date, ctx), i);
      case "start":
        return pick(startForms(b.start, ctx), i);
      case "end":
        return pick(endForms(b.end, ctx), i);
      case "address": {
        const form = pick(addressForms(b.address, ctx, this.agency.city), i);
        return inList ? (es ? `en ${form}` : `at ${form}`) : form;
      }
      case "officers": {
        const forms = officerForms(b.officers, ctx);
        return inList ? (forms[2] as string) : pick(forms, i);
      }
      case "job": {
        const job = this.persona.truth.job;
        return attempt > 0 && job.rephrased ? job.rephrased : job.answer;
      }
      case "vehicles":
        return pick(vehicleForms(b.vehicles, ctx), i);
      case "vehicleMiles":
        return pick(milesForms(b.vehicleMiles, ctx), i);
      case "name": {
        const forms = nameForms(b.name, ctx);
        const inside = es ? [`soy ${b.name}`, b.name, `me llamo ${b.name}`] : [`I'm ${b.name}`, b.name, `this is ${b.name}`, `my name is ${b.name}`];
        return pick(inList ? inside : forms, i);
      }
      case "organization":
        return pick(inList ? organizationFragments(b.organization, ctx) : organizationForms(b.organization, ctx), i);
      case "postOrders":
        return pick(postOrderForms(b.postOrders, ctx), i);
      case "siteContact":
        return pick(es ? ["yo", "soy yo", "yo mismo"] : ["me", "it's me", "that's me", "ME"], i);
      default:
        return pick(yesNoForms(b.flags[ask], ctx), i);
    }
  }

  private answerScreeningList(items: readonly { flag: ScreeningFlag; number: number | null }[], i: number): string {
    const es = this.ctx.language === "es";
    const applying = items.filter((item) => this.belief.flags[item.flag]);
    if (applying.length === 0) {
      return pick(es ? ["ninguna", "ninguno de esos", "no, ninguna"] : ["none", "nope none of those", "no to all of those", "none apply"], i);
    }
    if (applying.every((item) => item.number !== null)) {
      const numbers = applying.map((item) => String(item.number));
      const list = numbers.join(es ? " y " : " and ");
      return pick(es ? [`la ${list}`, `solo la ${list}`] : [list, `just ${list}`, `#${list} yes`], i);
    }
    const words: Record<ScreeningFlag, [string, string]> = {
      armedPrivateSecurity: ["there will be armed guards", "habrá guardias armados"],
      civilLegalService: ["it's serving court papers", "es para entregar documentos legales"],
      bodyguardOrBouncer: ["yes we need bouncers at the door", "sí, necesitamos porteros"],
      alcoholPrincipalBusiness: ["it's a bar", "es un bar"],
    };
    return applying.map((item) => words[item.flag][es ? 1 : 0]).join(", ");
  }

  /** "Change the date from Sat Dec 20 to Fri Dec 25?": yes when the new value is what the customer believes. */
  private answerChange(reading: Extract<BotReading, { kind: "change" }>): string {
    const es = this.ctx.language === "es";
    const attempt = this.count(`change:${reading.slot}`);
    const verdict = this.judgeChange(reading.slot, reading.to);
    if (verdict === null) this.notes.push(`could not judge the change question about "${reading.slot}"`);
    const yes = verdict ?? true;
    if (yes) return pick(yesNoForms(true, this.ctx), this.persona.style + attempt);
    const ask = slotWordToAsk(reading.slot);
    const fact = ask ? this.phrase(ask, attempt, true) : "";
    return es ? `no, ${fact}`.replace(/, $/, "") : `no, ${fact}`.replace(/, $/, "");
  }

  private judgeChange(slotWord: string, to: string): boolean | null {
    const b = this.belief;
    const ask = slotWordToAsk(slotWord) ?? slotOfValue(to);
    if (ask === "start" && slotWordToAsk(slotWord) === null) {
      // A bare time could be either end of the shift: right if it is one of them.
      const clock = readClock(to);
      return clock === b.start || clock === b.end;
    }
    switch (ask) {
      case "date": {
        const markers = dateMarkers(b.date, this.agency.timeZone);
        const numbers = (to.match(/\d+/g) ?? []).map(Number);
        return numbers.includes(markers.day) && markers.months.some((month) => to.includes(month));
      }
      case "start":
      case "end":
        return readClock(to) === (ask === "start" ? b.start : b.end);
      case "officers":
      case "vehicles":
      case "vehicleMiles": {
        const value = ask === "officers" ? b.officers : ask === "vehicles" ? b.vehicles : b.vehicleMiles;
        const number = /\d+/.exec(to)?.[0];
        return number === undefined ? null : Number(number) === value;
      }
      case "address":
        return to.includes(foldText(b.address.line1).split(" ")[0] ?? "");
      case "name":
        return to.includes(foldText(b.name));
      case "organization":
        return b.organization === null ? /none|ninguna|^$/.test(to) : to.includes(foldText(b.organization));
      default:
        return null;
    }
  }

  /** Date, times, address and officers in one message: what a customer says when lost. */
  private restate(): string {
    const b = this.belief;
    const ctx = this.ctx;
    const i = this.persona.style;
    const es = ctx.language === "es";
    return [
      pick(dateForms(b.date, ctx), i),
      pick(rangeForms(b.start, b.end, ctx), i),
      `${es ? "en" : "at"} ${pick(addressForms(b.address, ctx, this.agency.city), i)}`,
      officerForms(b.officers, ctx)[2],
    ].join(", ");
  }
}

function endingOf(reading: BotReading): Ending | null {
  switch (reading.kind) {
    case "submitted":
    case "refused":
    case "escalated":
    case "silent":
      return reading.kind;
    default:
      return null;
  }
}

function slotWordToAsk(word: string): Ask | null {
  const w = word.trim();
  if (/date|fecha|day|dia/.test(w)) return "date";
  if (/start|inicio|begin|empiez/.test(w)) return "start";
  if (/end|fin|termin/.test(w)) return "end";
  if (/officer|oficial|agente/.test(w)) return "officers";
  if (/mile|milla/.test(w)) return "vehicleMiles";
  if (/vehicle|car|vehiculo|patrulla/.test(w)) return "vehicles";
  if (/address|direccion|location/.test(w)) return "address";
  if (/organi|company|empresa/.test(w)) return "organization";
  if (/name|nombre/.test(w)) return "name";
  return null;
}

/** The slot a bare value in a change question is about: a month means a date, a clock a time, a number officers. */
function slotOfValue(value: string): Ask | null {
  if (/\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|ene|abr|ago|dic)[a-z]*\b/.test(value)) return "date";
  if (/\d\s*(?:am|pm|a\.m|p\.m)|\d:\d\d|noon|midnight|mediodia|medianoche/.test(value)) return "start";
  if (/^\D*\d+\D*$/.test(value)) return "officers";
  return null;
}

/** "7:00 pm" → "19:00"; "23:00" → "23:00"; null when no clock time is written. */
function readClock(text: string): string | null {
  const match = /(\d{1,2})(?::(\d{2}))?\s*(a\.?\s?m\.?|p\.?\s?m\.?)?/.exec(text);
  if (!match) return /noon|mediodia/.test(text) ? "12:00" : /midnight|medianoche/.test(text) ? "00:00" : null;
  let hour = Number(match[1]);
  const minutes = match[2] ?? "00";
  const period = match[3]?.replace(/[.\s]/g, "");
  if (period === "pm" && hour < 12) hour += 12;
  if (period === "am" && hour === 12) hour = 0;
  return `${String(hour).padStart(2, "0")}:${minutes}`;
}
