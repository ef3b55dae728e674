import type { Env } from "../../config/env.ts";

/** Used only in sandbox mode; `npm start` prints the secret so a local user can sign clicks. */
export const SANDBOX_SLACK_TOKEN = "xoxb-sandbox";
export const SANDBOX_SLACK_SIGNING_SECRET = "sandbox-slack-signing-secret";

export interface SlackSettings {
  mode: "live" | "sandbox";
  token: string;
  signingSecret: string;
  /** Web API base address ending in /api/ (Slack's, SLACK_API_URL, or the sandbox stand-in). */
  apiUrl(): string;
}

/**
 * Slack credentials and Web API address. The address is a function because in sandbox mode the
 * stand-in is served by this process, whose port is known only once it listens (PORT=0).
 */
export function resolveSlackSettings(env: Env, listeningPort: () => number): SlackSettings {
  const withSlash = (url: string) => (url.endsWith("/") ? url : `${url}/`);
  if (env.SLACK_BOT_TOKEN && env.SLACK_SIGNING_SECRET) {
    const apiUrl = withSlash(env.SLACK_API_URL ?? "https://slack.com/api/");
    return {
      mode: "live",
      token: env.SLACK_BOT_TOKEN,
      signingSecret: env.SLACK_SIGNING_SECRET,
      apiUrl: () => apiUrl,
    };
  }
  return {
    mode: "sandbox",
    token: SANDBOX_SLACK_TOKEN,
    signingSecret: env.SLACK_SIGNING_SECRET ?? SANDBOX_SLACK_SIGNING_SECRET,
    apiUrl: () => withSlash(env.SLACK_API_URL ?? `http://127.0.0.1:${listeningPort()}/sandbox/slack/api/`),
  };
}
