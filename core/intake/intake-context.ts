import type { AgencyConfig, Language, Rank } from "../agencies/index.ts";
import type { Channel } from "../messages/index.ts";
import type { Quote } from "../pricing/index.ts";
import type { QuoteRequest } from "../requests/index.ts";
import type { Extraction } from "../understanding/index.ts";
import type { CustomerDetails } from "./build-request.ts";

/** One of the customer's stored requests, for STATUS and cancelling. */
export interface CustomerRequestView {
  number: number;
  status: string;
  request: QuoteRequest;
  /** ISO instant of approval, null while not approved. */
  approvedAt: string | null;
  /** Minutes each position has worked so far (for a cancellation mid-shift); default 0. */
  minutesWorked: number;
  /** Officers holding a position, for STATUS; absent or empty before any is assigned. */
  officers?: RequestOfficerView[];
  /** The newest field note of the request's officers (text only), for STATUS; null when none. */
  latestNote?: { text: string; at: string } | null;
}

/** One officer on a customer's request, as STATUS tells the customer (last name only). */
export interface RequestOfficerView {
  rank: Rank;
  lastName: string;
  /** Where they stand on the shift; `at` is the ISO instant of the check-in or check-out. */
  attendance: { kind: "assigned" } | { kind: "checked_in"; at: string } | { kind: "checked_out"; at: string } | { kind: "no_show" };
}

/** Everything the intake needs from outside; the core reads no clock and no database. */
export interface IntakeContext {
  agency: AgencyConfig;
  now: Date;
  channel: Channel;
  customerPhone: string | null;
  /** The customer's requests, newest first. */
  requests: CustomerRequestView[];
  /** A language fixed by the caller (e.g. `converse --lang es`); otherwise detected. */
  forcedLanguage: Language | null;
  /**
   * Voice only: whether this call proved it holds the number it calls from (entered a code texted
   * to it). Caller ID can be spoofed, so an unproven voice caller hears or cancels no booking.
   * Default false. SMS senders and web chat sessions are trusted as they are, whatever this says.
   */
  callerVerified?: boolean;
  /**
   * Whether this deployment serves customers their own page (bots/customer-page), and for how
   * many days a link is valid; null or absent: it does not, and LINK says so.
   */
  customerPage?: { validDays: number } | null;
}

export interface IntakeInput {
  text: string;
  extraction: Extraction;
}

/** What a dispatcher hands back with: a note for the customer and corrections to the draft. */
export interface HandBackInput {
  /** Sent to the customer before the bot's words; null or empty for none. */
  note: string | null;
  /** Draft fields the dispatcher corrected, read by the same parser; null for none. */
  edits: Extraction | null;
}

/** Work the edge must do after saving the new state; the replies already describe it. */
export type IntakeEffect =
  | {
      kind: "submit_request";
      request: QuoteRequest;
      quote: Quote;
      customer: CustomerDetails;
      postOrders: string | null;
      /** Who the officers report to on site and their number (E.164); null parts were not given. */
      siteContact: { name: string | null; phone: string | null };
    }
  | { kind: "escalate"; reason: "asked_for_agent" | "misunderstood" }
  | { kind: "opt_out" }
  | { kind: "opt_in" }
  | { kind: "cancel_request"; requestNumber: number; feeCents: number; cancelledAt: string }
  /** LINK: the reply carries CUSTOMER_LINK_PLACEHOLDER, which the store replaces with the signed page URL. */
  | { kind: "send_customer_link" }
  /** The customer's YES (accepted) or NO to a supervisor's change of a booked request. */
  | { kind: "answer_amendment"; amendmentId: string; requestNumber: number; accepted: boolean };

/** Placeholder in a reply that the edge replaces with the stored request's number. */
export const REQUEST_NUMBER_PLACEHOLDER = "{requestNumber}";
