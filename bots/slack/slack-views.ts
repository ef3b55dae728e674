import type { Rank } from "../../core/agencies/index.ts";
import type { Quote } from "../../core/pricing/index.ts";
import type { Address } from "../../core/requests/index.ts";

/** Action ids of the Slack buttons and modal callbacks: a contract with Slack (and the demo). */
export const ACTIONS = {
  approve: "approve_request",
  deny: "deny_request",
  ask: "ask_customer",
  takeOver: "take_over",
  handBack: "hand_back",
  /** Supervisor controls on an approved card (value: the request id). */
  rebroadcast: "rebroadcast_request",
  assign: "assign_officer",
  edit: "edit_request",
  cancel: "cancel_request",
  /** The officer picker inside the assign modal: choosing one re-renders its eligibility. */
  pickOfficer: "assign_officer_pick",
  /** Hand back with a note or draft corrections: opens the hand-back modal (value: the conversation id). */
  handBackWithNote: "hand_back_note",
} as const;

export const MODALS = {
  deny: "deny_request_modal",
  ask: "ask_customer_modal",
  cancel: "cancel_request_modal",
  assign: "assign_officer_modal",
  edit: "edit_request_modal",
  handBack: "hand_back_modal",
} as const;

/** Block ids of the hand-back modal's inputs (each input's action id is the same as its block's). */
export const HAND_BACK_INPUT = {
  note: "hand_back_note",
  date: "hand_back_date",
  times: "hand_back_times",
  address: "hand_back_address",
  officers: "hand_back_officers",
} as const;

/** Block and action ids of the single text input in the deny/ask/cancel modals. */
export const MODAL_INPUT = { block: "text_block", action: "text_input" } as const;

/** Block and action ids of the assign modal: the officer picker and the override reason. */
export const ASSIGN_INPUT = {
  officerBlock: "officer_block",
  eligibilityBlock: "eligibility_block",
  overrideBlock: "override_block",
  overrideAction: "override_input",
} as const;

export type ApproverRole = "supervisor" | "chief";

export interface ApprovalView {
  role: ApproverRole;
  decision: "pending" | "approved" | "denied" | "escalated";
  /** Slack user id of who decided. */
  decidedBy: string | null;
  decidedAt: Date | null;
  reason: string | null;
}

/** Everything the approval card of one request shows (loaded from the database). */
export interface RequestCardView {
  requestId: string;
  number: number;
  agencyName: string;
  /** IANA zone of the agency: every time on the card is shown in it. */
  timeZone: string;
  status: string;
  customer: {
    name: string | null;
    organization: string | null;
    /** Phone number or web-chat id, as the customer reached us. */
    contact: string | null;
    channel: "sms" | "voice" | "web" | null;
  };
  start: Date;
  end: Date;
  /** When the customer confirmed; the lead time is start − requestedAt. */
  requestedAt: Date | null;
  address: Address | null;
  eventType: string | null;
  vehicles: number;
  vehicleMiles: number;
  /** The latest quote snapshot (positions by rank, lines, total, screening). */
  quote: Quote;
  approvals: ApprovalView[];
  /** Filled and total positions once approved; null before. */
  staffing: { filled: number; total: number } | null;
  /** Officers holding (or who held) a position: assigned, checked in or out, no-show. */
  officers: AssignedOfficerView[];
  /** Who the officers report to on site, as the customer gave it; null when not given. */
  siteContact: { name: string | null; phone: string | null } | null;
  cancelledAt: Date | null;
  /** Slack user id of the supervisor who cancelled on the agency's behalf; null when the customer did. */
  cancelledBy: string | null;
}

/** One officer on a request, as the card and `/detail status` list them. */
export interface AssignedOfficerView {
  name: string;
  badge: string;
  rank: Rank;
  /** Assignment status: assigned, checked_in, checked_out, no_show. */
  status: string;
}

/** The root message of a dispatcher thread for an escalated conversation. */
export interface DispatchThreadView {
  conversationId: string;
  agencyName: string;
  /** IANA zone of the agency: transcript times are shown in it. */
  timeZone: string;
  channel: "sms" | "voice" | "web";
  /** Phone number or web-chat id of the customer. */
  participant: string;
  reason: "asked_for_agent" | "misunderstood" | "voicemail" | "flagged";
  holder: "bot" | "dispatcher";
  /** Slack user id of the dispatcher holding it. */
  holderId: string | null;
}

/** One line of a transcript posted in a dispatcher thread. */
export interface TranscriptLine {
  direction: "inbound" | "outbound";
  body: string;
  at: Date;
  /** Recording link of a voicemail. */
  mediaUrl?: string | null;
}

/** One staffed shift for `/detail today`. */
export interface TodayShiftView {
  number: number;
  start: Date;
  end: Date;
  where: string;
  officers: { name: string; badge: string; rank: Rank; status: string }[];
}

/** One officer for `/detail officer`. */
export interface OfficerView {
  /** The roster row (the "Edit" button's value). */
  id: string;
  name: string;
  badge: string;
  rank: Rank;
  phone: string;
  active: boolean;
  upcoming: { number: number; start: Date; status: string }[];
}
