import type { Env } from "../../config/env.ts";

export interface WebChatSettings {
  /** authenticated: Bot Framework JWTs are required; anonymous: any caller (sandbox on loopback only). */
  mode: "authenticated" | "anonymous";
  appId: string | null;
  appPassword: string | null;
  /** Direct Line secret for the chat page's tokens in production; null → the local Direct Line (sandbox). */
  directLineSecret: string | null;
}

/**
 * Web chat credentials. Whether web chat runs at all is the deployment's decision
 * (config/deployment.ts): anonymous only in sandbox mode on loopback, off when live without them.
 */
export function resolveWebChatSettings(env: Env): WebChatSettings {
  if (env.MICROSOFT_APP_ID && env.MICROSOFT_APP_PASSWORD) {
    return {
      mode: "authenticated",
      appId: env.MICROSOFT_APP_ID,
      appPassword: env.MICROSOFT_APP_PASSWORD,
      directLineSecret: env.DIRECT_LINE_SECRET ?? null,
    };
  }
  return { mode: "anonymous", appId: null, appPassword: null, directLineSecret: null };
}
