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

describe("a no-show's position is re-offered and the customer is told", () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await startTestApp("no-show-refill");
  });
  afterAll(async () => {
    await test.close();
  });

  /** Staffs a one-officer Mesquite request; returns it with the officer who took it. */
  async function staffOne(input: { daysAhead: number; channel?: "sms" | "voice"; language?: "en" | "es" }) {
    const { prisma, queues } = test.app;
    const created = await createApprovedRequest(test, { agencyId: "mesquite-tx-pd", ranks: ["officer"], ...input });
    await queues.enqueueBroadcastWave(created.request.id, 0, 0);
    const offers = await waitForSentOffers(test, created.request.id, 10);
    const taker = offers[0]!;
    await officerSays(test, "mesquite-tx-pd", taker.officer.phone, `YES ${taker.code}`);
    await waitLong(() => prisma.request.findUniqueOrThrow({ where: { id: created.request.id } }), (r) => r.status === "staffed");
    const noShowCheck = await waitLong(
      () => queues.reminders.getJob(`noshow-${created.request.id}-${created.request.start.getTime()}`),
      (job) => job !== undefined,
    );
    return { ...created, offers, taker, noShowCheck };
  }

  it("re-offers the position to everyone else offered, tells the customer in Spanish, then who is coming", async () => {
    const { prisma } = test.app;
    const { request, conversation, offers, taker, noShowCheck } = await staffOne({ daysAhead: 47, language: "es" });
    // The check runs 15 minutes after the start; here it is run now, through its queue.
    await noShowCheck?.promote();
    const reoffered = await waitLong(
      () => prisma.offer.findMany({ where: { position: { requestId: request.id }, status: "sent" }, include: { officer: true } }),
      (list) => list.length >= offers.length - 1,
    );
    expect(reoffered.map((o) => o.officerId)).not.toContain(taker.officerId);
    // Everyone offered it before is asked again (the wave's tenth place goes to someone new).
    expect(reoffered.map((o) => o.officerId)).toEqual(expect.arrayContaining(offers.slice(1).map((o) => o.officerId)));
    const noShow = await prisma.assignment.findFirstOrThrow({ where: { officerId: taker.officerId, position: { requestId: request.id } } });
    expect(noShow.status).toBe("no_show");
    expect(await prisma.position.findFirstOrThrow({ where: { requestId: request.id } })).toMatchObject({ status: "offered" });

    const told = await waitLong(
      () => customerMessages(test, conversation.id),
      (bodies) => bodies.some((b) => b.includes("no se presentó")),
    );
    expect(told.filter((b) => b.includes("no se presentó"))).toHaveLength(1);
    const noticed = await waitLong(() => test.app.queues.slack.getJob(`notice-${request.id}-no-show-${noShow.id}`), (job) => job !== undefined);
    expect(noticed?.data.text).toContain("being offered again");

    const replacement = reoffered[0]!;
    await officerSays(test, "mesquite-tx-pd", replacement.officer.phone, `YES ${replacement.code}`);
    const after = await waitLong(
      () => customerMessages(test, conversation.id),
      (bodies) => bodies.some((b) => b.startsWith("Reemplazo confirmado")),
    );
    expect(after.find((b) => b.startsWith("Reemplazo confirmado"))).toContain(`Officer ${replacement.officer.lastName}`);
    const orders = await waitLong(
      () => officerTexts(test, "mesquite-tx-pd", replacement.officer.phone),
      (texts) => texts.some((t) => t.startsWith("Post orders")),
    );
    expect(orders.filter((t) => t.startsWith("Post orders"))).toHaveLength(1);
  });

  it("refills for a caller too, who has no channel to be told on", async () => {
    const { prisma } = test.app;
    const { request, conversation, offers, taker, noShowCheck } = await staffOne({ daysAhead: 53, channel: "voice" });
    await noShowCheck?.promote();
    await waitLong(
      () => prisma.offer.count({ where: { position: { requestId: request.id }, status: "sent" } }),
      (count) => count >= offers.length - 1,
    );
    const noShow = await prisma.assignment.findFirstOrThrow({ where: { officerId: taker.officerId, position: { requestId: request.id } } });
    // The notice was decided (once), with nobody to send it to.
    await waitLong(
      () => prisma.auditEvent.count({ where: { action: "refill.customer_told_sought", entityId: noShow.id } }),
      (count) => count === 1,
    );
    expect(await customerMessages(test, conversation.id)).toEqual([]);
  });
});
