import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countSmsSegments } from "../../../core/staffing/index.ts";
import { requestStaffedJob } from "../../../workers/jobs/request-staffed.ts";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import { createApprovedRequest, officerTexts, waitForSentOffers, waitLong } from "./refill-fixture.ts";

describe("offer texts and post orders tell the officer what they need", () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await startTestApp("offer-text");
  });
  afterAll(async () => {
    await test.close();
  });

  it("offer texts name rank, local time, place, the rank's pay in the request's column, and the code", async () => {
    const { prisma, queues } = test.app;
    const { request } = await createApprovedRequest(test, {
      agencyId: "tucson-az-pd",
      ranks: ["officer", "officer", "officer", "officer", "sergeant"],
      daysAhead: 73,
      category: "major_event",
      address: { line1: "4500 E Broadway Blvd", city: "Tucson", state: "AZ" },
    });
    await queues.enqueueBroadcastWave(request.id, 0, 0);
    const offers = await waitForSentOffers(test, request.id, 10);
    const code = offers[0]?.code ?? "";
    const positions = new Map((await prisma.position.findMany({ where: { requestId: request.id } })).map((p) => [p.id, p.rank]));
    const texts = await waitLong(
      async () => Promise.all([...new Map(offers.map((o) => [o.officerId, o])).values()].map(async (o) => ({
        offer: o,
        texts: (await officerTexts(test, "tucson-az-pd", o.officer.phone)).filter((t) => t.includes(`YES ${code}`)),
      }))),
      (list) => list.every((entry) => entry.texts.length === 1),
    );
    // 10:00 Arizona time (17:00 UTC), four hours.
    const local = /^(Officer|Sergeant) off-duty shift: \w{3} \w{3} \d{1,2} 10:00 AM-2:00 PM at 4500 E Broadway Blvd, Tucson( \(#\d+\))?\. \$(\d+\.\d\d)\/hour\. Reply YES (\w{4})/;
    for (const { offer, texts: [text] } of texts) {
      const match = local.exec(text ?? "");
      expect(match, text).not.toBeNull();
      const rank = positions.get(offer.positionId);
      // Major-event column: officer $72.48, sergeant $80.84 (policy.md).
      expect(match?.[1]).toBe(rank === "sergeant" ? "Sergeant" : "Officer");
      expect(match?.[3]).toBe(rank === "sergeant" ? "80.84" : "72.48");
      expect(match?.[4]).toBe(code);
      expect(countSmsSegments(text ?? "")).toBe(1);
    }
    // Each officer is offered the positions of one rank, the one their text names.
    for (const officerId of new Set(offers.map((o) => o.officerId))) {
      expect(new Set(offers.filter((o) => o.officerId === officerId).map((o) => positions.get(o.positionId))).size).toBe(1);
    }
  });

  it.each([
    {
      name: "the site contact the customer named",
      siteContact: { name: "Dana Ruiz", phone: "+15205550142" },
      expected: "Site contact: Dana Ruiz, +15205550142. Instructions: Enter by the loading dock.",
    },
    { name: "the customer when none was named", siteContact: undefined, expected: /Site contact: Lena Park, \+1520\d{7}\. Instructions: Enter by the loading dock\.$/ },
  ])("post orders give $name, a number to call and the instructions", async ({ siteContact, expected }) => {
    const { prisma } = test.app;
    const { request } = await createApprovedRequest(test, {
      agencyId: "tucson-az-pd",
      ranks: ["officer"],
      daysAhead: siteContact ? 79 : 83,
      customerName: "Lena Park",
      postOrders: "Enter by the loading dock.",
      ...(siteContact ? { siteContact } : {}),
    });
    const officer = await prisma.officer.findFirstOrThrow({ where: { agencyId: "tucson-az-pd", rank: "officer" } });
    const position = request.positions[0]!;
    await prisma.position.update({ where: { id: position.id }, data: { status: "filled" } });
    await prisma.request.update({ where: { id: request.id }, data: { status: "staffed" } });
    await prisma.assignment.create({ data: { positionId: position.id, officerId: officer.id, start: request.start, end: request.end } });
    await requestStaffedJob.run({ payload: { requestId: request.id }, deps: test.app.workerDeps, attempt: 1 });
    const orders = (await officerTexts(test, "tucson-az-pd", officer.phone)).filter((t) => t.startsWith(`Post orders for #${request.number}`));
    expect(orders).toHaveLength(1);
    if (typeof expected === "string") expect(orders[0]).toContain(expected);
    else expect(orders[0]).toMatch(expected);
    expect(orders[0]).not.toContain("report to the site contact.");
  });
});
