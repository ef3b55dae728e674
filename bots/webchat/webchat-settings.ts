import type { Env } from "../../config/env.ts";
import { ConfigError } from "../../config/env.ts";

export interface WebChatSettings {
  /** authenticated: Bot Framework JWTs are required; anonymous: any caller (local use only). */
  mode: "authenticated" | "anonymous";
  appId: string | null;
  appPassword: string | null;
  /** Direct Line secret for the chat page's tokens in production; null → the local Direct Line. */
  directLineSecret: string | null;
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/**
 * Web chat credentials. Without MICROSOFT_APP_ID the Bot Framework adapter accepts any caller,
 * so the server refuses to start that way when PUBLIC_BASE_URL points anywhere but this machine.
 */
export function resolveWebChatSettings(env: Env, options: { servesEndpoint: boolean } = { servesEndpoint: true }): WebChatSettings {
  if (env.MICROSOFT_APP_ID && env.MICROSOFT_APP_PASSWORD) {
    return {
      mode: "authenticated",
      appId: env.MICROSOFT_APP_ID,
      appPassword: env.MICROSOFT_APP_PASSWORD,
      directLineSecret: env.DIRECT_LINE_SECRET ?? null,
    };
  }
  // `npm run worker` only sends proactive messages; the refusal concerns whoever serves /api/messages.
  if (env.PUBLIC_BASE_URL && options.servesEndpoint) {
    const host = new URL(env.PUBLIC_BASE_URL).hostname;
    if (!LOOPBACK_HOSTS.has(host)) {
      throw new ConfigError([
        `MICROSOFT_APP_ID: required when PUBLIC_BASE_URL (${host}) is not a loopback address; without it /api/messages would accept anyone`,
      ]);
    }
  }
  return { mode: "anonymous", appId: null, appPassword: null, directLineSecret: null };
}
