/**
 * A simulated customer: what is true about their booking, and how they phrase it. The simulator
 * never sees the bot's state, only its replies, and answers from the persona's beliefs.
 */

export type AgencyId = "tucson-az-pd" | "rockport-tx-pd" | "mesquite-tx-pd";
export type PersonaLanguage = "en" | "es";
export type FinalState = "submitted" | "refused";

export type ScreeningFlag = "armedPrivateSecurity" | "civilLegalService" | "bodyguardOrBouncer" | "alcoholPrincipalBusiness";

export const SCREENING_FLAG_NAMES: readonly ScreeningFlag[] = [
  "armedPrivateSecurity",
  "civilLegalService",
  "bodyguardOrBouncer",
  "alcoholPrincipalBusiness",
];

export interface PersonaAddress {
  line1: string;
  city: string;
  state: string;
}

/** The facts the customer holds: the truth, or (before a correction) what they first said. */
export interface Belief {
  /** Local date YYYY-MM-DD in the agency's zone. */
  date: string;
  /** Local HH:MM. */
  start: string;
  /** Local HH:MM; "00:00" is midnight, an end before the start is on the next day. */
  end: string;
  address: PersonaAddress;
  officers: number;
  /** Police vehicles; 0 = none. */
  vehicles: number;
  /** Miles per vehicle (Rockport prices mileage); 0 = parked. */
  vehicleMiles: number;
  flags: Record<ScreeningFlag, boolean>;
  name: string;
  /** null = none (a private person). */
  organization: string | null;
  /** null = none. */
  postOrders: string | null;
}

export interface PersonaJob {
  /** How the customer describes the job when asked. */
  answer: string;
  /** A second wording, used when asked again. */
  rephrased?: string;
  /** Words the bot's job description must contain; "a|b" accepts either (e.g. "wedding|boda"). */
  keywords: string[];
}

export interface PersonaTruth extends Belief {
  agencyId: AgencyId;
  language: PersonaLanguage;
  job: PersonaJob;
  finalState: FinalState;
  /** Mesquite keeps police cars inside the city: the answer to "continue without a vehicle?". */
  acceptsNoVehicle?: boolean;
}

/** What the simulator can be asked, read from the bot's reply text. */
export type Ask =
  | "date"
  | "start"
  | "end"
  | "address"
  | "officers"
  | "job"
  | "vehicles"
  | "vehicleMiles"
  | ScreeningFlag
  | "name"
  | "organization"
  | "postOrders"
  /** Whom the officers report to on site: these customers are it themselves (ME). */
  | "siteContact";

export interface Persona {
  id: string;
  /** One line saying who this is, for the report. */
  about: string;
  /** The clock of the whole conversation, ISO with the agency's offset. */
  now: string;
  truth: PersonaTruth;
  /** The first message, as typed. */
  first: string;
  /** Values the customer said first and corrects later (merged over the truth until the correction). */
  before?: Partial<Belief>;
  /** A correction sent instead of answering: before customer message `at` (2 = the second), or at the summary. */
  correction?: { at: number | "summary"; text: string };
  /** Literal answers to a question, used in order when asked again (the last one repeats). */
  answers?: Partial<Record<Ask | "screeningList" | "confirm", string[]>>;
  /** Picks among the generated phrasings (0..n); personas differ so the forms are spread. */
  style: number;
  /** The first message holds everything (date, times, address, officers, job, vehicle, name, org). */
  completeFirstMessage?: boolean;
}

/** The persona's beliefs before (`corrected` false) or after its correction. */
export function beliefOf(persona: Persona, corrected: boolean): Belief {
  const { truth } = persona;
  const base: Belief = {
    date: truth.date,
    start: truth.start,
    end: truth.end,
    address: truth.address,
    officers: truth.officers,
    vehicles: truth.vehicles,
    vehicleMiles: truth.vehicleMiles,
    flags: truth.flags,
    name: truth.name,
    organization: truth.organization,
    postOrders: truth.postOrders,
  };
  return corrected || !persona.before ? base : { ...base, ...persona.before };
}

/** All four flags false: the ordinary job. */
export const NO_FLAGS: Record<ScreeningFlag, boolean> = {
  armedPrivateSecurity: false,
  civilLegalService: false,
  bodyguardOrBouncer: false,
  alcoholPrincipalBusiness: false,
};
