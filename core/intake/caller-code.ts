/**
 * The one-time code that proves a voice caller holds the number they call from: its length,
 * lifetime and limits, and what an entry on the keypad means. Pure: the edge generates the code,
 * compares hashes and passes the time in.
 */

/** Digits in a code (entered on the keypad). */
export const CODE_DIGITS = 6;
/** How long a texted code can be entered: 10 minutes. */
export const CODE_TTL_MS = 10 * 60_000;
/** Entries a code allows; the last wrong one locks the call out of codes. */
export const MAX_CODE_ATTEMPTS = 3;
/** Codes texted to one number per hour, whoever calls: a spoofer can't flood the real owner with texts. */
export const MAX_CODES_PER_HOUR = 3;

/** A code as the edge stored it (its hash stays at the edge). */
export interface CodeChallenge {
  expiresAt: Date;
  /** Entries made so far (right or wrong). */
  attempts: number;
  /** When it was entered right; a code proves one call once. */
  verifiedAt: Date | null;
}

export type CodeEntryOutcome =
  | { kind: "proven" }
  /** attemptsLeft 0: this entry used the last attempt, and the call is now locked out of codes. */
  | { kind: "wrong"; attemptsLeft: number }
  /** The code's attempts were used up before this entry (which is not compared at all). */
  | { kind: "locked" }
  | { kind: "expired" }
  | { kind: "used" }
  /** No code was sent on this call. */
  | { kind: "none" };

/** Whether keypad digits have the shape of a code: anything else is re-prompted and costs no attempt. */
export function isCodeShaped(digits: string): boolean {
  return new RegExp(`^\\d{${CODE_DIGITS}}$`).test(digits);
}

/**
 * What one well-formed entry means for the call's newest code. `matches` is the edge's
 * constant-time comparison of the entry with the stored hash; it counts only for a live code.
 */
export function judgeCodeEntry(challenge: CodeChallenge | null, matches: boolean, now: Date): CodeEntryOutcome {
  if (!challenge) return { kind: "none" };
  if (challenge.verifiedAt !== null) return { kind: "used" };
  if (challenge.attempts >= MAX_CODE_ATTEMPTS) return { kind: "locked" };
  if (now.getTime() >= challenge.expiresAt.getTime()) return { kind: "expired" };
  if (matches) return { kind: "proven" };
  return { kind: "wrong", attemptsLeft: MAX_CODE_ATTEMPTS - challenge.attempts - 1 };
}

export type CodeIssueDecision = { kind: "send" } | { kind: "refused"; reason: "locked_out" | "too_many" | "opted_out" };

/**
 * Whether to text a new code: never again on a call that used up a code's attempts (asking anew
 * would multiply the guesses), never past the hourly cap for the number, never to an opted-out number.
 */
export function decideCodeIssue(facts: { callLockedOut: boolean; sentLastHour: number; optedOut: boolean }): CodeIssueDecision {
  if (facts.callLockedOut) return { kind: "refused", reason: "locked_out" };
  if (facts.optedOut) return { kind: "refused", reason: "opted_out" };
  if (facts.sentLastHour >= MAX_CODES_PER_HOUR) return { kind: "refused", reason: "too_many" };
  return { kind: "send" };
}
