import { ConfigError, type Env } from "./env.ts";

/**
 * How each platform runs. `sandbox` means a built-in stand-in that needs no credentials; `off`
 * means a live deployment left that platform unconfigured, so its routes do not exist at all.
 */
export interface Modes {
  twilio: "live" | "sandbox" | "off";
  slack: "live" | "sandbox" | "off";
  openai: "live" | "parser";
  webchat: "authenticated" | "anonymous" | "off";
  /** The customers' own pages (/c/<token>): signed with CUSTOMER_LINK_SECRET, or the sandbox's public one. */
  customerPage: "on" | "off";
}

export interface Deployment {
  /** True only when no platform has credentials: every platform then runs against its stand-in. */
  sandbox: boolean;
  modes: Modes;
  /** The interface the HTTP server listens on. */
  host: string;
  /** One line per platform a live deployment turned off, for the start log. */
  disabled: string[];
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Sandbox is all-or-nothing: the stand-ins accept requests signed with public defaults and show
 * customers' messages, so they may exist only when nothing is live and only on loopback. A live
 * deployment with a platform left unconfigured (a phone line first, Slack later) runs without
 * that platform rather than with its stand-in.
 */
export function resolveDeployment(env: Env): Deployment {
  const live = {
    twilio: Boolean(env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN),
    slack: Boolean(env.SLACK_BOT_TOKEN && env.SLACK_SIGNING_SECRET),
    webchat: Boolean(env.MICROSOFT_APP_ID && env.MICROSOFT_APP_PASSWORD),
  };
  const sandbox = !live.twilio && !live.slack && !live.webchat;
  const openai = env.OPENAI_API_KEY ? "live" : "parser";
  const host = env.HOST ?? (sandbox ? "127.0.0.1" : "0.0.0.0");
  const publicHost = env.PUBLIC_BASE_URL ? new URL(env.PUBLIC_BASE_URL).hostname : "localhost";
  // Reachable from this machine only: nothing listens elsewhere and no public address forwards here.
  const closed = isLoopbackHost(host) && isLoopbackHost(publicHost);
  if (sandbox) {
    const problems: string[] = [];
    if (!isLoopbackHost(host)) {
      problems.push(
        `HOST: sandbox mode (no Twilio, Slack or Bot Framework credentials) listens on loopback only, not ${host}; its stand-ins accept anyone`,
      );
    }
    if (!isLoopbackHost(publicHost)) {
      problems.push(
        `PUBLIC_BASE_URL: sandbox mode serves its stand-ins on this machine only, not at ${publicHost}; set live credentials (TWILIO_*, SLACK_*, MICROSOFT_APP_*) to go public`,
      );
    }
    if (problems.length > 0) throw new ConfigError(problems);
    return { sandbox, host, modes: { twilio: "sandbox", slack: "sandbox", openai, webchat: "anonymous", customerPage: "on" }, disabled: [] };
  }
  const disabled: string[] = [];
  if (!live.twilio) disabled.push("Twilio is not configured (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN): the SMS and voice lines are off");
  if (!live.slack) {
    disabled.push(
      "Slack is not configured (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET): approval cards and dispatcher threads are off; requests wait for approval",
    );
  }
  // Bot Framework without credentials accepts anyone, so only a server nobody else can reach runs it.
  if (!live.webchat && !closed) {
    disabled.push(
      "Bot Framework is not configured (MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD): web chat is off (it runs anonymous only on HOST=127.0.0.1 with a loopback PUBLIC_BASE_URL)",
    );
  }
  // The sandbox's link secret is public: a live deployment signs with its own or serves no pages.
  if (!env.CUSTOMER_LINK_SECRET) {
    disabled.push("CUSTOMER_LINK_SECRET is not set: customers' own pages (/c/...) are off and LINK answers that online access is not available");
  }
  return {
    sandbox,
    host,
    modes: {
      twilio: live.twilio ? "live" : "off",
      slack: live.slack ? "live" : "off",
      openai,
      webchat: live.webchat ? "authenticated" : closed ? "anonymous" : "off",
      customerPage: env.CUSTOMER_LINK_SECRET ? "on" : "off",
    },
    disabled,
  };
}
