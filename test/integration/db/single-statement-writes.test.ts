// The hot paths write with single SQL statements (see prisma-intake-store.ts and record-offers.ts):
// these pin down what they must keep doing that Prisma's per-model calls did for them.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createIntakeState } from "../../../core/intake/index.ts";
import { createDatabase, type PrismaClient } from "../../../prisma/client.ts";
import { InboundSmsInbox } from "../../../prisma/repositories/inbound-sms-inbox.ts";
import { PrismaIntakeStore } from "../../../prisma/repositories/prisma-intake-store.ts";
import { recordOfferBatch } from "../../../prisma/repositories/record-offers.ts";

const AGENCY = "tucson-az-pd";

describe("single-statement writes", () => {
  let prisma: PrismaClient;
  let store: PrismaIntakeStore;
  let inbox: InboundSmsInbox;
  const phone = () => `+1520666${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`;

  beforeAll(() => {
    const database = createDatabase(inject("databaseUrl"));
    prisma = database.prisma;
    store = new PrismaIntakeStore(prisma);
    inbox = new InboundSmsInbox(prisma, database.pool);
  });
  afterAll(async () => {
    await prisma.$disconnect();
  });

  it("stores an inbound SMS once per MessageSid, as sent, and lists a sender's waiting ones oldest first", async () => {
    const from = phone();
    const sid = `SM${Math.random().toString(16).slice(2).padEnd(32, "0")}`;
    const message = {
      channel: "sms" as const,
      agencyId: AGENCY,
      from,
      to: "+15205550100",
      text: "café 🚓 'quoted' \\ 10% ; DROP TABLE \"Message\"",
      providerId: sid,
      media: [{ url: "https://api.twilio.com/media/ME1", contentType: "image/jpeg" }],
      receivedAt: new Date("2026-11-23T17:00:00.123Z"),
    };
    await inbox.store(message);
    await inbox.store({ ...message, text: "a retried webhook changes nothing" });
    await inbox.store({ ...message, providerId: `${sid.slice(0, -1)}x`, text: "second" });
    const waiting = await inbox.listPending(AGENCY, from);
    expect(waiting.map((w) => w.message)).toEqual([message, { ...message, providerId: `${sid.slice(0, -1)}x`, text: "second" }]);
    await inbox.markProcessed(waiting[0]?.seq ?? 0n, new Date());
    expect((await inbox.listPending(AGENCY, from)).map((w) => w.message.text)).toEqual(["second"]);
  });

  it("opens a customer conversation once and finds it again; a closed one is not reused", async () => {
    const key = { agencyId: AGENCY, channel: "sms" as const, participant: phone() };
    const first = await store.openConversation(key);
    expect(first).toMatchObject({ ...key, holder: "bot", state: createIntakeState() });
    expect((await store.openConversation(key)).id).toBe(first.id);
    // An officer conversation with the same number is another conversation.
    await prisma.conversation.create({ data: { ...key, role: "officer" } });
    expect((await store.openConversation(key)).id).toBe(first.id);
    await prisma.conversation.update({ where: { id: first.id }, data: { closedAt: new Date(), holder: "dispatcher" } });
    const next = await store.openConversation(key);
    expect(next.id).not.toBe(first.id);
    expect(next.holder).toBe("bot");
  });

  it("commits a turn without effects: state, ordered replies, or no reply at all", async () => {
    const conversation = await store.openConversation({ agencyId: AGENCY, channel: "sms", participant: phone() });
    const at = new Date("2026-11-23T17:00:00Z");
    const state = { ...createIntakeState(), language: "es" as const };
    await store.commitTurn(conversation, { state, effects: [], replies: [{ text: "uno" }, { text: "dos" }] }, at);
    const row = await prisma.conversation.findUniqueOrThrow({
      where: { id: conversation.id },
      include: { messages: { orderBy: { createdAt: "asc" } } },
    });
    expect(row).toMatchObject({ state, stateName: state.phase, language: "es", lastMessageAt: at });
    expect(row.messages.map((m) => [m.body, m.direction, m.channel, m.from, m.to, m.status])).toEqual([
      ["uno", "outbound", "sms", "bot", conversation.participant, "recorded"],
      ["dos", "outbound", "sms", "bot", conversation.participant, "recorded"],
    ]);
    await store.commitTurn(conversation, { state, effects: [], replies: [] }, new Date(at.getTime() + 60_000));
    expect(await prisma.message.count({ where: { conversationId: conversation.id } })).toBe(2);
    await expect(
      store.commitTurn({ ...conversation, id: "00000000-0000-4000-8000-000000000000" }, { state, effects: [], replies: [] }, at),
    ).rejects.toThrow(/no conversation/);
  });

  it("writes a batch of offers and texts once: a re-run, or an officer already offered, adds nothing", async () => {
    const start = new Date(Date.now() + 30 * 24 * 3600_000);
    const request = await prisma.request.create({
      data: {
        agencyId: AGENCY,
        status: "staffing",
        start,
        end: new Date(start.getTime() + 4 * 3600_000),
        officers: 2,
        positions: { create: [{ index: 1, rank: "officer" }, { index: 2, rank: "officer" }] },
      },
      include: { positions: true },
    });
    // Officers of this test alone, so no other test file texts them meanwhile.
    const officers = await Promise.all(
      [0, 1, 2].map((i) =>
        prisma.officer.create({
          data: {
            agencyId: AGENCY,
            badgeNumber: `SSW${request.number}-${i}`,
            firstName: "Batch",
            lastName: `Officer${i}`,
            phone: `+152066${7 + i}${String(request.number % 10_000).padStart(4, "0")}`,
            rank: "officer",
            seniorityDate: new Date("2010-01-01T00:00:00Z"),
          },
        }),
      ),
    );
    // One already has an officer conversation (say from an earlier offer): it is reused.
    await prisma.conversation.create({ data: { agencyId: AGENCY, channel: "sms", role: "officer", participant: officers[0]!.phone } });
    const positionIds = request.positions.map((p) => p.id);
    const [a, b, c] = officers.map((o) => ({ officerId: o.id, phone: o.phone, positionIds }));
    const batch = { agencyId: AGENCY, code: "ZZ99", wave: 0, from: "+15205550100", body: `offer ${request.id}` };

    const first = await recordOfferBatch(prisma, { ...batch, targets: [a!, b!] });
    expect(first).toHaveLength(2);
    expect(await recordOfferBatch(prisma, { ...batch, targets: [a!, b!] })).toEqual([]);
    // One new officer among already-offered ones: only they are texted.
    const second = await recordOfferBatch(prisma, { ...batch, wave: 1, targets: [a!, b!, c!] });
    expect(second).toHaveLength(1);

    expect(await prisma.offer.count({ where: { positionId: { in: positionIds } } })).toBe(6);
    const texts = await prisma.message.findMany({ where: { body: batch.body }, include: { conversation: true } });
    expect(texts.map((t) => t.to).sort()).toEqual(officers.map((o) => o.phone).sort());
    for (const text of texts) {
      expect(text).toMatchObject({ direction: "outbound", channel: "sms", status: "recorded", from: batch.from });
      expect(text.conversation).toMatchObject({ role: "officer", participant: text.to, agencyId: AGENCY });
    }
    // The officer's existing conversation is reused, not a second one opened.
    const conversations = await prisma.conversation.groupBy({
      by: ["participant"],
      where: { agencyId: AGENCY, role: "officer", participant: { in: officers.map((o) => o.phone) }, closedAt: null },
      _count: true,
    });
    expect(conversations.every((row) => row._count === 1)).toBe(true);
  });
});
