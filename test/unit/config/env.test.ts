import { describe, expect, it } from "vitest";
import { resolveDeployment } from "../../../config/deployment.ts";
import { ConfigError, loadEnv } from "../../../config/env.ts";

const describeModes = (env: ReturnType<typeof loadEnv>) => resolveDeployment(env).modes;

describe("loadEnv", () => {
  it("applies local defaults and runs in sandbox mode with no credentials", () => {
    const env = loadEnv({});
    expect(env.DATABASE_URL).toBe("postgresql://postgres@127.0.0.1:5432/detaildesk");
    expect(env.REDIS_URL).toBe("redis://127.0.0.1:6379");
    expect(env.PORT).toBe(3000);
    expect(describeModes(env)).toEqual({ twilio: "sandbox", slack: "sandbox", openai: "parser", webchat: "anonymous", customerPage: "on" });
  });

  it("treats empty strings as unset", () => {
    expect(loadEnv({ TWILIO_ACCOUNT_SID: "", OPENAI_API_KEY: " " }).TWILIO_ACCOUNT_SID).toBeUndefined();
  });

  it("names every malformed or missing variable at once", () => {
    let error: unknown;
    try {
      loadEnv({ PORT: "http", DATABASE_URL: "not a url", TWILIO_ACCOUNT_SID: "XY123", SLACK_BOT_TOKEN: "xoxb-1" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const name of ["PORT", "DATABASE_URL", "TWILIO_ACCOUNT_SID", "SLACK_SIGNING_SECRET"]) {
      expect(message).toContain(name);
    }
  });

  it("switches to live modes when credentials are present", () => {
    const env = loadEnv({
      TWILIO_ACCOUNT_SID: `AC${"a".repeat(32)}`,
      TWILIO_AUTH_TOKEN: "t",
      SLACK_BOT_TOKEN: "xoxb-1",
      SLACK_SIGNING_SECRET: "s",
      OPENAI_API_KEY: "sk-1",
    });
    expect(describeModes(env)).toMatchObject({ twilio: "live", slack: "live", openai: "live" });
  });
});
