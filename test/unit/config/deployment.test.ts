import { describe, expect, it } from "vitest";
import { resolveDeployment } from "../../../config/deployment.ts";
import { ConfigError, loadEnv } from "../../../config/env.ts";

const TWILIO = { TWILIO_ACCOUNT_SID: `AC${"a".repeat(32)}`, TWILIO_AUTH_TOKEN: "t" };
const SLACK = { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" };
const BOT = { MICROSOFT_APP_ID: "app", MICROSOFT_APP_PASSWORD: "p" };
const LINKS = { CUSTOMER_LINK_SECRET: "x".repeat(32) };
const resolve = (env: Record<string, string>) => resolveDeployment(loadEnv(env));

describe("resolveDeployment", () => {
  it("runs sandbox (every stand-in) on loopback when nothing is live", () => {
    expect(resolve({})).toEqual({
      sandbox: true,
      host: "127.0.0.1",
      modes: { twilio: "sandbox", slack: "sandbox", openai: "parser", webchat: "anonymous", customerPage: "on" },
      disabled: [],
    });
    // A language model is not a stand-in: its key alone does not make the deployment live.
    expect(resolve({ OPENAI_API_KEY: "sk-1" }).sandbox).toBe(true);
  });

  it("refuses a sandbox on a public interface or behind a public address, naming both", () => {
    expect(() => resolve({ HOST: "0.0.0.0" })).toThrow(ConfigError);
    let error: unknown;
    try {
      resolve({ HOST: "10.0.0.5", PUBLIC_BASE_URL: "https://detaildesk.example.org" });
    } catch (e) {
      error = e;
    }
    expect((error as ConfigError).problems.map((p) => p.split(":")[0])).toEqual(["HOST", "PUBLIC_BASE_URL"]);
  });

  it("turns a live deployment's unconfigured platforms off, one log line each, never to a stand-in", () => {
    const twilioOnly = resolve({ ...TWILIO, ...LINKS });
    expect(twilioOnly).toMatchObject({ sandbox: false, host: "0.0.0.0", modes: { twilio: "live", slack: "off", webchat: "off" } });
    expect(twilioOnly.disabled).toHaveLength(2);
    expect(twilioOnly.disabled.join("\n")).toMatch(/Slack is not configured[\s\S]*web chat is off/);
    expect(resolve({ ...SLACK, ...BOT }).modes).toMatchObject({ twilio: "off", slack: "live", webchat: "authenticated" });
    expect(resolve({ ...TWILIO, ...SLACK, ...BOT, ...LINKS }).disabled).toEqual([]);
  });

  it("turns the customers' pages off in a live deployment without CUSTOMER_LINK_SECRET, with one line", () => {
    const live = resolve({ ...TWILIO, ...SLACK, ...BOT });
    expect(live.modes.customerPage).toBe("off");
    expect(live.disabled).toEqual([expect.stringMatching(/^CUSTOMER_LINK_SECRET is not set: customers' own pages/)]);
    expect(resolve({ ...TWILIO, ...SLACK, ...BOT, ...LINKS }).modes.customerPage).toBe("on");
    expect(() => loadEnv({ CUSTOMER_LINK_SECRET: "too-short" })).toThrow(/CUSTOMER_LINK_SECRET: must be at least 32 characters/);
  });

  it("runs anonymous web chat in a live deployment only when nothing but this machine can reach it", () => {
    expect(resolve({ ...TWILIO, HOST: "127.0.0.1" }).modes.webchat).toBe("anonymous");
    expect(resolve({ ...TWILIO, HOST: "127.0.0.1", PUBLIC_BASE_URL: "https://detaildesk.example.org" }).modes.webchat).toBe("off");
    expect(resolve({ ...TWILIO, HOST: "::" }).modes.webchat).toBe("off");
  });
});
