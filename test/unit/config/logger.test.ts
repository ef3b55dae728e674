import { describe, expect, it } from "vitest";
import { createLogger } from "../../../config/logger.ts";

describe("createLogger", () => {
  it("never writes a full phone number or a secret", () => {
    const lines: string[] = [];
    const logger = createLogger({ destination: { write: (line: string) => lines.push(line) } });
    logger.info({ from: "+15125550123", twilioAuthToken: "tok_live_123", body: "call me at 520-555-0188" }, "sms from +15125550123");
    const output = lines.join("");
    expect(output).toContain("sms from");
    expect(output).not.toMatch(/5125550123|tok_live_123|555-0188/);
  });
});

describe("createLogger with errors", () => {
  const capture = () => {
    const lines: string[] = [];
    const logger = createLogger({ destination: { write: (line: string) => lines.push(line) } });
    return { logger, output: () => lines.join("") };
  };

  it("redacts the stack, own fields and every nested cause of a logged error", () => {
    const { logger, output } = capture();
    // A provider error that quotes the request: the number in the message (and so in the stack),
    // URL-encoded in its cause, and the customer's words in a form body.
    const root = new Error("POST /Messages.json To=%2B15205550177&Body=I+live+at+12+Elm+St failed");
    const middle = new Error("send failed for (520) 555-0166", { cause: root });
    const error = Object.assign(new Error("The 'To' number +15205550155 is not a valid phone number.", { cause: middle }), {
      status: 400,
      moreInfo: "https://www.twilio.com/docs/errors/21211",
      body: "my address is 12 Elm St",
    });
    logger.warn({ queue: "outbound", err: error }, "job failed");
    const text = output();
    expect(text).toContain("job failed");
    expect(text).toContain("21211");
    expect(text).not.toMatch(/5205550155|555-0166|5550177|Elm/);
    expect(JSON.parse(text).err.cause.cause.message).toContain("Body=[redacted]");
  });

  it("routes console output of libraries through the same redaction", async () => {
    const { logger, output } = capture();
    const { routeConsoleToLogger } = await import("../../../config/logger.ts");
    const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error };
    try {
      routeConsoleToLogger(logger);
      console.error(new Error("JWT for +15205550144 rejected"));
      console.warn("BadRequest from", "+15205550133");
    } finally {
      Object.assign(console, saved);
    }
    const text = output();
    expect(text).toContain("rejected");
    expect(text).not.toMatch(/5205550144|5205550133/);
  });
});
