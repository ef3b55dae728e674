import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import {
  createApprovedRequest,
  customerMessages,
  officerSays,
  officerTexts,
  waitForSentOffers,
  waitLong,
} from "./refill-fixture.ts";

/**
 * Rockport has 12 officers and waves of 10: once two waves went out everyone had been offered
 * the shift, so a DROP used to find nobody left to ask. Now everyone offered before is asked
 * again, except who said no and who dropped it.
 */
describe("a dropped shift is re-offered and the customer is kept told", () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await startTestApp("drop-refill");
  });
  afterAll(async () => {
    await test.close();
  });

  it("re-offers to everyone offered before but the one who declined and the one who dropped; tells the customer twice", async () => {
    const { prisma, queues } = test.app;
    const { request, conversation } = await createApprovedRequest(test, {
      agencyId: "rockport-tx-pd",
      ranks: ["officer"],
      daysAhead: 41,
      customerName: "Rita Owens",
    });
    await queues.enqueueBroadcastWave(request.id, 0, 0);
    const first = await waitForSentOffers(test, request.id, 10);
    const roster = await prisma.officer.count({ where: { agencyId: "rockport-tx-pd", active: true } });
    // The second wave asks whoever is left on the roster.
    const second = await waitLong(() => queues.broadcast.getJob(`wave-${request.id}-1`), (job) => job !== undefined);
    await second?.promote();
    const everyone = await waitForSentOffers(test, request.id, Math.min(roster, 12));
    expect(everyone.length).toBeGreaterThan(first.length);
    const code = everyone[0]?.code ?? "";

    const [decliner, taker, ...others] = everyone;
    await officerSays(test, "rockport-tx-pd", decliner!.officer.phone, `NO ${code}`);
    await officerSays(test, "rockport-tx-pd", taker!.officer.phone, `YES ${code}`);
    await waitLong(() => prisma.request.findUniqueOrThrow({ where: { id: request.id } }), (r) => r.status === "staffed");

    await officerSays(test, "rockport-tx-pd", taker!.officer.phone, `DROP ${code}`);
    const reoffered = await waitLong(
      () => prisma.offer.findMany({ where: { position: { requestId: request.id }, status: "sent" }, include: { officer: true } }),
      (offers) => offers.length >= Math.min(others.length, 10),
    );
    expect(reoffered.length).toBe(Math.min(others.length, 10));
    const reofferedIds = reoffered.map((o) => o.officerId);
    expect(reofferedIds).not.toContain(taker!.officerId);
    expect(reofferedIds).not.toContain(decliner!.officerId);
    // The same rows and code: an officer's YES <code> keeps meaning this request.
    expect(await prisma.offer.count({ where: { position: { requestId: request.id } } })).toBe(everyone.length);
    expect(reoffered.every((o) => o.code === code && o.wave >= 2 && o.expiresAt !== null)).toBe(true);
    const secondOffer = await officerTexts(test, "rockport-tx-pd", reoffered[0]!.officer.phone);
    expect(secondOffer.filter((t) => t.includes(`YES ${code}`))).toHaveLength(2);

    const told = await waitLong(
      () => customerMessages(test, conversation.id),
      (bodies) => bodies.some((b) => b.includes("can no longer make it")),
    );
    expect(told.filter((b) => b.includes("can no longer make it"))).toHaveLength(1);
    expect(told.some((b) => b.includes("not yet found enough officers"))).toBe(false);

    const replacement = reoffered[0]!;
    await officerSays(test, "rockport-tx-pd", replacement.officer.phone, `YES ${code}`);
    const after = await waitLong(
      () => customerMessages(test, conversation.id),
      (bodies) => bodies.some((b) => b.startsWith("Replacement confirmed")),
    );
    expect(after.find((b) => b.startsWith("Replacement confirmed"))).toContain(`Officer ${replacement.officer.lastName}`);
    const orders = await waitLong(
      () => officerTexts(test, "rockport-tx-pd", replacement.officer.phone),
      (texts) => texts.some((t) => t.startsWith("Post orders")),
    );
    // No site contact given at intake: the customer is the one to report to.
    expect(orders.find((t) => t.startsWith("Post orders"))).toContain("Site contact: Rita Owens,");
    const assignment = await prisma.assignment.findFirstOrThrow({ where: { officerId: replacement.officerId, position: { requestId: request.id } } });
    const notice = await waitLong(
      () => queues.slack.getJob(`notice-${request.id}-refilled-${assignment.id}`),
      (job) => job !== undefined,
    );
    expect(notice?.data.text).toContain("Refilled:");
    expect(await prisma.auditEvent.count({ where: { entityId: request.id, action: "broadcast.exhausted" } })).toBe(0);
  });
});
