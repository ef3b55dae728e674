import { describe, expect, it } from "vitest";
import {
  CODE_TTL_MS,
  type CodeChallenge,
  createIntakeState,
  type CustomerRequestView,
  decideCodeIssue,
  type IntakeState,
  isCodeShaped,
  judgeCodeEntry,
  MAX_CODE_ATTEMPTS,
  MAX_CODES_PER_HOUR,
  resumeAfterProof,
  stepIntake,
  toExpectedSlot,
} from "../../../../core/intake/index.ts";
import type { Channel } from "../../../../core/messages/index.ts";
import { parseMessage } from "../../../../core/understanding/index.ts";
import { INTAKE_NOW } from "../../../builders/intake-conversation.ts";
import { getTestAgency, makeQuoteRequest } from "../../../builders/quote-request.ts";

const agency = getTestAgency("tucson-az-pd");
const now = new Date(INTAKE_NOW);

/** Booking #1042, approved, Tuesday evening. */
const BOOKING: CustomerRequestView = {
  number: 1042,
  status: "approved",
  request: makeQuoteRequest({
    requestedAt: "2026-11-10T09:00:00-07:00",
    start: "2026-11-24T18:00:00-07:00",
    end: "2026-11-24T22:00:00-07:00",
  }),
  approvedAt: "2026-11-11T09:00:00-07:00",
  minutesWorked: 0,
};

interface Caller {
  channel: Channel;
  verified?: boolean;
  requests?: CustomerRequestView[];
}

const contextOf = (caller: Caller) => ({
  agency,
  now,
  channel: caller.channel,
  customerPhone: caller.channel === "web" ? null : "+15205550142",
  requests: caller.requests ?? [BOOKING],
  forcedLanguage: null,
  ...(caller.verified === undefined ? {} : { callerVerified: caller.verified }),
});

/** One message through parseMessage + stepIntake, as handleCustomerTurn runs it. */
function step(state: IntakeState, text: string, caller: Caller) {
  const extraction = parseMessage(text, { now, timeZone: agency.timeZone, expecting: toExpectedSlot(state.question) });
  return stepIntake(state, { text, extraction }, contextOf(caller));
}

const joined = (result: { replies: { text: string }[] }) => result.replies.map((r) => r.text).join(" ");

