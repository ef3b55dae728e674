/**
 * What the intake collects, in the order it asks. Screening questions are asked only when the
 * agency has a rule for that flag; post orders are optional (asked once, "none" is an answer).
 * The site contact is asked last: officers must know whom to report to on site and how to call them.
 */
export type SlotName =
  | "date"
  | "start"
  | "end"
  | "address"
  | "officers"
  | "eventType"
  | "vehicles"
  | "vehicleMiles"
  | "armedPrivateSecurity"
  | "civilLegalService"
  | "bodyguardOrBouncer"
  | "alcoholPrincipalBusiness"
  | "customerName"
  | "organization"
  | "postOrders"
  | "siteContact";

export type ScreeningFlag = "armedPrivateSecurity" | "civilLegalService" | "bodyguardOrBouncer" | "alcoholPrincipalBusiness";

export const SCREENING_FLAGS: readonly ScreeningFlag[] = [
  "armedPrivateSecurity",
  "civilLegalService",
  "bodyguardOrBouncer",
  "alcoholPrincipalBusiness",
];

export interface Address {
  line1: string;
  city: string | null;
  state: string | null;
}

/** Everything the customer has told us so far; null = not answered yet. */
export interface Slots {
  /** Local calendar date of the start, YYYY-MM-DD in the agency's time zone. */
  date: string | null;
  /** Local start time HH:MM. */
  startTime: string | null;
  /** Local end time HH:MM (may be on the next day). */
  endTime: string | null;
  /** Alternative to endTime: shift length in minutes. */
  durationMinutes: number | null;
  address: Address | null;
  officers: number | null;
  eventType: string | null;
  /** The job in the customer's own words when their language is not English (summaries show it). */
  jobWords: string | null;
  category: "regular" | "major_event" | "critical_need" | null;
  vehicles: number | null;
  /** Miles per vehicle of moving use; only asked where the agency prices mileage. */
  vehicleMiles: number | null;
  flags: Record<ScreeningFlag, boolean | null>;
  customerName: string | null;
  organization: string | null;
  /** Instructions for the officers; "" means the customer has none. */
  postOrders: string | null;
  /** Who the officers report to on site; null = not given yet. */
  siteContactName: string | null;
  /**
   * Their callback number, E.164 (+15205550111); "" = the customer said there is none. The site
   * contact question is answered once this is set (absent in states stored before it existed).
   */
  siteContactPhone: string | null;
}

export function createEmptySlots(): Slots {
  return {
    date: null,
    startTime: null,
    endTime: null,
    durationMinutes: null,
    address: null,
    officers: null,
    eventType: null,
    jobWords: null,
    category: null,
    vehicles: null,
    vehicleMiles: null,
    flags: { armedPrivateSecurity: null, civilLegalService: null, bodyguardOrBouncer: null, alcoholPrincipalBusiness: null },
    customerName: null,
    organization: null,
    postOrders: null,
    siteContactName: null,
    siteContactPhone: null,
  };
}
