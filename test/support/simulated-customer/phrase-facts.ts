import { DateTime } from "luxon";
import type { Belief, PersonaLanguage } from "./persona.ts";

/**
 * The ways customers write each fact in an SMS, English and Spanish. Every function returns several
 * forms; the simulator picks one by persona style and by how often it was asked already.
 */

export interface PhraseContext {
  language: PersonaLanguage;
  /** The conversation clock, ISO. */
  now: string;
  timeZone: string;
}

export function pick<T>(forms: readonly T[], index: number): T {
  return forms[((index % forms.length) + forms.length) % forms.length] as T;
}

const EN_NUMBERS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
const ES_NUMBERS = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once", "doce"];
const ES_MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];
const ES_WEEKDAYS = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"];
const ES_WEEKDAYS_PLAIN = ["lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo"];

export function numberWord(n: number, language: PersonaLanguage): string {
  const words = language === "es" ? ES_NUMBERS : EN_NUMBERS;
  return words[n] ?? String(n);
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}

/** "tmrw", "this saturday", "11/28", "Nov 28", "the 28th", "el sábado 28", "28 de noviembre"… */
export function dateForms(date: string, ctx: PhraseContext): string[] {
  const today = DateTime.fromISO(ctx.now, { zone: ctx.timeZone }).startOf("day");
  const day = DateTime.fromISO(date, { zone: ctx.timeZone });
  const ahead = Math.round(day.diff(today, "days").days);
  const d = day.day;
  const m = day.month;
  const weekdayIndex = day.weekday - 1;
  const forms: string[] = [];
  if (ctx.language === "es") {
    if (ahead === 1) forms.push("mañana");
    if (ahead >= 2 && ahead <= 6) forms.push(`el ${ES_WEEKDAYS[weekdayIndex]}`, `este ${ES_WEEKDAYS_PLAIN[weekdayIndex]}`);
    forms.push(`el ${d} de ${ES_MONTHS[m - 1]}`, `${d}/${m}`, `el ${ES_WEEKDAYS_PLAIN[weekdayIndex]} ${d}`);
    if (ahead <= 25) forms.push(`el ${d}`);
    return forms;
  }
  if (ahead === 1) forms.push("tmrw", "tomorrow");
  if (ahead >= 2 && ahead <= 6) forms.push(`this ${day.toFormat("cccc").toLowerCase()}`, day.toFormat("ccc").toLowerCase());
  forms.push(`${m}/${d}`, `${day.toFormat("LLL")} ${d}`, `${day.toFormat("cccc")} ${day.toFormat("LLLL")} ${ordinal(d)}`);
  if (ahead <= 25) forms.push(`the ${ordinal(d)}`);
  return forms;
}

function hourOf(hhmm: string): { h: number; min: number } {
  const [h, min] = hhmm.split(":").map(Number);
  return { h: h ?? 0, min: min ?? 0 };
}

/** "7pm", "7:30 pm", "noon", "midnight". */
function englishClock(hhmm: string, spaced = false): string {
  const { h, min } = hourOf(hhmm);
  if (h === 12 && min === 0) return "noon";
  if (h === 0 && min === 0) return "midnight";
  const h12 = h % 12 === 0 ? 12 : h % 12;
  const suffix = h < 12 ? "am" : "pm";
  return `${h12}${min ? `:${String(min).padStart(2, "0")}` : ""}${spaced ? " " : ""}${suffix}`;
}

/** "7 de la noche", "8:30 de la mañana", "mediodía", "medianoche". */
function spanishClock(hhmm: string): string {
  const { h, min } = hourOf(hhmm);
  if (h === 12 && min === 0) return "mediodía";
  if (h === 0 && min === 0) return "medianoche";
  const h12 = h % 12 === 0 ? 12 : h % 12;
  const period = h < 12 ? (h < 5 ? "de la madrugada" : "de la mañana") : h < 19 ? "de la tarde" : "de la noche";
  return `${h12}${min ? `:${String(min).padStart(2, "0")}` : ""} ${period}`;
}

