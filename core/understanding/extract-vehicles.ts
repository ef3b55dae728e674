import type { Span } from "./message-text.ts";
import { NUMBER_PATTERN, readQuantity } from "./number-words.ts";

export interface VehicleFinding {
  /** Police vehicles asked for; 0 when the customer said none; null when not stated. */
  vehicles: number | null;
  /** Miles each vehicle drives; null when not stated. */
  vehicleMiles: number | null;
  spans: Span[];
}

const CAR =
  "(?:(?:patrol|police|squad|marked|unmarked|cop|department)\\s+(?:cars?|vehicles?|cruisers?|suvs?|trucks?|units?)|" +
  "cars?|vehicles?|cruisers?|patrullas?|(?:carros?|coches?|autos?|vehiculos?|unidades|unidad)(?:\\s+(?:de\\s+)?(?:policia|patrulla))?)" +
  "(?!\\s+(?:wash|show|dealership|dealer|lot|park|accident|crash|meet|club|rental|seat|keys|alarm|wreck|break|line|count))\\b";
/** After "with", pickups and SUVs are police vehicles too ("2 officers with trucks"); alone they are not. */
const CAR_AFTER_WITH = `(?:${CAR}|trucks?\\b|suvs?\\b)`;
const NONE = new RegExp(
  `\\b(?:no|without|w/o|don'?t need|do not need|dont need|no need for|not needing|won'?t need|will not need|sin|no necesito|no necesitamos|no ocupo|no ocupamos|no se necesita|no hace falta|no requiere)\\s+(?:an?\\s+|any\\s+|the\\s+|una?\\s+|their\\s+|su\\s+|de\\s+)?(?:own\\s+)?${CAR}|\\b${CAR}\\s+(?:is\\s+|are\\s+)?(?:not\\s+(?:needed|necessary|required)|unnecessary)|\\bon foot\\b|\\ba pie\\b`,
  "g",
);
const COUNTED = new RegExp(`\\b(${NUMBER_PATTERN})\\s+(?:more\\s+)?(${CAR})`, "g");
const EACH = new RegExp(
  `\\b(?:each|both|all|every officer|cada uno|cada quien|cada oficial|cada)\\b[^.,;]{0,25}?\\b${CAR}|\\b${CAR}\\s+(?:for\\s+)?(?:each|for both|para cada uno)\\b`,
  "g",
);
const COUNTED_WITH = new RegExp(
  `\\b(${NUMBER_PATTERN})\\s+(?:of them\\s+)?(?:with|w/|con|have|need)\\s+(?:their\\s+|own\\s+|sus\\s+)*${CAR_AFTER_WITH}`,
  "g",
);
const WITH = new RegExp(
  `(?:\\b(?:with|need|needs|plus|and|add|adding|get|bring|include|including|want|request(?:ing)?|also|con|y|mas|agrega|agregar|necesito|requiere|using|use|in)|\\+|\\bw/)\\s+(?:(an?|one|their|his|her|the|its|una?|su|sus)\\s+)?(?:own\\s+)?(${CAR_AFTER_WITH})`,
  "g",
);
const MILES = new RegExp(
  `\\b(\\d{1,4}(?:\\.\\d{1,2})?|${NUMBER_PATTERN})\\s*-?\\s*(?:miles?|mi|millas?)\\b(?!')`,
  "g",
);

const MILES_WORD = /\b(?:miles?|mi|millas?)\b/;

/**
 * Finds the vehicles and miles asked for. "2 cars" is 2; "with a car", "need a vehicle", "con patrulla"
 * is 1; "with cars", "each with a car", "with their cruisers" is one per officer when the message gives
 * the officers, else 1; "no car", "without a vehicle", "sin patrulla" is 0. "about 20 miles" is 20.
 */
export function extractVehicles(folded: string, officers: number | null): VehicleFinding {
  const spans: Span[] = [];
  let vehicles: number | null = null;
  const claim = (start: number, end: number, value: number | null): void => {
    if (spans.some((span) => span.start < end && start < span.end)) return;
    spans.push({ start, end });
    vehicles ??= value;
  };
  for (const match of folded.matchAll(NONE)) claim(match.index, match.index + match[0].length, 0);
  for (const match of folded.matchAll(COUNTED)) {
    claim(match.index, match.index + match[0].length, readQuantity(match[1] ?? ""));
  }
  for (const match of folded.matchAll(COUNTED_WITH)) {
    claim(match.index, match.index + match[0].length, readQuantity(match[1] ?? ""));
  }
  // "each car will drive about 6 miles" is about miles, not about how many cars.
  const aboutMiles = MILES_WORD.test(folded);
  for (const match of folded.matchAll(EACH)) {
    if (aboutMiles && /^(?:each|every|cada)\b/.test(match[0])) continue;
    claim(match.index, match.index + match[0].length, officers ?? 1);
  }
  for (const match of folded.matchAll(WITH)) {
    const plural = isPlural(match[2] ?? "") && match[1] === undefined;
    const possessivePlural = isPlural(match[2] ?? "") && /their|sus/.test(match[1] ?? "");
    claim(match.index, match.index + match[0].length, plural || possessivePlural ? (officers ?? 1) : 1);
  }
  let vehicleMiles: number | null = null;
  for (const match of folded.matchAll(MILES)) {
    spans.push({ start: match.index, end: match.index + match[0].length });
    const text = match[1] ?? "";
    vehicleMiles ??= /^\d/.test(text) ? Number(text) : readQuantity(text);
  }
  return { vehicles, vehicleMiles, spans };
}

function isPlural(noun: string): boolean {
  return /(?:cars|vehicles|cruisers|suvs|trucks|units|patrullas|carros|coches|autos|vehiculos|unidades)\b/.test(
    noun,
  );
}
