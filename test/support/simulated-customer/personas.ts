import type { Persona } from "./persona.ts";
import { TEXAS_PERSONAS } from "./personas-texas.ts";
import { TUCSON_PERSONAS } from "./personas-tucson.ts";

/** The fixed script of simulated customers: the same conversations on every run. */
export const PERSONAS: readonly Persona[] = [...TUCSON_PERSONAS, ...TEXAS_PERSONAS];
