import type { Env } from "../../config/env.ts";

/** Used only in sandbox mode, where the built-in stand-in of Twilio checks them. */
export const SANDBOX_ACCOUNT_SID = `AC${"0".repeat(32)}`;
export const SANDBOX_AUTH_TOKEN = "sandbox-twilio-auth-token";

export interface TwilioSettings {
  mode: "live" | "sandbox";
  accountSid: string;
  authToken: string;
  /** Public address Twilio calls; signatures are computed over it. */
  publicBaseUrl(): string;
  /** REST API address override (the sandbox stand-in, or TWILIO_API_BASE_URL); null = Twilio's. */
  apiBaseUrl(): string | null;
}

/**
 * Twilio credentials and addresses. Addresses are functions because with PORT=0 the port is
 * known only once the server listens.
 */
export function resolveTwilioSettings(env: Env, listeningPort: () => number): TwilioSettings {
  const publicBaseUrl = () => (env.PUBLIC_BASE_URL ?? `http://localhost:${listeningPort()}`).replace(/\/$/, "");
  if (env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN) {
    return {
      mode: "live",
      accountSid: env.TWILIO_ACCOUNT_SID,
      authToken: env.TWILIO_AUTH_TOKEN,
      publicBaseUrl,
      apiBaseUrl: () => env.TWILIO_API_BASE_URL ?? null,
    };
  }
  return {
    mode: "sandbox",
    accountSid: SANDBOX_ACCOUNT_SID,
    authToken: SANDBOX_AUTH_TOKEN,
    publicBaseUrl,
    apiBaseUrl: () => `http://127.0.0.1:${listeningPort()}/sandbox/twilio`,
  };
}
