import { describe, expect, it } from "vitest";
import { readSiteContact, splitContactAndInstructions } from "../../../../core/intake/read-site-contact.ts";
import { IntakeConversation } from "../../../builders/intake-conversation.ts";

/** A Tucson SMS intake up to the question about the site contact and the instructions. */
const UP_TO_SITE_CONTACT = [
  "Hi, I need 2 officers Saturday 6-11pm at 4500 E Broadway Blvd, Tucson for store security",
  "no",
  "none",
  "Maria Lopez",
  "Desert Grocers",
];

describe("reading who the officers report to on site", () => {
  it.each([
    ["ME", { kind: "me", phone: null }],
    ["it's me", { kind: "me", phone: null }],
    ["yo mismo", { kind: "me", phone: null }],
    ["me, 520 555 0177", { kind: "me", phone: "+15205550177" }],
    ["Ann Lee 520-555-0111", { kind: "given", name: "Ann Lee", phone: "+15205550111" }],
    ["call Ann Lee at (520) 555-0111", { kind: "given", name: "Ann Lee", phone: "+15205550111" }],
    ["+1 520.555.0111", { kind: "given", name: null, phone: "+15205550111" }],
    ["the store manager", { kind: "given", name: "the store manager", phone: null }],
    ["nope", { kind: "none" }],
    ["who do you mean?", null],
  ] as const)("%s", (text, answer) => {
    expect(readSiteContact(text)).toEqual(answer);
  });

  it("splits a combined answer into the contact and the instructions", () => {
    expect(splitContactAndInstructions("Ann Lee 520-555-0111, park behind the store")).toEqual({
      contact: { kind: "given", name: "Ann Lee", phone: "+15205550111" },
      instructions: "park behind the store",
    });
    expect(splitContactAndInstructions("park in the back lot, ask for Ann, 520-555-0111")).toEqual({
      contact: { kind: "given", name: "Ann", phone: "+15205550111" },
      instructions: "park in the back lot",
    });
    expect(splitContactAndInstructions("none, me")).toEqual({ contact: { kind: "me", phone: null }, instructions: "" });
    // "me" and a bare number after it: the customer, reachable at that number.
    expect(splitContactAndInstructions("me, 520-555-0199, park behind the store")).toEqual({
      contact: { kind: "me", phone: "+15205550199" },
      instructions: "park behind the store",
    });
    // No number and no ME: all of it is the instructions, read as before.
    expect(splitContactAndInstructions("ask for the manager")).toBeNull();
    expect(splitContactAndInstructions("no parking on the street")).toBeNull();
  });
});

describe("intake: the site contact", () => {
  it("asks for it with the instructions, shows it in the summary and submits it", () => {
    const c = new IntakeConversation({ agency: "tucson-az-pd", phone: "+15205550142" });
    c.play(UP_TO_SITE_CONTACT);
    expect(c.lastReply).toMatch(/Who should the officers report to on site, and their phone number\? \(reply ME if it's you\)/);
    expect(c.lastReply).toMatch(/instructions/);
    c.say("Ann Lee 520-555-0111, park behind the store");
    expect(c.state.phase).toBe("confirming");
    expect(c.lastReply).toContain("• Report to on site: Ann Lee, 520-555-0111");
    expect(c.lastReply).toContain("• Instructions: park behind the store");
    c.say("yes");
    expect(c.submissions[0]?.siteContact).toEqual({ name: "Ann Lee", phone: "+15205550111" });
    expect(c.submissions[0]?.postOrders).toBe("park behind the store");
  });

  it("ME is the customer under their name and the number they text from", () => {
    const c = new IntakeConversation({ agency: "tucson-az-pd", phone: "+15205550142" });
    c.play([...UP_TO_SITE_CONTACT, "me, no instructions"]);
    expect(c.lastReply).toContain("• Report to on site: Maria Lopez, 520-555-0142");
    c.say("yes");
    expect(c.submissions[0]?.siteContact).toEqual({ name: "Maria Lopez", phone: "+15205550142" });
    expect(c.submissions[0]?.postOrders).toBeNull();
  });

  it("instructions without a contact make the texting customer the contact, and the summary says so", () => {
    const c = new IntakeConversation({ agency: "tucson-az-pd", phone: "+15205550142" });
    c.play([...UP_TO_SITE_CONTACT, "none"]);
    expect(c.state.phase).toBe("confirming");
    expect(c.lastReply).toContain("• Report to on site: Maria Lopez, 520-555-0142");
    // Changed at the summary by giving someone else's number.
    c.say("the site contact is Bob Diaz 520-555-0123");
    expect(c.lastReply).toContain("• Report to on site: Bob Diaz, 520-555-0123");
    c.say("yes");
    expect(c.submissions[0]?.siteContact).toEqual({ name: "Bob Diaz", phone: "+15205550123" });
  });

  it("at the summary, ME with a number and an instruction after a comma is the customer at that number", () => {
    const c = new IntakeConversation({ agency: "tucson-az-pd", phone: "+15205550142" });
    c.play([...UP_TO_SITE_CONTACT, "none"]);
    c.say("me at 520-555-0199, park behind the store");
    expect(c.lastReply).toContain("• Report to on site: Maria Lopez, 520-555-0199");
    c.say("yes");
    expect(c.submissions[0]?.siteContact).toEqual({ name: "Maria Lopez", phone: "+15205550199" });
  });

  it("on web chat, where there is no number, asks for one", () => {
    const c = new IntakeConversation({ agency: "tucson-az-pd", channel: "web", phone: null });
    c.play([...UP_TO_SITE_CONTACT, "none"]);
    expect(c.state.question).toBe("siteContact");
    expect(c.lastReply).toMatch(/Who should the officers report to on site, and their phone number\?/);
    c.say("ME");
    expect(c.lastReply).toMatch(/What phone number can the officers reach Maria Lopez on/);
    c.say("520 555 0199");
    expect(c.state.phase).toBe("confirming");
    c.say("yes");
    expect(c.submissions[0]?.siteContact).toEqual({ name: "Maria Lopez", phone: "+15205550199" });
  });

  it("asks in Spanish, and YO is the customer", () => {
    const c = new IntakeConversation({ agency: "tucson-az-pd", phone: "+15205550142" });
    c.play([
      "Hola, necesito 2 oficiales el sábado de 6 a 11 pm en 4500 E Broadway Blvd, Tucson para seguridad de tienda",
      "no",
      "ninguna",
      "María López",
      "Abarrotes del Desierto",
    ]);
    expect(c.lastReply).toMatch(/A quién deben reportarse los oficiales en el sitio/);
    c.say("yo, ninguna");
    expect(c.lastReply).toContain("• Reportarse en el sitio con: María López, 520-555-0142");
  });
});
