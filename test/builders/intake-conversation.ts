import type { Language } from "../../core/agencies/index.ts";
import {
  type CustomerRequestView,
  createIntakeState,
  type IntakeEffect,
  type IntakeState,
  REQUEST_NUMBER_PLACEHOLDER,
  stepIntake,
  toExpectedSlot,
} from "../../core/intake/index.ts";
import type { Channel } from "../../core/messages/index.ts";
import { type Extraction, parseMessage } from "../../core/understanding/index.ts";
import { getTestAgency } from "./quote-request.ts";

/** Monday 2026-11-23, 10:00 in Tucson (America/Phoenix, UTC-7 all year). */
export const INTAKE_NOW = "2026-11-23T10:00:00-07:00";

export interface IntakeTurn {
  text: string;
  at: Date;
  extraction: Extraction;
  replies: string[];
  effects: IntakeEffect[];
  state: IntakeState;
}

export interface IntakeConversationOptions {
  /** Agency id from agencies/*.json; default tucson-az-pd. */
  agency?: string;
  /** Clock of the first message (ISO); later messages keep it unless `say(text, { at })` moves it. */
  now?: string;
  channel?: Channel;
  phone?: string | null;
  /** The customer's stored requests, newest first (STATUS and cancelling read them). */
  requests?: CustomerRequestView[];
  forcedLanguage?: Language | null;
  /** Number the first submitted request gets; default 1001. */
  firstRequestNumber?: number;
}

/**
 * A customer conversation played through parseMessage + stepIntake, the way handleCustomerTurn
 * does without the store: the parser is told what the bot asked, submitted requests are kept (so
 * STATUS and cancel see them) and their number replaces the placeholder in the replies.
 */
export class IntakeConversation {
  readonly agency;
  readonly turns: IntakeTurn[] = [];
  readonly requests: CustomerRequestView[];
  state: IntakeState = createIntakeState();
  private clock: Date;
  private nextNumber: number;

  constructor(private readonly options: IntakeConversationOptions = {}) {
    this.agency = getTestAgency(options.agency ?? "tucson-az-pd");
    this.clock = new Date(options.now ?? INTAKE_NOW);
    this.requests = structuredClone(options.requests ?? []);
    this.nextNumber = options.firstRequestNumber ?? 1001;
  }

  /** One customer message; `at` moves the clock (ISO instant), `after` advances it by milliseconds. */
  say(text: string, when: { at?: string; afterMs?: number } = {}): IntakeTurn {
    if (when.at) this.clock = new Date(when.at);
    if (when.afterMs) this.clock = new Date(this.clock.getTime() + when.afterMs);
    const now = this.clock;
    const forced = this.options.forcedLanguage ?? null;
    const extraction = parseMessage(text, {
      now,
      timeZone: this.agency.timeZone,
      expecting: toExpectedSlot(this.state.question),
      language: forced ?? this.state.language ?? undefined,
    });
    return this.apply(text, extraction);
  }

  /** Steps the intake with a given extraction (e.g. what an LLM returned) instead of the parser's. */
  apply(text: string, extraction: Extraction): IntakeTurn {
    const now = this.clock;
    const result = stepIntake(
      this.state,
      { text, extraction },
      {
        agency: this.agency,
        now,
        channel: this.options.channel ?? "sms",
        customerPhone: this.options.phone === undefined ? "+15205550142" : this.options.phone,
        requests: structuredClone(this.requests),
        forcedLanguage: this.options.forcedLanguage ?? null,
      },
    );
    let replies = result.replies.map((reply) => reply.text);
    for (const effect of result.effects) {
      if (effect.kind === "submit_request") {
        const number = this.nextNumber++;
        this.requests.unshift({ number, status: "submitted", request: effect.request, approvedAt: null, minutesWorked: 0 });
        replies = replies.map((text) => text.replaceAll(REQUEST_NUMBER_PLACEHOLDER, String(number)));
        result.state.submittedNumber = number;
      } else if (effect.kind === "cancel_request") {
        const view = this.requests.find((candidate) => candidate.number === effect.requestNumber);
        if (view) view.status = "cancelled";
      }
    }
    this.state = result.state;
    const turn: IntakeTurn = { text, at: now, extraction, replies, effects: result.effects, state: result.state };
    this.turns.push(turn);
    return turn;
  }

  /** Plays several messages at the current clock; returns their turns. */
  play(lines: readonly string[]): IntakeTurn[] {
    return lines.map((line) => this.say(line));
  }

  /** Every effect of the conversation so far, in order. */
  get effects(): IntakeEffect[] {
    return this.turns.flatMap((turn) => turn.effects);
  }

  /** Every bot reply so far, in order. */
  get replies(): string[] {
    return this.turns.flatMap((turn) => turn.replies);
  }

  /** The last bot reply, or "" when the last turn was silent. */
  get lastReply(): string {
    return this.turns.at(-1)?.replies.at(-1) ?? "";
  }

  get submissions() {
    return this.effects.flatMap((effect) => (effect.kind === "submit_request" ? [effect] : []));
  }
}

/** Plays `lines` through a new conversation with `options`; the conversation is returned for assertions. */
export function playIntake(lines: readonly string[], options: IntakeConversationOptions = {}): IntakeConversation {
  const conversation = new IntakeConversation(options);
  conversation.play(lines);
  return conversation;
}
