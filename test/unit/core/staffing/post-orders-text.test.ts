import { describe, expect, it } from "vitest";
import { chooseSiteContact, renderPostOrders, renderReplacementFound, renderReplacementSought } from "../../../../core/staffing/index.ts";

describe("post orders", () => {
  it("always name a site contact with a number, and the instructions", () => {
    const text = renderPostOrders({
      requestNumber: 12,
      when: "Sat Dec 19 6:00 PM-11:00 PM",
      place: "4500 E Broadway Blvd, Tucson",
      contact: { name: "Dana Ruiz", phone: "+15205550142" },
      instructions: "Park in the east lot.",
    });
    expect(text).toBe(
      "Post orders for #12, Sat Dec 19 6:00 PM-11:00 PM at 4500 E Broadway Blvd, Tucson. Site contact: Dana Ruiz, +15205550142. Instructions: Park in the east lot.",
    );
  });

  it("say so when there are no instructions", () => {
    const text = renderPostOrders({ requestNumber: 1, when: "w", place: "p", contact: { name: "A", phone: "+1" }, instructions: "  " });
    expect(text).toMatch(/Instructions: none given\.$/);
  });

  it.each([
    {
      name: "the named site contact",
      input: { siteContactName: "Dana Ruiz", siteContactPhone: "+15205550142", customerName: "Maria Lopez", customerPhone: "+15205550123" },
      contact: { name: "Dana Ruiz", phone: "+15205550142" },
    },
    {
      name: "the customer when no site contact was given",
      input: { siteContactName: null, siteContactPhone: null, customerName: "Maria Lopez", customerPhone: "+15205550123" },
      contact: { name: "Maria Lopez", phone: "+15205550123" },
    },
    {
      name: "the customer's number when the site contact has none",
      input: { siteContactName: "Dana", siteContactPhone: " ", customerName: "Maria Lopez", customerPhone: "+15205550123" },
      contact: { name: "Dana", phone: "+15205550123" },
    },
  ])("site contact: $name", ({ input, contact }) => {
    expect(chooseSiteContact(input)).toEqual(contact);
  });
});

describe("refill notices to the customer", () => {
  it.each([
    { reason: "dropped" as const, language: "en" as const, says: /can no longer make it\. We are offering the position/ },
    { reason: "no_show" as const, language: "en" as const, says: /has not arrived/ },
    { reason: "dropped" as const, language: "es" as const, says: /ya no puede asistir\. Estamos ofreciendo el puesto/ },
    { reason: "no_show" as const, language: "en" as const, count: 3, says: /^3 of the officers for your request #7 have not arrived\. We are offering the positions/ },
    { reason: "dropped" as const, language: "es" as const, count: 2, says: /^2 de los oficiales .* ya no pueden asistir\. Estamos ofreciendo los puestos/ },
    { reason: "no_show" as const, language: "es" as const, says: /no se presentó/ },
  ])("replacement sought ($reason, $language)", ({ reason, language, says, ...rest }) => {
    const count = "count" in rest ? (rest.count as number) : undefined;
    const text = renderReplacementSought({ requestNumber: 7, reason, language, ...(count ? { count } : {}) });
    expect(text).toMatch(says);
    expect(text).toContain("#7");
  });

  it.each([
    { language: "en" as const, says: "Replacement confirmed for your request #7: Sgt. Reyes will cover the open position (Sat). Text STATUS any time." },
    { language: "es" as const, says: "Reemplazo confirmado para su solicitud #7: Sgt. Reyes cubrirá el puesto (Sat). Envíe STATUS cuando quiera." },
  ])("replacement found ($language)", ({ language, says }) => {
    expect(renderReplacementFound({ requestNumber: 7, officer: "Sgt. Reyes", when: "Sat", language })).toBe(says);
  });
});