describe("voice callers prove their number before bookings are read or cancelled", () => {
  it.each([
    { channel: "voice", verified: false },
    { channel: "voice", verified: undefined },
  ] as const)("STATUS from an unproven voice caller ($verified) asks for proof and reads nothing", (caller) => {
    const result = step(createIntakeState(), "status", caller);
    expect(result.state.awaitingProof).toEqual({ action: "status" });
    expect(joined(result)).not.toContain("1042");
    expect(joined(result)).toMatch(/check that this phone is yours/);
    expect(result.effects).toEqual([]);
  });

  it.each([
    { channel: "voice", verified: true },
    { channel: "sms", verified: undefined },
    { channel: "sms", verified: false },
    { channel: "web", verified: undefined },
  ] as const)("STATUS on $channel (verified: $verified) reads the bookings at once, as before", (caller) => {
    const result = step(createIntakeState(), "status", caller);
    expect(result.state.awaitingProof).toBeNull();
    expect(joined(result)).toMatch(/^#1042: approved, /);
  });

  it("a voice caller with no booking is told so without a code (nothing to protect, no text to a stranger)", () => {
    const result = step(createIntakeState(), "status", { channel: "voice", requests: [] });
    expect(result.state.awaitingProof).toBeNull();
    expect(joined(result)).toBe("You have no bookings with us yet.");
  });

  it.each([
    ["cancel my booking", null],
    ["cancel 1042", 1042],
  ] as const)("%s from an unproven voice caller waits for proof: no fee quoted, nothing pending", (text, number) => {
    const result = step(createIntakeState(), text, { channel: "voice" });
    expect(result.state.awaitingProof).toEqual({ action: "cancel", requestNumber: number });
    expect(result.state.cancel).toBeNull();
    expect(result.state.question).not.toBe("cancelConfirmation");
    expect(joined(result)).not.toMatch(/1042|fee/);
    const yes = step(result.state, "yes", { channel: "voice" });
    expect(yes.effects).toEqual([]);
  });

  it("a proof asked for lapses with the next turn", () => {
    const asked = step(createIntakeState(), "status", { channel: "voice" });
    const next = step(asked.state, "I need 2 officers saturday", { channel: "voice" });
    expect(next.state.awaitingProof).toBeNull();
    expect(next.state.slots.officers).toBe(2);
  });

  it("after the code, STATUS is read and a cancellation asks for its YES as before", () => {
    const asked = step(createIntakeState(), "status", { channel: "voice" });
    const proven = resumeAfterProof(asked.state, contextOf({ channel: "voice", verified: true }));
    expect(proven.state.awaitingProof).toBeNull();
    expect(joined(proven)).toMatch(/^#1042: approved, /);

    const cancel = step(createIntakeState(), "cancel 1042", { channel: "voice" });
    const confirming = resumeAfterProof(cancel.state, contextOf({ channel: "voice", verified: true }));
    expect(confirming.state.question).toBe("cancelConfirmation");
    expect(confirming.state.cancel?.requestNumber).toBe(1042);
    expect(joined(confirming)).toMatch(/^Cancelling booking #1042 will cost a cancellation fee of \$/);
    const yes = step(confirming.state, "yes", { channel: "voice", verified: true });
    expect(yes.effects).toEqual([expect.objectContaining({ kind: "cancel_request", requestNumber: 1042 })]);
  });

  it("a YES from a later, unproven call does not confirm a cancellation a proven call was asked about", () => {
    const cancel = step(createIntakeState(), "cancel 1042", { channel: "voice" });
    const confirming = resumeAfterProof(cancel.state, contextOf({ channel: "voice", verified: true }));
    const spoofed = step(confirming.state, "yes", { channel: "voice", verified: false });
    expect(spoofed.effects).toEqual([]);
    expect(spoofed.state.cancel).toBeNull();
    expect(joined(spoofed)).not.toMatch(/cancelled/);
  });

  it("refuses to resume for a caller who is not proven (a broken invariant)", () => {
    const asked = step(createIntakeState(), "status", { channel: "voice" });
    expect(() => resumeAfterProof(asked.state, contextOf({ channel: "voice", verified: false }))).toThrow(/not proven/);
  });

  it("does not read the number of an earlier request to an unproven voice caller", () => {
    const state: IntakeState = { ...createIntakeState(), phase: "submitted", submittedNumber: 1042, greeted: true };
    expect(joined(step(state, "hello there", { channel: "voice" }))).not.toContain("1042");
    expect(joined(step(state, "hello there", { channel: "voice", verified: true }))).toContain("1042");
    expect(joined(step(state, "hello there", { channel: "sms" }))).toContain("1042");
    const cancelled: IntakeState = { ...createIntakeState(), cancelledNumber: 1042, greeted: true };
    expect(joined(step(cancelled, "thanks", { channel: "voice" }))).not.toContain("1042");
    expect(joined(step(cancelled, "thanks", { channel: "sms" }))).toContain("1042");
  });

  it("asks in Spanish when the caller speaks Spanish", () => {
    const result = step({ ...createIntakeState(), language: "es" }, "estado", { channel: "voice" });
    expect(joined(result)).toMatch(/este teléfono es suyo/);
  });
});

describe("the one-time code", () => {
  const live: CodeChallenge = { expiresAt: new Date(now.getTime() + CODE_TTL_MS), attempts: 0, verifiedAt: null };
  const later = (ms: number) => new Date(now.getTime() + ms);

  it.each([
    ["no code on the call", null, true, now, { kind: "none" }],
    ["right", live, true, now, { kind: "proven" }],
    ["wrong, first", live, false, now, { kind: "wrong", attemptsLeft: 2 }],
    ["wrong, second", { ...live, attempts: 1 }, false, now, { kind: "wrong", attemptsLeft: 1 }],
    ["wrong, third: locks", { ...live, attempts: 2 }, false, now, { kind: "wrong", attemptsLeft: 0 }],
    ["right after three wrong", { ...live, attempts: MAX_CODE_ATTEMPTS }, true, now, { kind: "locked" }],
    ["right, one ms before expiry", live, true, later(CODE_TTL_MS - 1), { kind: "proven" }],
    ["right, at expiry", live, true, later(CODE_TTL_MS), { kind: "expired" }],
    ["right, used before", { ...live, verifiedAt: now, attempts: 1 }, true, now, { kind: "used" }],
  ] as const)("%s", (_name, challenge, matches, at, outcome) => {
    expect(judgeCodeEntry(challenge, matches, at)).toEqual(outcome);
  });

  it("lives ten minutes and allows three entries", () => {
    expect(CODE_TTL_MS).toBe(600_000);
    expect(MAX_CODE_ATTEMPTS).toBe(3);
  });

  it.each(["123456", "000000"])("%s is shaped like a code", (digits) => expect(isCodeShaped(digits)).toBe(true));
  it.each(["", "1", "12345", "1234567", "12345#", "abcdef", " 123456"])("%j is not", (digits) =>
    expect(isCodeShaped(digits)).toBe(false),
  );

  it.each([
    [{ callLockedOut: false, sentLastHour: 0, optedOut: false }, { kind: "send" }],
    [{ callLockedOut: false, sentLastHour: MAX_CODES_PER_HOUR - 1, optedOut: false }, { kind: "send" }],
    [{ callLockedOut: false, sentLastHour: MAX_CODES_PER_HOUR, optedOut: false }, { kind: "refused", reason: "too_many" }],
    [{ callLockedOut: true, sentLastHour: 0, optedOut: false }, { kind: "refused", reason: "locked_out" }],
    [{ callLockedOut: false, sentLastHour: 0, optedOut: true }, { kind: "refused", reason: "opted_out" }],
  ] as const)("issuing with %j: %j", (facts, decision) => {
    expect(decideCodeIssue(facts)).toEqual(decision);
  });
});
