import type { Language } from "../agencies/index.ts";

type Noun = "officer" | "sergeant" | "commander" | "vehicle" | "hour" | "mile";

/** Singular and plural of every counted noun the bot says, per language. */
const NOUNS: Record<Noun, Record<Language, [string, string]>> = {
  officer: { en: ["officer", "officers"], es: ["oficial", "oficiales"] },
  sergeant: { en: ["sergeant", "sergeants"], es: ["sargento", "sargentos"] },
  commander: { en: ["commander", "commanders"], es: ["comandante", "comandantes"] },
  vehicle: { en: ["vehicle", "vehicles"], es: ["vehículo", "vehículos"] },
  hour: { en: ["hour", "hours"], es: ["hora", "horas"] },
  mile: { en: ["mile", "miles"], es: ["milla", "millas"] },
};

/** 1 → "1 officer", 3 → "3 officers" ("1 oficial", "3 oficiales"). */
export function countNoun(count: number, noun: Noun, language: Language): string {
  const [one, many] = NOUNS[noun][language];
  return `${count} ${count === 1 ? one : many}`;
}
