import { describe, expect, it } from "vitest";
import { readUpdatesContact } from "../../../../bots/webchat/read-updates-contact.ts";
import { readCardAction } from "../../../../bots/webchat/render-activity.ts";
import { renderWebMessage, type WebMessageContext } from "../../../../bots/webchat/render-web-message.ts";
import { getTexts } from "../../../../core/intake/index.ts";

const EN = getTexts("en");
const ES = getTexts("es");
const base: WebMessageContext = { language: "en", agencyName: "Tucson Police Department", phone: null, quoteAwaiting: false, knownContact: null };

type Card = { content: { body: { type: string; text?: string; id?: string; value?: string }[]; actions: { title: string; data: unknown }[] } };
const cardOf = (activity: ReturnType<typeof renderWebMessage>) => (activity?.attachments?.[0] as Card | undefined)?.content;

describe("web chat replies (#17)", () => {
  it("never promises a text: the submitted message says updates come here", () => {
    const text = renderWebMessage(EN.submitted("1001"), true, base)?.text ?? "";
    expect(text).toBe(
      "Thank you! Request #1001 is submitted. A supervisor will review it, and we'll message you here when officers are assigned. Ask me for STATUS here any time.",
    );
    expect(text).not.toMatch(/\btext\b/i);
  });

  it("names the number the customer gave, without promising a text to it", () => {
    const text = renderWebMessage(EN.submitted("1001"), true, { ...base, phone: "+15205550199" })?.text ?? "";
    expect(text).toContain("we'll message you here when officers are assigned (staff may call you at 520-555-0199)");
  });

  it("says it in Spanish too", () => {
    const text = renderWebMessage(ES.submitted("1001"), true, { ...base, language: "es" })?.text ?? "";
    expect(text).toContain("le avisaremos aquí cuando haya oficiales asignados. Pídame el ESTADO aquí cuando quiera.");
  });

  it("drops the intake's greeting: the chat greeted once on joining", () => {
    expect(renderWebMessage(EN.greeting("Tucson Police Department"), false, base)).toBeNull();
    expect(renderWebMessage(ES.greeting("Tucson Police Department"), false, base)).toBeNull();
  });

  it("shows the summary as a card with Confirm / Change and a contact box, without 'Reply YES'", () => {
    const summary = `Here is your request:\n• Officers: 2\n${EN.confirmPrompt}`;
    const card = cardOf(renderWebMessage(summary, true, { ...base, quoteAwaiting: true, knownContact: "520-555-0199" }));
    const words = JSON.stringify(card);
    expect(words).not.toMatch(/Reply YES/);
    expect(card?.actions.map((a) => a.title)).toEqual(["Confirm", "Change"]);
    expect(card?.body.find((b) => b.type === "Input.Text")).toMatchObject({ id: "contact", value: "520-555-0199" });
  });

  it("turns a 'Reply YES … or NO …' question into Yes / No buttons", () => {
    const card = cardOf(renderWebMessage(EN.cancelConfirm("1001", "$6.40"), true, base));
    expect(card?.body.map((b) => b.text).join(" ")).toBe("Cancelling booking #1001 will cost a cancellation fee of $6.40.");
    expect(card?.actions.map((a) => a.title)).toEqual(["Yes", "No"]);
    const es = cardOf(renderWebMessage(ES.cancelConfirm("1001", "$6.40"), true, { ...base, language: "es" }));
    expect(es?.actions.map((a) => a.title)).toEqual(["Sí", "No"]);
    expect(JSON.stringify(es)).not.toMatch(/Responda SÍ/);
  });

  it("reads the buttons back as the intake's words, with the contact typed on the card", () => {
    expect(readCardAction({ detaildesk: "confirm", contact: "520-555-0199" })).toEqual({ text: "yes", contact: "520-555-0199" });
    expect(readCardAction({ detaildesk: "no" })).toEqual({ text: "no", contact: undefined });
    expect(readCardAction({ something: "else" })).toBeNull();
  });
});

describe("readUpdatesContact", () => {
  it.each([
    ["", { kind: "none" }],
    ["(520) 555-0199", { kind: "phone", phone: "+15205550199" }],
    ["+1 520.555.0199", { kind: "phone", phone: "+15205550199" }],
    ["Maria@Example.com", { kind: "email", email: "maria@example.com" }],
    ["call me maybe", { kind: "invalid", text: "call me maybe" }],
    ["555-0199", { kind: "invalid", text: "555-0199" }],
  ])("%s", (input, expected) => {
    expect(readUpdatesContact(input)).toEqual(expected);
  });
});
