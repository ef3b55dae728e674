import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../support/start-test-app.ts";
import { createApprovedRequest, officerSays, waitForSentOffers, waitLong } from "./refill-fixture.ts";

const MINUTE = 60_000;

describe("offers expire", () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await startTestApp("offer-expiry");
  });
  afterAll(async () => {
    await test.close();
  });

  it("lapse offerExpiryMinutes (120) after they are sent, never after the start", async () => {
    const { queues } = test.app;
    const { request } = await createApprovedRequest(test, { agencyId: "rockport-tx-pd", ranks: ["officer"], daysAhead: 59 });
    await queues.enqueueBroadcastWave(request.id, 0, 0);
    const offers = await waitForSentOffers(test, request.id, 10);
    for (const offer of offers) {
      expect(offer.expiresAt?.getTime()).toBeGreaterThanOrEqual(offer.sentAt.getTime() + 120 * MINUTE - 2_000);
      expect(offer.expiresAt?.getTime()).toBeLessThanOrEqual(offer.sentAt.getTime() + 120 * MINUTE + 2_000);
    }

    const { prisma } = test.app;
    const soon = await prisma.request.create({
      data: {
        agencyId: "rockport-tx-pd",
        status: "approved",
        start: new Date(Date.now() + 30 * MINUTE),
        end: new Date(Date.now() + 270 * MINUTE),
        officers: 1,
        requestedAt: new Date(),
        positions: { create: [{ index: 1, rank: "officer" }] },
      },
    });
    await queues.enqueueBroadcastWave(soon.id, 0, 0);
    const close = await waitForSentOffers(test, soon.id, 1);
    expect(close.every((o) => o.expiresAt?.getTime() === soon.start.getTime())).toBe(true);
  });

  it("do not block the position: the next wave re-offers lapsed ones and marks the rest expired", async () => {
    const { prisma, queues } = test.app;
    const { request } = await createApprovedRequest(test, { agencyId: "rockport-tx-pd", ranks: ["officer"], daysAhead: 67 });
    await queues.enqueueBroadcastWave(request.id, 0, 0);
    const first = await waitForSentOffers(test, request.id, 10);
    const code = first[0]?.code ?? "";
    const decliner = first[0]!;
    await officerSays(test, "rockport-tx-pd", decliner.officer.phone, `NO ${code}`);
    const second = await waitLong(() => queues.broadcast.getJob(`wave-${request.id}-1`), (job) => job !== undefined);
    await second?.promote();
    const all = await waitLong(
      () => prisma.offer.findMany({ where: { position: { requestId: request.id } } }),
      (offers) => offers.length >= 12 || offers.filter((o) => o.wave === 1).length > 0,
    );
    // Two hours pass without an answer: every open offer lapses.
    await prisma.offer.updateMany({
      where: { position: { requestId: request.id }, status: "sent" },
      data: { expiresAt: new Date(Date.now() - 1_000) },
    });
    await queues.enqueueBroadcastWave(request.id, 2, 0);
    const after = await waitLong(
      () => prisma.offer.findMany({ where: { position: { requestId: request.id } } }),
      (offers) => offers.filter((o) => o.wave === 2).length > 0 && offers.every((o) => o.status !== "sent" || o.wave === 2),
    );
    const renewed = after.filter((o) => o.status === "sent");
    expect(renewed.length).toBe(Math.min(all.length - 1, 10));
    expect(renewed.every((o) => (o.expiresAt?.getTime() ?? 0) > Date.now())).toBe(true);
    expect(renewed.map((o) => o.officerId)).not.toContain(decliner.officerId);
    expect(after.find((o) => o.officerId === decliner.officerId)?.status).toBe("declined");
    // Whoever the wave had no room for is left expired, free to be asked by the next one.
    expect(after.filter((o) => o.status === "expired")).toHaveLength(all.length - 1 - renewed.length);
    // Re-offered on the same row, with the same code.
    expect(after).toHaveLength(all.length);
    expect(new Set(after.map((o) => o.code))).toEqual(new Set([code]));
  });
});
