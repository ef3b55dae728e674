import type { AbuseLimits } from "./abuse-limits.ts";

/** What the stored record says about one sender, read just before acting on their next message. */
export interface SenderUsage {
  /** When each of their messages acted on within the inbound window was acted on, oldest first. */
  actedAt: Date[];
  /** When each SMS was recorded for them in their conversation in the last minute, oldest first. */
  repliedAt: Date[];
}

export type InboundGate =
  | { kind: "act" }
  /** Wait until `until`; "inbound_limit" means the sender is told once per window (see limitNotice). */
  | { kind: "wait"; until: Date; reason: "inbound_limit" | "reply_cap" };

/**
 * Whether a sender's next stored message may be acted on now, or when it may. Sliding windows:
 * the k-th oldest entry leaving the window frees the slot, so the backlog is worked off at the
 * pace the limit allows, in order.
 */
export function decideInboundGate(usage: SenderUsage, limits: AbuseLimits, now: Date): InboundGate {
  const windowMs = limits.inboundWindowMinutes * limits.minuteMs;
  const acted = usage.actedAt.filter((at) => at.getTime() > now.getTime() - windowMs);
  if (acted.length >= limits.inboundPerSender) {
    const freesAt = acted[acted.length - limits.inboundPerSender] as Date;
    return { kind: "wait", until: new Date(freesAt.getTime() + windowMs), reason: "inbound_limit" };
  }
  const replied = usage.repliedAt.filter((at) => at.getTime() > now.getTime() - limits.minuteMs);
  if (replied.length >= limits.repliesPerConversationPerMinute) {
    const freesAt = replied[replied.length - limits.repliesPerConversationPerMinute] as Date;
    return { kind: "wait", until: new Date(freesAt.getTime() + limits.minuteMs), reason: "reply_cap" };
  }
  return { kind: "act" };
}

/** The one text a sender over the inbound limit gets per window, in their language where known. */
export function limitNotice(language: string | null | undefined): string {
  return language === "es"
    ? "Recibimos sus mensajes y le responderemos en breve. No hace falta enviarlos de nuevo."
    : "We got your messages and will reply shortly. There is no need to send them again.";
}
