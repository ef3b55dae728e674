import type { Quote } from "../../core/pricing/index.ts";
import type { Address } from "../../core/requests/index.ts";

/** Action ids of the Slack buttons and modal callbacks: a contract with Slack (and the demo). */
export const ACTIONS = {
  approve: "approve_request",
  deny: "deny_request",
  ask: "ask_customer",
  takeOver: "take_over",
  handBack: "hand_back",
} as const;

export const MODALS = {
  deny: "deny_request_modal",
  ask: "ask_customer_modal",
} as const;

/** Block and action ids of the single text input in the deny/ask modals. */
export const MODAL_INPUT = { block: "text_block", action: "text_input" } as const;

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
  cancelledAt: Date | null;
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
  officers: { name: string; badge: string; status: string }[];
}

/** One officer for `/detail officer`. */
export interface OfficerView {
  name: string;
  badge: string;
  rank: string;
  phone: string;
  active: boolean;
  upcoming: { number: number; start: Date; status: string }[];
}
