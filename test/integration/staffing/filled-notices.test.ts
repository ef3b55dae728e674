import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import { createStaffingFixture, HOUR_MS } from "./staffing-fixture.ts";

const TUCSON = "tucson-az-pd";

describe("officers whose offers were filled by others are told once", () => {
  let test: TestApp;
  let fixture: ReturnType<typeof createStaffingFixture>;

  beforeAll(async () => {
    test = await startTestApp("filled-notices");
    fixture = createStaffingFixture(test.app.prisma);
  });
  afterAll(async () => {
    await test.close();
  });

  const start = new Date(Date.UTC(2027, 5, 1, 1));
  const before = new Date(start.getTime() - 2 * 24 * HOUR_MS);
  const filledText = (n: number) => `Request #${n} has been filled. Thank you for answering.`;

  it("texts each officer left without an open offer once the request is filled, except those with FILLED OFF", async () => {
    const officers = await Promise.all([0, 1, 2, 3].map(() => fixture.makeOfficer(TUCSON)));
    const [first, second, waiting, quiet] = officers as [(typeof officers)[0], (typeof officers)[0], (typeof officers)[0], (typeof officers)[0]];
    expect(await fixture.text(quiet, "FILLED OFF", before)).toBe(
      "OK: no more texts when a shift you were offered is filled by someone else. Reply FILLED ON to get them again.",
    );
    const { request, code } = await fixture.makeOfferedRequest({
      agencyId: TUCSON,
      start,
      ranks: ["officer", "officer"],
      offerTo: officers,
    });

    await fixture.text(first, `YES ${code}`, before);
    // One position is still open: nobody has lost yet.
    for (const officer of [second, waiting, quiet]) expect(await fixture.textsTo(officer)).not.toContain(filledText(request.number));

    await fixture.text(second, `YES ${code}`, before);
    expect((await fixture.textsTo(waiting)).filter((t) => t === filledText(request.number))).toHaveLength(1);
    expect(await fixture.textsTo(quiet)).not.toContain(filledText(request.number));
    // Winners are confirmed, not told it is filled.
    for (const winner of [first, second]) expect(await fixture.textsTo(winner)).not.toContain(filledText(request.number));
    const queued = fixture.effects.officerNotices.flatMap((n) => n.conversationIds);
    const waitingConversation = await test.app.prisma.conversation.findFirstOrThrow({ where: { participant: waiting.phone, role: "officer" } });
    expect(queued.filter((id) => id === waitingConversation.id)).toHaveLength(1);

    // A late YES still hears what happened.
    expect(await fixture.text(waiting, `YES ${code}`, before)).toBe("Sorry, that shift has already been filled. Thank you for answering.");
  });

  it("FILLED ON turns the texts back on", async () => {
    const [winner, loser] = [await fixture.makeOfficer(TUCSON), await fixture.makeOfficer(TUCSON)];
    await fixture.text(loser, "FILLED OFF", before);
    expect(await fixture.text(loser, "filled on", before)).toMatch(/^OK: we will text you/);
    const { request, code } = await fixture.makeOfferedRequest({
      agencyId: TUCSON,
      start: new Date(start.getTime() + 3 * 24 * HOUR_MS),
      offerTo: [winner, loser],
    });
    await fixture.text(winner, `YES ${code}`, before);
    expect(await fixture.textsTo(loser)).toContain(filledText(request.number));
  });

  it("lists FILLED OFF / FILLED ON in the help", async () => {
    const officer = await fixture.makeOfficer(TUCSON);
    expect(await fixture.text(officer, "HELP", before)).toContain("FILLED OFF / FILLED ON");
  });
});
