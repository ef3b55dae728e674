import type { AuthorizeResult } from "@slack/bolt";

/** Who our bot is in the workspace (auth.test's `user_id` and `bot_id`). */
export interface BotIdentity {
  botUserId: string;
  botId: string;
}

/** While the identity is unknown, auth.test is tried again at most this often (ms); default 30 s. */
export const IDENTITY_RETRY_MS = 30_000;

/**
 * Bolt's `authorize` for our one workspace, answered from configuration so that no incoming
 * request waits on Slack. Bolt's own single-token authorize calls auth.test on every request
 * (with token verification off, as ours must be) and, when Slack cannot be reached, answers the
 * request with an empty 200 and runs no listener: an approve click or `/detail` was silently
 * lost. The bot token is ours already; only the bot's ids (which Bolt's ignoreSelf uses to skip
 * our own messages; our listeners also skip any message with a bot_id) come from auth.test,
 * looked up once in the background and cached, and looked up again at most every `retryMs`
 * while unknown. `authorize` therefore never rejects and never waits for Slack.
 */
export function createBotIdentityCache(input: {
  token: string;
  lookUp: () => Promise<BotIdentity>;
  onLookUpFailed: (error: unknown) => void;
  now?: () => number;
  retryMs?: number;
}): { authorize: () => Promise<AuthorizeResult>; warmUp(): void; identity(): BotIdentity | null } {
  const now = input.now ?? Date.now;
  const retryMs = input.retryMs ?? IDENTITY_RETRY_MS;
  let known: BotIdentity | null = null;
  let inFlight = false;
  let lastTriedAt = Number.NEGATIVE_INFINITY;

  const warmUp = () => {
    if (known || inFlight || now() - lastTriedAt < retryMs) return;
    inFlight = true;
    lastTriedAt = now();
    input
      .lookUp()
      .then((identity) => {
        known = identity;
      })
      .catch(input.onLookUpFailed)
      .finally(() => {
        inFlight = false;
      });
  };

  return {
    authorize: async () => {
      warmUp();
      return { botToken: input.token, ...(known ?? {}) };
    },
    warmUp,
    identity: () => known,
  };
}
