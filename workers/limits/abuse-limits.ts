/**
 * The abuse limits (README, "Security"), read from the environment by the composition roots.
 * Each bounds what one phone number can make the product do; none ever drops what was sent.
 */
export interface AbuseLimits {
  /** Inbound SMS acted on per sender per window (INBOUND_LIMIT_PER_SENDER, default 20). */
  inboundPerSender: number;
  /** The inbound window in minutes (INBOUND_LIMIT_WINDOW_MINUTES, default 10). */
  inboundWindowMinutes: number;
  /** SMS the bot records in one customer conversation per minute (BOT_REPLIES_PER_CONVERSATION_PER_MINUTE, default 20). */
  repliesPerConversationPerMinute: number;
  /** Slack posts in one thread per minute before the rest are coalesced (SLACK_POSTS_PER_THREAD_PER_MINUTE, default 6). */
  slackPostsPerThreadPerMinute: number;
  /** The length of a "minute" in every window above (ABUSE_LIMIT_MINUTE_MS, default 60000; tests shorten it). */
  minuteMs: number;
}

export const DEFAULT_ABUSE_LIMITS: AbuseLimits = {
  inboundPerSender: 20,
  inboundWindowMinutes: 10,
  repliesPerConversationPerMinute: 20,
  slackPostsPerThreadPerMinute: 6,
  minuteMs: 60_000,
};

/** The limits from the validated environment (config/env.ts). */
export function readAbuseLimits(env: {
  INBOUND_LIMIT_PER_SENDER: number;
  INBOUND_LIMIT_WINDOW_MINUTES: number;
  BOT_REPLIES_PER_CONVERSATION_PER_MINUTE: number;
  SLACK_POSTS_PER_THREAD_PER_MINUTE: number;
  ABUSE_LIMIT_MINUTE_MS: number;
}): AbuseLimits {
  return {
    inboundPerSender: env.INBOUND_LIMIT_PER_SENDER,
    inboundWindowMinutes: env.INBOUND_LIMIT_WINDOW_MINUTES,
    repliesPerConversationPerMinute: env.BOT_REPLIES_PER_CONVERSATION_PER_MINUTE,
    slackPostsPerThreadPerMinute: env.SLACK_POSTS_PER_THREAD_PER_MINUTE,
    minuteMs: env.ABUSE_LIMIT_MINUTE_MS,
  };
}
