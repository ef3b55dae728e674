export { parseIsoInstant, parseValidatedIsoInstant } from "./parse-iso-instant.ts";
export { divideCeil, divideFloor, MINUTES_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from "./units.ts";
export { resolveTimeZone } from "./resolve-time-zone.ts";
