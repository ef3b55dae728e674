import { DateTime } from "luxon";
import { resolveTimeZone } from "../time/index.ts";
import type { Language } from "../agencies/index.ts";

/** 297215 → "$2,972.15". */
export function formatCents(cents: number): string {
  const dollars = Math.floor(cents / 100).toLocaleString("en-US");
  return `$${dollars}.${String(cents % 100).padStart(2, "0")}`;
}

/** A shift as a person reads it in the agency's zone: "Sat Dec 5, 6:00 PM – 11:00 PM". */
export function formatShift(startIso: string, endIso: string, timeZone: string, language: Language): string {
  const locale = language === "es" ? "es-US" : "en-US";
  const zone = resolveTimeZone(timeZone);
  const start = DateTime.fromISO(startIso, { zone }).setLocale(locale);
  const end = DateTime.fromISO(endIso, { zone }).setLocale(locale);
  const day = start.toFormat(language === "es" ? "ccc d 'de' LLL" : "ccc LLL d");
  const sameDay = start.hasSame(end, "day");
  const endText = sameDay ? end.toFormat("h:mm a") : `${end.toFormat(language === "es" ? "ccc d" : "ccc")} ${end.toFormat("h:mm a")}`;
  return `${day}, ${start.toFormat("h:mm a")} – ${endText}`;
}

/** "2026-12-05" → "Sat Dec 5" (or "sáb 5 de dic"). */
export function formatLocalDate(date: string, timeZone: string, language: Language): string {
  const value = DateTime.fromISO(date, { zone: resolveTimeZone(timeZone) }).setLocale(language === "es" ? "es-US" : "en-US");
  return value.toFormat(language === "es" ? "ccc d 'de' LLL" : "ccc LLL d");
}

/**
 * "17:00" → "5:00 PM" ("5:00 p.m." in Spanish), "00:00" → "12:00 AM": times are written the same
 * way everywhere, as formatShift writes them in the summary.
 */
export function formatLocalTime(time: string, language: Language = "en"): string {
  const [hours = 0, minutes = 0] = time.split(":").map(Number);
  if (language === "es") return DateTime.fromObject({ hour: hours % 24, minute: minutes }).setLocale("es-US").toFormat("h:mm a");
  const suffix = hours < 12 ? "AM" : "PM";
  return `${hours % 12 === 0 ? 12 : hours % 12}:${String(minutes).padStart(2, "0")} ${suffix}`;
}
