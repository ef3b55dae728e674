import type { Language } from "../agencies/index.ts";
import type { ScreeningFlag } from "./slots.ts";
import { TEXTS_EN } from "./texts-en.ts";
import { TEXTS_ES } from "./texts-es.ts";

/** Every sentence the intake bot says, per language; functions take the variable parts. */
export interface IntakeTexts {
  greeting(agencyName: string): string;
  ask: {
    date: string;
    start: string;
    end: string;
    address: string;
    officers: string;
    eventType: string;
    vehicles: string;
    vehicleMiles: string;
    armedPrivateSecurity: string;
    civilLegalService: string;
    bodyguardOrBouncer: string;
    alcoholPrincipalBusiness: string;
    customerName: string;
    organization: string;
    postOrders: string;
    siteContact: string;
  };
  /** The site contact's name is known, their number is not. */
  askSiteContactPhone(name: string): string;

  /** Several missing answers asked together, to save round trips. */
  askTogether: {
    whenWhere: string;
    dateTimes: string;
    times: string;
    officersJob: string;
    nameOrganization: string;
    /** The site contact and the post orders: both are what the officers need on arrival. */
    siteContactPostOrders: string;
  };
  /** The screening questions as one, items numbered. */
  screeningQuestion(items: string[]): string;
  screeningItems: Record<ScreeningFlag, string>;
  screeningWhich: string;
  confirmChange(change: string): string;
  changeKept: string;
  restarted: string;
  refusedAgain: string;
  refusedAlternatives: string;
  closing: string;
  cancelledClosing(number: string): string;
  /** An ambiguous relative date, echoed with the full date it was read as. */
  readAs(phrase: string, date: string): string;
  notUnderstood(question: string): string;
  dateInPast: string;
  tooLong: string;
  tooManyVehicles: string;
  officersOutOfRange: string;
  summaryTitle: string;
  summaryLines(facts: SummaryFacts): string[];
  quoteLine(total: string, parts: string): string;
  approvalNote(reasons: string): string;
  confirmPrompt: string;
  changed(changes: string): string;
  askWhatToChange: string;
  submitted(number: string): string;
  refused(reasons: string): string;
  offerWithoutVehicle(reason: string): string;
  refusedNoVehicleChoice: string;
  help: string;
  escalated: string;
  escalatedMisunderstood: string;
  /** Said when a dispatcher hands the conversation back to the bot. */
  backFromDispatcher: string;
  heldByDispatcher: string;
  optedIn: string;
  optedOutWeb: string;
  statusNone: string;
  statusLine(number: string, status: string, when: string): string;
  /** After a hand back: what the draft already holds ("Sat Dec 19, 7:00 PM to 12:00 AM at 1500 N Stone Ave"). */
  draftKnown(facts: string): string;
  /** STATUS of one booking: an officer ("Sgt. Alvarez") and where they stand. */
  statusOfficer(name: string, state: string): string;
  /** Where an assigned officer stands; times are local ("6:02 PM"). */
  officerStates: { assigned: string; checkedIn(time: string): string; checkedOut(time: string): string; noShow: string };
  /** The latest field note of the booking's officers, shortened. */
  statusNote(text: string): string;
  /** Heads the one-line list of the customer's other bookings under the detailed one. */
  statusOthers: string;
  cancelWhich(numbers: string): string;
  cancelNotFound(number: string): string;
  cancelNotCancellable(number: string, status: string): string;
  cancelConfirm(number: string, fee: string): string;
  cancelDone(number: string, fee: string): string;
  cancelKept(number: string): string;
  welcomeBack(summary: string): string;
  expired: string;
  afterSubmit(number: string): string;
  /** afterSubmit for a voice caller not yet proven to hold the number: no booking number in it. */
  afterSubmitUnproven: string;
  /** A voice caller asked for their bookings: the number must be proven first (the edge texts a code). */
  proofNeeded: string;
  /** Proven with nothing waiting for it. */
  proofAccepted: string;
  yesNoHint: string;
  money: { labor: string; vehicle: string; admin: string };
  statusNames: Record<string, string>;
}

export interface SummaryFacts {
  when: string;
  officers: string;
  where: string;
  job: string;
  vehicles: string;
  contact: string;
  postOrders: string | null;
  /** "Ann Lee, 520-555-0111"; null when none was given. */
  siteContact: string | null;
}

export function getTexts(language: Language): IntakeTexts {
  return language === "es" ? TEXTS_ES : TEXTS_EN;
}
