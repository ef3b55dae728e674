import { randomBytes, randomInt, scrypt, timingSafeEqual } from "node:crypto";
import type { AgencyConfig, Language } from "../../core/agencies/index.ts";
import {
  CODE_DIGITS,
  CODE_TTL_MS,
  type CodeEntryOutcome,
  decideCodeIssue,
  isCodeShaped,
  judgeCodeEntry,
} from "../../core/intake/index.ts";
import type { Logger } from "../../config/logger.ts";
import type { CallerVerificationStore } from "../../prisma/repositories/caller-verification-store.ts";
import { getVerificationTexts } from "./verification-texts.ts";

/**
 * scrypt cost: about 30-50 ms per hash, so guessing a stolen hash's 10^6 codes takes hours while
 * a code lives 10 minutes. N=2^14, r=8 (16 MB).
 */
const SCRYPT = { N: 16_384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const KEY_BYTES = 32;

function deriveKey(code: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(code, salt, KEY_BYTES, SCRYPT, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** `scrypt$<salt>$<key>` (base64url): what is stored instead of the code. */
export async function hashCode(code: string): Promise<string> {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString("base64url")}$${(await deriveKey(code, salt)).toString("base64url")}`;
}

/** Constant-time comparison of an entry with a stored hash; a malformed hash matches nothing. */
export async function codeMatches(code: string, stored: string): Promise<boolean> {
  const [scheme, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !key) return false;
  const expected = Buffer.from(key, "base64url");
  const actual = await deriveKey(code, Buffer.from(salt, "base64url"));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Six random digits, leading zeros kept. */
function generateCode(): string {
  return String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, "0");
}

export type CodeSendResult = { kind: "sent" } | { kind: "refused"; reason: "locked_out" | "too_many" | "opted_out" | "unavailable" };

export type CodeEntryResult = { language: Language; outcome: CodeEntryOutcome | { kind: "malformed" } };

export interface CallerVerificationDeps {
  store: CallerVerificationStore;
  /** Queues delivery of a conversation's recorded SMS (the send-sms job); absent = codes can't be sent. */
  deliverSms?(conversationId: string, key: string): Promise<void>;
  logger: Logger;
}

/**
 * Proof that a voice caller holds the number they call from: a code texted to that number (the
 * number on file, whoever is really calling) and entered on the keypad in the same call. The code
 * is never logged, spoken or stored: only its hash is kept, and the SMS carrying it.
 */
export class CallerVerification {
  constructor(private readonly deps: CallerVerificationDeps) {}

  isProven(callSid: string, phone: string): Promise<boolean> {
    return this.deps.store.isProven(callSid, phone);
  }

  /** Texts a new code for this call through the normal outbound path, unless the limits say no. */
  async sendCode(input: {
    agency: AgencyConfig;
    conversationId: string;
    phone: string;
    callSid: string;
    language: Language;
    now: Date;
  }): Promise<CodeSendResult> {
    const { deliverSms } = this.deps;
    if (!deliverSms) {
      this.deps.logger.warn("voice caller verification has no SMS delivery configured; no code sent");
      return { kind: "refused", reason: "unavailable" };
    }
    const facts = await this.deps.store.readIssueFacts({
      agencyId: input.agency.id,
      phone: input.phone,
      callSid: input.callSid,
      since: new Date(input.now.getTime() - 3600_000),
    });
    const decision = decideCodeIssue(facts);
    if (decision.kind === "refused") return decision;
    const code = generateCode();
    await this.deps.store.issue({
      agencyId: input.agency.id,
      phone: input.phone,
      callSid: input.callSid,
      conversationId: input.conversationId,
      codeHash: await hashCode(code),
      language: input.language,
      expiresAt: new Date(input.now.getTime() + CODE_TTL_MS),
      body: getVerificationTexts(input.language).codeSms(input.agency.name, code),
      at: input.now,
    });
    await deliverSms(input.conversationId, `verify-${input.callSid}-${input.now.getTime()}`);
    return { kind: "sent" };
  }

  /** Judges one keypad entry against the call's newest code and records it. */
  async checkEntry(input: { callSid: string; phone: string; digits: string; now: Date }): Promise<CodeEntryResult> {
    const challenge = await this.deps.store.findLatest(input.callSid, input.phone);
    const language: Language = challenge?.language === "es" ? "es" : "en";
    if (!isCodeShaped(input.digits)) return { language, outcome: { kind: "malformed" } };
    // Hashing only a live code's entry keeps scrypt's cost off entries that can't succeed.
    const live = challenge !== null && judgeCodeEntry(challenge, true, input.now).kind === "proven";
    const matches = live && challenge !== null ? await codeMatches(input.digits, challenge.codeHash) : false;
    const outcome = judgeCodeEntry(challenge, matches, input.now);
    if (challenge && (outcome.kind === "proven" || outcome.kind === "wrong")) {
      const counted = await this.deps.store.recordEntry(challenge, outcome.kind === "proven", input.now);
      // Another entry was counted at the same moment (a replayed webhook): this one counts for
      // nothing and the caller is asked again.
      if (!counted) return { language, outcome: { kind: "malformed" } };
    }
    return { language, outcome };
  }
}
