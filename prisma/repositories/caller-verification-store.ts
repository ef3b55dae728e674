import { type CodeChallenge, MAX_CODE_ATTEMPTS } from "../../core/intake/index.ts";
import type { PrismaClient } from "../client.ts";

/** A code texted to a voice caller, as stored: the hash, never the code. */
export interface StoredChallenge extends CodeChallenge {
  id: string;
  agencyId: string;
  phone: string;
  codeHash: string;
  language: string;
  messageId: string | null;
}

/** What the text of a code reads once it has been entered: the code is of no use to anyone now. */
const SPENT_CODE_BODY = "[verification code, no longer valid]";

/**
 * One-time codes of the voice line (CallerVerification rows) and the SMS that carries each. A
 * code belongs to one call (CallSid) and one number; a call is proven when one of its codes was
 * entered right.
 */
export class CallerVerificationStore {
  constructor(private readonly prisma: PrismaClient) {}

  async isProven(callSid: string, phone: string): Promise<boolean> {
    const row = await this.prisma.callerVerification.findFirst({
      where: { callSid, phone, verifiedAt: { not: null } },
      select: { id: true },
    });
    return row !== null;
  }

  /** The call's newest code: a new code replaces the earlier ones of the call. */
  async findLatest(callSid: string, phone: string): Promise<StoredChallenge | null> {
    return this.prisma.callerVerification.findFirst({
      where: { callSid, phone },
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        agencyId: true,
        phone: true,
        codeHash: true,
        language: true,
        messageId: true,
        expiresAt: true,
        attempts: true,
        verifiedAt: true,
      },
    });
  }

  /** The facts decideCodeIssue weighs, in one round trip. */
  async readIssueFacts(input: { agencyId: string; phone: string; callSid: string; since: Date }) {
    const [locked, sent, optOut] = await this.prisma.$transaction([
      this.prisma.callerVerification.count({
        where: { callSid: input.callSid, verifiedAt: null, attempts: { gte: MAX_CODE_ATTEMPTS } },
      }),
      this.prisma.callerVerification.count({
        where: { agencyId: input.agencyId, phone: input.phone, createdAt: { gte: input.since } },
      }),
      this.prisma.optOut.findUnique({ where: { agencyId_phone: { agencyId: input.agencyId, phone: input.phone } } }),
    ]);
    return { callLockedOut: locked > 0, sentLastHour: sent, optedOut: optOut !== null };
  }

  /**
   * Stores a code's hash and records the SMS carrying it on the call's conversation, for the
   * normal outbound path (the send-sms job) to deliver to `phone`, in one transaction.
   */
  async issue(input: {
    agencyId: string;
    phone: string;
    callSid: string;
    conversationId: string;
    codeHash: string;
    language: string;
    expiresAt: Date;
    body: string;
    at: Date;
  }): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const message = await tx.message.create({
        data: {
          conversationId: input.conversationId,
          direction: "outbound",
          channel: "sms",
          from: "bot",
          to: input.phone,
          body: input.body,
          status: "recorded",
          createdAt: input.at,
        },
      });
      const challenge = await tx.callerVerification.create({
        data: {
          agencyId: input.agencyId,
          phone: input.phone,
          callSid: input.callSid,
          codeHash: input.codeHash,
          language: input.language,
          expiresAt: input.expiresAt,
          messageId: message.id,
          createdAt: input.at,
        },
      });
      await tx.auditEvent.create({
        data: {
          agencyId: input.agencyId,
          actorKind: "system",
          action: "caller.code_sent",
          entityType: "CallerVerification",
          entityId: challenge.id,
          data: { callSid: input.callSid },
          at: input.at,
        },
      });
    });
  }

  /**
   * Counts one keypad entry against the code (and marks it proven when right). Conditional on the
   * attempts read before judging, so two entries can't both count as the same attempt and a code
   * is proven at most once. False when another entry got there first.
   */
  async recordEntry(challenge: StoredChallenge, proven: boolean, at: Date): Promise<boolean> {
    const updated = await this.prisma.callerVerification.updateMany({
      where: { id: challenge.id, attempts: challenge.attempts, verifiedAt: null },
      data: { attempts: { increment: 1 }, ...(proven ? { verifiedAt: at } : {}) },
    });
    if (updated.count === 0) return false;
    const lockedOut = !proven && challenge.attempts + 1 >= MAX_CODE_ATTEMPTS;
    if (proven || lockedOut) {
      await this.prisma.auditEvent.create({
        data: {
          agencyId: challenge.agencyId,
          actorKind: "customer",
          actorId: challenge.phone,
          action: proven ? "caller.verified" : "caller.locked_out",
          entityType: "CallerVerification",
          entityId: challenge.id,
          at,
        },
      });
    }
    if (challenge.messageId) {
      // The code's text has done its work once someone entered a code: blank it in the transcript
      // dispatchers read. Only once the provider has it, or the blank text would be what is sent.
      await this.prisma.message.updateMany({
        where: { id: challenge.messageId, status: { notIn: ["recorded", "sending"] } },
        data: { body: SPENT_CODE_BODY },
      });
    }
    return true;
  }
}
