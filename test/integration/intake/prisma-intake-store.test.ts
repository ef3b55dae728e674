import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getAgency } from "../../../agencies/load-agencies.ts";
import { handleCustomerTurn, type TurnResult } from "../../../bots/handle-turn.ts";
import type { InboundMessage } from "../../../core/messages/index.ts";
import { parserExtractor } from "../../../core/understanding/index.ts";
import { createPrismaClient, type PrismaClient } from "../../../prisma/client.ts";
import { PrismaIntakeStore } from "../../../prisma/repositories/prisma-intake-store.ts";

describe("intake over PostgreSQL", () => {
  let prisma: PrismaClient;
  let store: PrismaIntakeStore;
  const now = new Date("2026-11-23T17:00:00Z");
  const phone = `+1520555${String(1000 + Math.floor(Math.random() * 8999))}`;
  let sequence = 0;

  beforeAll(async () => {
    prisma = createPrismaClient(inject("databaseUrl"));
    store = new PrismaIntakeStore(prisma);
  });
  afterAll(async () => {
    await prisma.$disconnect();
  });

  function makeMessage(text: string, overrides: Partial<InboundMessage> = {}): InboundMessage {
    sequence += 1;
    return {
      channel: "sms",
      agencyId: "tucson-az-pd",
      from: phone,
      to: "+15205550100",
      text,
      providerId: `SM${randomBytes(16).toString("hex")}`,
      media: [],
      receivedAt: new Date(now.getTime() + sequence * 1000),
      ...overrides,
    };
  }

  const send = (text: string, overrides: Partial<InboundMessage> = {}): Promise<TurnResult> =>
    handleCustomerTurn(makeMessage(text, overrides), { store, extractor: parserExtractor, getAgency });

  const texts = (result: TurnResult) => (result.kind === "replied" ? result.replies.map((r) => r.text) : []);

  it("books a request end to end and stores it with its quote snapshot and every message", async () => {
    await send("hi, I need 2 officers with a car Saturday 6-11pm at 4500 E Broadway for my store");
    for (const answer of ["no", "Maria Lopez", "Desert Bloom Events", "none"]) await send(answer);
    const confirmation = await send("YES");
    expect(confirmation.kind).toBe("replied");
    const [reply] = texts(confirmation);
    const number = Number(/#(\d+)/.exec(reply ?? "")?.[1]);
    expect(number).toBeGreaterThanOrEqual(1001);

    const request = await prisma.request.findUniqueOrThrow({
      where: { number },
      include: { quotes: true, customer: true, conversation: { include: { messages: true } } },
    });
    expect(request).toMatchObject({ status: "submitted", officers: 2, vehicles: 1, agencyId: "tucson-az-pd" });
    expect(request.customer).toMatchObject({ name: "Maria Lopez", organization: "Desert Bloom Events" });
    expect(request.quotes).toHaveLength(1);
    expect(request.quotes[0]?.totalCents).toBeGreaterThan(0);
    const messages = request.conversation?.messages ?? [];
    expect(messages.filter((m) => m.direction === "inbound")).toHaveLength(6);
    expect(messages.filter((m) => m.direction === "outbound").length).toBeGreaterThanOrEqual(6);
    expect(messages.some((m) => m.body.includes(`#${number}`))).toBe(true);
    const audit = await prisma.auditEvent.findMany({ where: { entityId: request.id } });
    expect(audit.map((a) => a.action)).toContain("request.submitted");
  });

  it("handles a retried webhook (same provider id) once", async () => {
    const message = makeMessage("STATUS");
    const first = await handleCustomerTurn(message, { store, extractor: parserExtractor, getAgency });
    const second = await handleCustomerTurn(message, { store, extractor: parserExtractor, getAgency });
    expect(first.kind).toBe("replied");
    expect(second.kind).toBe("duplicate");
    expect(await prisma.message.count({ where: { providerId: message.providerId } })).toBe(1);
  });

  it("shows the cancellation fee and cancels only after a second YES", async () => {
    const status = texts(await send("STATUS")).join("\n");
    const number = Number(/#(\d+)/.exec(status)?.[1]);
    const ask = texts(await send(`CANCEL ${number}`)).join("\n");
    expect(ask).toMatch(/\$0\.00/);
    expect((await prisma.request.findUniqueOrThrow({ where: { number } })).status).toBe("submitted");
    await send("yes");
    const cancelled = await prisma.request.findUniqueOrThrow({ where: { number } });
    expect(cancelled).toMatchObject({ status: "cancelled", cancellationFeeCents: 0 });
  });

  it("keeps an opt-out per number and stays silent until START", async () => {
    const other = `+1520555${String(1000 + Math.floor(Math.random() * 8999))}`;
    expect(texts(await send("STOP", { from: other }))).toEqual([]);
    expect(await prisma.optOut.count({ where: { agencyId: "tucson-az-pd", phone: other } })).toBe(1);
    expect(texts(await send("I need 2 officers tomorrow", { from: other }))).toEqual([]);
    expect(texts(await send("START", { from: other })).length).toBeGreaterThan(0);
    expect(await prisma.optOut.count({ where: { agencyId: "tucson-az-pd", phone: other } })).toBe(0);
  });
});
