import { describe, expect, it } from "vitest";
import { CUSTOMER_LINK_PLACEHOLDER } from "../../../../core/customer-page/index.ts";
import { createIntakeState, type IntakeContext, stepIntake } from "../../../../core/intake/index.ts";
import { detectCommandIntent, parseMessage } from "../../../../core/understanding/index.ts";
import { getAgency } from "../../../../agencies/load-agencies.ts";

const agency = getAgency("tucson-az-pd");
if (!agency) throw new Error("tucson agency missing");
const now = new Date("2026-11-27T10:00:00-07:00");
const booking = { number: 1042, status: "staffed", request: {} as never, approvedAt: null, minutesWorked: 0 };

function say(text: string, context: Partial<IntakeContext>, language: "en" | "es" | null = null) {
  const extraction = parseMessage(text, { now, timeZone: agency!.timeZone, expecting: null });
  const state = { ...createIntakeState(), language };
  const full: IntakeContext = {
    agency: agency!,
    now,
    channel: "sms",
    customerPhone: "+15207000001",
    requests: [],
    forcedLanguage: null,
    customerPage: { validDays: 30 },
    ...context,
  };
  return stepIntake(state, { text, extraction }, full);
}

describe("LINK / ENLACE", () => {
  it("is a bot command in both languages and a few words, never an opt-out", () => {
    for (const text of ["LINK", "link", "Link.", "ENLACE", "send me my link", "nuevo enlace"]) {
      expect(detectCommandIntent(text.toLowerCase())?.intent, text).toBe("customer_link");
    }
    expect(detectCommandIntent("the link in your text is broken")?.intent ?? null).not.toBe("customer_link");
  });

  it("asks the store for a signed link when the customer has bookings", () => {
    const result = say("LINK", { requests: [booking] });
    expect(result.effects).toEqual([{ kind: "send_customer_link" }]);
    expect(result.replies.map((r) => r.text)).toEqual([
      `Here is your page with your bookings and invoices (valid 30 days): ${CUSTOMER_LINK_PLACEHOLDER}`,
    ]);
    const spanish = say("ENLACE", { requests: [booking] }, "es");
    expect(spanish.replies[0]?.text).toBe(`Aquí está su página con sus reservas y facturas (válida 30 días): ${CUSTOMER_LINK_PLACEHOLDER}`);
  });

  it("answers without a link: no booking yet, pages off, or on a phone call", () => {
    expect(say("LINK", {}).replies[0]?.text).toMatch(/no bookings with us yet/);
    expect(say("LINK", { requests: [booking], customerPage: null }).replies[0]?.text).toMatch(/Online access .* not available/);
    const voice = say("link", { requests: [booking], channel: "voice", callerVerified: true });
    expect(voice.replies[0]?.text).toMatch(/^Text LINK to this number/);
    for (const result of [say("LINK", {}), voice]) expect(result.effects).toEqual([]);
  });
});
