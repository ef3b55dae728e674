import { describe, expect, it } from "vitest";
import { maskPhoneNumbers, maskUrlPassword, redactValue } from "../../../config/redact.ts";

describe("maskPhoneNumbers", () => {
  it.each([
    ["from +15125550123 today", "+15125550123"],
    ["call (512) 555-0123", "(512) 555-0123"],
    ["tel 512-555-0123.", "512-555-0123"],
  ])("hides the middle of %s", (text, phone) => {
    const masked = maskPhoneNumbers(text);
    expect(masked).not.toContain(phone);
    expect(masked).toMatch(/\*{3,}23/);
  });

  it("leaves short numbers, times and money alone", () => {
    expect(maskPhoneNumbers("CANCEL 1042 at 18:00 for $297.15")).toBe("CANCEL 1042 at 18:00 for $297.15");
  });

  it("leaves invoice numbers alone: they are what staff and customers quote back", () => {
    expect(maskPhoneNumbers("Invoice TUC-2026-000001 for $2,758.35")).toBe("Invoice TUC-2026-000001 for $2,758.35");
  });
});

describe("redactValue", () => {
  it("blanks secret-looking keys and masks phones in nested values", () => {
    const out = redactValue({
      authToken: "abc",
      headers: { authorization: "Bearer x", "x-twilio-signature": "sig" },
      from: "+15125550123",
      nested: [{ to: "+15205550100" }],
    });
    expect(JSON.stringify(out)).not.toMatch(/abc|Bearer x|sig"|5550123|5550100/);
  });
});

describe("maskUrlPassword", () => {
  it("replaces the password only", () => {
    expect(maskUrlPassword("postgresql://app:s3cret@db:5432/detaildesk")).toBe("postgresql://app:****@db:5432/detaildesk");
    expect(maskUrlPassword("redis://127.0.0.1:6379")).toBe("redis://127.0.0.1:6379");
  });
});

describe("redactText", () => {
  it("masks URL-encoded numbers and removes message text from forms and JSON", async () => {
    const { redactText } = await import("../../../config/redact.ts");
    const out = redactText('To=%2B15205550123&From=%2b15205550100&Body=meet+me+at+5 then {"body":"hi \\"there\\"","to":"+15205550111"}');
    expect(out).not.toMatch(/5205550123|5205550100|5205550111|meet|there/);
    expect(out).toContain("Body=[redacted]");
    expect(out).toContain('"body":"[redacted]"');
  });
});