function bareHour(hhmm: string): string {
  const { h, min } = hourOf(hhmm);
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${h12}${min ? `:${String(min).padStart(2, "0")}` : ""}`;
}

const military = (hhmm: string) => hhmm.replace(":", "");

export function startForms(start: string, ctx: PhraseContext): string[] {
  if (ctx.language === "es") return [`a las ${spanishClock(start)}`, `${bareHour(start)}${hourOf(start).h < 12 ? "am" : "pm"}`, `desde las ${spanishClock(start)}`];
  return [englishClock(start), `starting at ${englishClock(start, true)}`, start, `${englishClock(start)} start`];
}

export function endForms(end: string, ctx: PhraseContext): string[] {
  if (ctx.language === "es") return [`hasta las ${spanishClock(end)}`, `${bareHour(end)}${hourOf(end).h < 12 ? "am" : "pm"}`, `a las ${spanishClock(end)}`];
  const clock = englishClock(end);
  return [`til ${clock === "midnight" ? "midnite" : clock}`, clock, `until ${englishClock(end, true)}`, end];
}

/** "7pm-11pm", "7 to 11pm", "1900-2300", "de 7 a 11 de la noche"… */
export function rangeForms(start: string, end: string, ctx: PhraseContext): string[] {
  const s = hourOf(start);
  const e = hourOf(end);
  const samePeriod = s.h >= 12 === (e.h >= 12) && !(e.h === 0 && e.min === 0) && !(s.h === 12 && s.min === 0);
  if (ctx.language === "es") {
    const forms = [`de ${spanishClock(start)} a ${spanishClock(end)}`, `${bareHour(start)}${s.h < 12 ? "am" : "pm"} a ${bareHour(end)}${e.h < 12 ? "am" : "pm"}`];
    const periodOf = (h: number) => (h < 12 ? "de la mañana" : h < 19 ? "de la tarde" : "de la noche");
    if (periodOf(s.h) === periodOf(e.h) && e.h !== 0) forms.unshift(`de ${bareHour(start)} a ${bareHour(end)} ${periodOf(e.h)}`);
    return forms;
  }
  const endClock = englishClock(end);
  const forms = [
    `${englishClock(start)}-${endClock}`,
    `${englishClock(start)} til ${endClock === "midnight" ? "midnite" : endClock}`,
    `${military(start)}-${military(end)}`,
    `from ${englishClock(start, true)} to ${englishClock(end, true)}`,
  ];
  if (samePeriod) forms.splice(1, 0, `${bareHour(start)} to ${endClock}`);
  return forms;
}

export function addressForms(address: Belief["address"], ctx: PhraseContext, agencyCity: string): string[] {
  const { line1, city, state } = address;
  const ownCity = city.toLowerCase() === agencyCity.toLowerCase();
  if (ctx.language === "es") {
    return [`${line1}, ${city}`, `${line1} ${city} ${state}`, ...(ownCity ? [line1.toLowerCase()] : [])];
  }
  return [`${line1}, ${city}`, ...(ownCity ? [line1.toLowerCase()] : [`${line1.toLowerCase()} in ${city.toLowerCase()}`]), `${line1} ${city} ${state}`];
}

export function officerForms(n: number, ctx: PhraseContext): string[] {
  if (ctx.language === "es") {
    const one = n === 1;
    return [String(n), one ? "uno" : numberWord(n, "es"), one ? "un oficial" : `${numberWord(n, "es")} oficiales`, `necesito ${n}`];
  }
  const forms = [String(n), numberWord(n, "en"), `${n} officer${n === 1 ? "" : "s"}`, `we need ${numberWord(n, "en")}`];
  if (n === 2) forms.push("a couple");
  if (n === 1) forms.push("just one");
  return forms;
}

export function vehicleForms(n: number, ctx: PhraseContext): string[] {
  if (ctx.language === "es") {
    if (n === 0) return ["no", "no, sin patrulla", "no hace falta vehiculo", "no gracias"];
    return n === 1 ? ["sí, una patrulla", "si 1", "una patrulla por favor"] : [`sí, ${n} patrullas`, `${n} patrullas`];
  }
  if (n === 0) return ["no", "no vehicle needed", "nope no car", "no thanks"];
  return n === 1 ? ["yes 1", "yes one patrol car", "one car please"] : [`yes ${n}`, `${n} cars`, `${numberWord(n, "en")} vehicles`];
}

export function milesForms(miles: number, ctx: PhraseContext): string[] {
  if (ctx.language === "es") return miles === 0 ? ["0, se queda estacionada", "0"] : [`unas ${miles} millas`, String(miles)];
  return miles === 0 ? ["0 it stays parked", "0", "none, its parked"] : [`about ${miles} miles`, String(miles), `like ${miles}`];
}

export function yesNoForms(yes: boolean, ctx: PhraseContext): string[] {
  if (ctx.language === "es") return yes ? ["sí", "si", "sí, así es"] : ["no", "no señor", "nop", "no"];
  return yes ? ["yes", "yeah", "yes it is", "yep"] : ["no", "nope", "no sir", "nah"];
}

export function nameForms(name: string, ctx: PhraseContext): string[] {
  if (ctx.language === "es") return [`Me llamo ${name}`, `soy ${name}`, name, name.toLowerCase()];
  return [`My name is ${name}`, `it's ${name}`, name, name.toLowerCase()];
}

export function organizationForms(organization: string | null, ctx: PhraseContext): string[] {
  if (ctx.language === "es") {
    return organization === null
      ? ["ninguna", "es para mí", "ninguna, es personal", "no"]
      : [organization, `es para ${organization}`, `somos ${organization}`];
  }
  return organization === null
    ? ["none", "just me", "no company, it's just me", "it's personal"]
    : [organization, `it's for ${organization}`, `we're ${organization}`];
}

/** The organisation inside a longer answer ("I'm Ana Ruiz, just me"). */
export function organizationFragments(organization: string | null, ctx: PhraseContext): string[] {
  if (ctx.language === "es") {
    return organization === null ? ["es para mí", "es personal", "particular"] : [organization, `de ${organization}`, `para ${organization}`];
  }
  return organization === null ? ["just me", "no company", "it's for me personally"] : [organization, `with ${organization}`, `for ${organization}`];
}

export function postOrderForms(postOrders: string | null, ctx: PhraseContext): string[] {
  if (ctx.language === "es") return postOrders === null ? ["ninguna", "no", "nada, gracias"] : [postOrders];
  return postOrders === null ? ["none", "nope", "no instructions", "no"] : [postOrders];
}

export function confirmForms(ctx: PhraseContext): string[] {
  if (ctx.language === "es") return ["SÍ", "si", "sí, está bien", "Si perfecto"];
  return ["YES", "yes", "Yes please", "yep looks good"];
}

/** How the day of the date and its month are written in a bot's "to …" (for change questions). */
export function dateMarkers(date: string, timeZone: string): { day: number; months: string[] } {
  const value = DateTime.fromISO(date, { zone: timeZone });
  const en = value.setLocale("en-US").toFormat("LLL").toLowerCase();
  const es = value.setLocale("es-US").toFormat("LLL").toLowerCase().replace(".", "");
  return { day: value.day, months: [en, es, String(value.month)] };
}
