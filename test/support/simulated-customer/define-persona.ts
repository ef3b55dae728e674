import {
  type AgencyId,
  NO_FLAGS,
  type Persona,
  type PersonaJob,
  type PersonaLanguage,
  type PersonaTruth,
  type ScreeningFlag,
} from "./persona.ts";

/** Monday 2026-11-23, 10:00 local: the default clock of every persona. */
export const TUCSON_NOW = "2026-11-23T10:00:00-07:00";
export const TEXAS_NOW = "2026-11-23T10:00:00-06:00";

const CITY: Record<AgencyId, { city: string; state: string; now: string }> = {
  "tucson-az-pd": { city: "Tucson", state: "AZ", now: TUCSON_NOW },
  "rockport-tx-pd": { city: "Rockport", state: "TX", now: TEXAS_NOW },
  "mesquite-tx-pd": { city: "Mesquite", state: "TX", now: TEXAS_NOW },
};

export interface PersonaSpec extends Omit<Persona, "truth" | "now"> {
  now?: string;
  truth: {
    agencyId: AgencyId;
    language: PersonaLanguage;
    date: string;
    start: string;
    end: string;
    /** Street line; city and state default to the agency's. */
    address: string | { line1: string; city: string; state: string };
    officers: number;
    job: PersonaJob;
    name: string;
    organization: string | null;
    vehicles?: number;
    vehicleMiles?: number;
    flags?: Partial<Record<ScreeningFlag, boolean>>;
    postOrders?: string | null;
    finalState?: PersonaTruth["finalState"];
    acceptsNoVehicle?: boolean;
  };
}

/** A persona with the usual defaults: the agency's city, no vehicle, no flags, no post orders, submitted. */
export function definePersona(spec: PersonaSpec): Persona {
  const home = CITY[spec.truth.agencyId];
  const { address, flags, ...truth } = spec.truth;
  const full: PersonaTruth = {
    ...truth,
    address: typeof address === "string" ? { line1: address, city: home.city, state: home.state } : address,
    flags: { ...NO_FLAGS, ...flags },
    vehicles: truth.vehicles ?? 0,
    vehicleMiles: truth.vehicleMiles ?? 0,
    postOrders: truth.postOrders ?? null,
    finalState: truth.finalState ?? "submitted",
  };
  return { ...spec, now: spec.now ?? home.now, truth: full };
}
