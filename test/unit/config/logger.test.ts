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
