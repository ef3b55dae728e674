import type { Language, Rank, RateKind } from "../agencies/index.ts";
import type { QuoteLine } from "../pricing/index.ts";

/** An invoice line as people read it: what, how much of it, at what price, for how much. */
export interface InvoiceLineText {
  description: string;
  /** "4 h 30 min", "12 mi". */
  quantity: string;
  /** Cents per unit (per hour, per mile). */
  unitCents: number;
  /** "h", "mi": what `unitCents` is per. */
  unit: string;
  amountCents: number;
}

const RANK_NAMES: Record<Language, Record<Rank, string>> = {
  en: { officer: "Officer", sergeant: "Sergeant", commander: "Commander" },
  es: { officer: "Oficial", sergeant: "Sargento", commander: "Comandante" },
};
const RATE_KIND_NAMES: Record<Language, Record<RateKind, string>> = {
  en: { regular: "regular rate", holiday: "holiday rate", emergency: "short-notice rate" },
  es: { regular: "tarifa regular", holiday: "tarifa de día festivo", emergency: "tarifa de emergencia" },
};
const WORDS: Record<Language, { vehicle: string; mileage: string; adminFee: string; hour: string; mile: string }> = {
  en: { vehicle: "Patrol vehicle", mileage: "Vehicle mileage", adminFee: "Administrative fee", hour: "h", mile: "mi" },
  es: { vehicle: "Vehículo patrulla", mileage: "Millaje del vehículo", adminFee: "Cargo administrativo", hour: "h", mile: "mi" },
};

/** 270 → "4 h 30 min"; 60 → "1 h"; 45 → "45 min". */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** One priced line (a quote's, an invoice's or a cancellation fee's) in `language`. */
export function describeInvoiceLine(line: QuoteLine, language: Language): InvoiceLineText {
  const words = WORDS[language];
  switch (line.kind) {
    case "labor":
      return {
        description: `${RANK_NAMES[language][line.rank]}, ${RATE_KIND_NAMES[language][line.rateKind]}`,
        quantity: formatMinutes(line.minutes),
        unitCents: line.unitCents,
        unit: words.hour,
        amountCents: line.amountCents,
      };
    case "vehicle":
      return { description: words.vehicle, quantity: formatMinutes(line.minutes), unitCents: line.unitCents, unit: words.hour, amountCents: line.amountCents };
    case "mileage":
      return { description: words.mileage, quantity: `${line.miles} ${words.mile}`, unitCents: line.unitCents, unit: words.mile, amountCents: line.amountCents };
    case "admin_fee":
      return { description: words.adminFee, quantity: formatMinutes(line.minutes), unitCents: line.unitCents, unit: words.hour, amountCents: line.amountCents };
  }
}
